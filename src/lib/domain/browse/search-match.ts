/**
 * Matches cards against a parsed search (search-query.ts). Pure: works on a flat, prepared view of a
 * card (`SearchableCard`), so that Browse can keep 100,000 of them in memory and filter in milliseconds.
 */
import { htmlToText, foldText, lowerText } from '../text-fold';
import { Queue, type CardRow, type DeckRow, type NoteRow } from '../model';
import { CardState } from '../schedule';
import { startOfStudyDay, studyDayOf } from '../study-day';
import { deckPath } from '../decks/deck-groups';
import type { Comparison, SearchNode } from './search-query';

export interface SearchableCard {
	card: CardRow;
	/** The deck's full name, folded: group path and title joined by "::"; and its title alone. */
	deckPath: string;
	deckTitle: string;
	tags: string[];
	/** Every field of the note (and source quote), HTML reduced to words: folded, and lower-cased. */
	folded: string;
	lower: string;
	/** The card's last answer (for rated:), if any. */
	lastAnswer: { reviewedMs: number; rating: number } | null;
}

export interface SearchContext {
	nowMs: number;
	dayCutoffHour: number;
	/** Current probability of recall of a card (0 for new cards): the scheduler's, passed in. */
	retrievability: (card: CardRow) => number;
}

/** Prepares one card for searching (done once when Browse loads, and again after an edit). */
export function toSearchable(
	card: CardRow,
	note: Pick<NoteRow, 'fields' | 'tags' | 'sourceQuote' | 'explanation'>,
	deck: Pick<DeckRow, 'title' | 'group'> | undefined,
	lastAnswer: SearchableCard['lastAnswer'] = null
): SearchableCard {
	// Fields are kept apart by a mark that is not white space, so that a phrase never spans two fields.
	const text = htmlToText(
		[...Object.values(note.fields), note.sourceQuote ?? '', note.explanation ?? '']
			.map(clozeToText)
			.join(' \u2016 ')
	);
	return {
		card,
		deckPath: foldText(deck ? deckPath(deck) : card.deckId),
		deckTitle: foldText(deck?.title ?? card.deckId),
		tags: note.tags.map(foldText),
		folded: foldText(text),
		lower: lowerText(text),
		lastAnswer
	};
}

/** Cloze markup as the words it shows: "{{c1::Minsk::capital}}" -> "Minsk capital". */
function clozeToText(text: string): string {
	return text.replace(/\{\{c\d+::([\s\S]*?)(?:::([\s\S]*?))?\}\}/g, (_m, answer: string, hint?: string) =>
		hint ? `${answer} ${hint}` : answer
	);
}

function compare(a: number, op: Comparison, b: number): boolean {
	switch (op) {
		case '<':
			return a < b;
		case '<=':
			return a <= b;
		case '>':
			return a > b;
		case '>=':
			return a >= b;
		case '=':
			return a === b;
		case '!=':
			return a !== b;
	}
}

export function isBuried(card: CardRow, nowMs: number): boolean {
	return card.buriedUntilMs !== undefined && card.buriedUntilMs > nowMs;
}

/** A compiled matcher: the day boundaries are worked out once per search, not once per card. */
export function compileSearch(node: SearchNode, ctx: SearchContext): (c: SearchableCard) => boolean {
	const today = studyDayOf(ctx.nowMs, ctx.dayCutoffHour);
	const endOfDayMs = startOfStudyDay(today + 1, ctx.dayCutoffHour);
	const dayOf = (ms: number) => studyDayOf(ms, ctx.dayCutoffHour);

	function stateIs(card: CardRow, state: string): boolean {
		switch (state) {
			case 'new':
				return card.state === CardState.New;
			case 'learn':
				return card.state === CardState.Learning || card.state === CardState.Relearning;
			case 'review':
				return card.state === CardState.Review || card.state === CardState.Relearning;
			case 'suspended':
				return card.queue === Queue.Suspended;
			case 'buried':
				return isBuried(card, ctx.nowMs);
			default: // due: what study would show today (learning cards once their time has come)
				if (card.queue === Queue.Suspended || isBuried(card, ctx.nowMs)) return false;
				if (card.state === CardState.Review) return card.dueMs < endOfDayMs;
				if (card.state === CardState.New) return false;
				return card.dueMs <= ctx.nowMs;
		}
	}

	function property(card: CardRow, prop: string): number | null {
		if (prop === 'lapses') return card.lapses;
		if (prop === 'reps') return card.reps;
		if (card.state === CardState.New) return null; // new cards have no due day, interval or memory yet
		switch (prop) {
			case 'due':
				return dayOf(card.dueMs) - today;
			case 'ivl':
				return card.scheduledDays;
			case 's':
				return card.stability;
			case 'd':
				return card.difficulty;
			default:
				return ctx.retrievability(card);
		}
	}

	function build(n: SearchNode): (c: SearchableCard) => boolean {
		switch (n.kind) {
			case 'all':
				return () => true;
			case 'and': {
				const parts = n.children.map(build);
				return (c) => parts.every((p) => p(c));
			}
			case 'or': {
				const parts = n.children.map(build);
				return (c) => parts.some((p) => p(c));
			}
			case 'not': {
				const inner = build(n.child);
				return (c) => !inner(c);
			}
			case 'word':
				return n.wildcard ? (c) => n.wildcard!.test(c.folded) : (c) => c.folded.includes(n.folded);
			case 'phrase':
				return (c) => c.lower.includes(n.lower);
			case 'deck':
				// The full name ("Group::Deck"), or the deck's own title, or its id.
				return (c) => n.pattern.test(c.deckPath) || n.pattern.test(c.deckTitle) || c.card.deckId === n.raw;
			case 'tag':
				return (c) => c.tags.some((t) => n.pattern.test(t));
			case 'is':
				return (c) => stateIs(c.card, n.state);
			case 'rated': {
				const sinceMs = startOfStudyDay(today - n.days + 1, ctx.dayCutoffHour);
				return (c) =>
					c.lastAnswer !== null &&
					c.lastAnswer.reviewedMs >= sinceMs &&
					(n.rating === null || c.lastAnswer.rating === n.rating);
			}
			case 'prop':
				return (c) => {
					const value = property(c.card, n.prop);
					return value !== null && compare(value, n.op, n.value);
				};
		}
	}
	return build(node);
}
