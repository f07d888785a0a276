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
import { renderCard } from '../card-render';

/** Characters of question and answer kept for the list (a line or two; card info shows the whole card). */
const LINE_CHARS = 240;

export interface SearchableCard {
	card: CardRow;
	/** What Browse lists: the card's question and answer as plain text (bounded), its deck's full name. */
	question: string;
	answer: string;
	deckName: string;
	/** The deck's full name, folded: group path and title joined by "::"; and its title alone. */
	deckPath: string;
	deckTitle: string;
	tags: string[];
	/** Every field of the note (and source quote), HTML reduced to words: folded, and lower-cased. */
	folded: string;
	lower: string;
	/**
	 * The card's answers in the window Browse loaded for a rated: search (see `ratedWindowDays`);
	 * empty until such a search asks for them (reading every log up front would cost seconds).
	 */
	answers: readonly Answer[];
}

export interface Answer {
	reviewedMs: number;
	rating: number;
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
	note: Pick<NoteRow, 'kind' | 'fields' | 'tags' | 'sourceQuote' | 'explanation'>,
	deck: Pick<DeckRow, 'title' | 'group'> | undefined,
	answers: readonly Answer[] = []
): SearchableCard {
	// Fields are kept apart by a mark that is not white space, so that a phrase never spans two fields.
	const text = htmlToText(
		[...Object.values(note.fields), note.sourceQuote ?? '', note.explanation ?? '']
			.map(clozeToText)
			.join(' \u2016 ')
	);
	const sides = renderCard(note.kind, note.fields, card.ord);
	const deckName = deck ? deckPath(deck) : card.deckId;
	return {
		card,
		question: htmlToText(sides.questionHtml).slice(0, LINE_CHARS),
		answer: htmlToText(sides.answerHtml).slice(0, LINE_CHARS),
		deckName,
		deckPath: foldText(deckName),
		deckTitle: foldText(deck?.title ?? card.deckId),
		tags: note.tags.map(foldText),
		folded: foldText(text),
		lower: lowerText(text),
		answers
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
					c.answers.some((a) => a.reviewedMs >= sinceMs && (n.rating === null || a.rating === n.rating));
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

/** The longest rated:N window of a search (the answers Browse must load), or 0 when it has none. */
export function ratedWindowDays(node: SearchNode): number {
	switch (node.kind) {
		case 'rated':
			return node.days;
		case 'and':
		case 'or':
			return Math.max(0, ...node.children.map(ratedWindowDays));
		case 'not':
			return ratedWindowDays(node.child);
		default:
			return 0;
	}
}
