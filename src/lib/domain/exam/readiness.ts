/**
 * Readiness for an exam: each card's predicted recall on the exam morning (FSRS retrievability if it is
 * not reviewed again), summed up overall and per tag, with the cards at risk and the weakest ones. Pure.
 */
import { Queue, type CardRow } from '../model';
import { CardState } from '../schedule';
import { FACT_CATEGORIES } from './answer-shape';

interface ReadinessCard {
	card: CardRow;
	tags: readonly string[];
}

export interface ReadinessInput {
	cards: readonly ReadinessCard[];
	/** When recall is predicted: the exam morning, or now when there is no exam date. */
	atMs: number;
	targetRecall: number;
	retrievability: (card: CardRow, atMs: number) => number;
}

interface ReadinessFigures {
	cards: number;
	/** Mean predicted recall (0..1); cards never studied count as 0. */
	meanRecall: number;
	/** Cards below the target (never studied included). */
	atRisk: number;
	/** Cards never studied. */
	newCards: number;
}

interface TagReadiness extends ReadinessFigures {
	tag: string;
}

interface CardRecall {
	cardId: string;
	noteId: string;
	recall: number;
}

export interface Readiness {
	atMs: number;
	targetRecall: number;
	overall: ReadinessFigures;
	byTag: TagReadiness[];
	/** Studied cards, lowest predicted recall first. */
	weakest: CardRecall[];
}

function figures(recalls: { recall: number; isNew: boolean }[], target: number): ReadinessFigures {
	const cards = recalls.length;
	return {
		cards,
		meanRecall: cards ? recalls.reduce((a, r) => a + r.recall, 0) / cards : 0,
		atRisk: recalls.filter((r) => r.recall < target).length,
		newCards: recalls.filter((r) => r.isNew).length
	};
}

/** Kinds of fact first (date, figure, actor, cause, event), then other tags, most cards first. */
function tagOrder(a: TagReadiness, b: TagReadiness): number {
	const rank = (t: string) => {
		const i = (FACT_CATEGORIES as readonly string[]).indexOf(t);
		return i === -1 ? FACT_CATEGORIES.length : i;
	};
	return rank(a.tag) - rank(b.tag) || b.cards - a.cards || a.tag.localeCompare(b.tag);
}

export function computeReadiness(input: ReadinessInput): Readiness {
	const rows = input.cards
		.filter((c) => c.card.queue !== Queue.Suspended)
		.map((c) => {
			const isNew = c.card.state === CardState.New;
			return { c, isNew, recall: isNew ? 0 : input.retrievability(c.card, input.atMs) };
		});
	const byTag = new Map<string, typeof rows>();
	for (const row of rows)
		for (const tag of new Set(row.c.tags)) byTag.set(tag, [...(byTag.get(tag) ?? []), row]);
	const weakest = rows
		.filter((r) => !r.isNew)
		.sort((a, b) => a.recall - b.recall || (a.c.card.id < b.c.card.id ? -1 : 1))
		.map((r) => ({ cardId: r.c.card.id, noteId: r.c.card.noteId, recall: r.recall }));
	return {
		atMs: input.atMs,
		targetRecall: input.targetRecall,
		overall: figures(rows, input.targetRecall),
		byTag: [...byTag].map(([tag, list]) => ({ tag, ...figures(list, input.targetRecall) })).sort(tagOrder),
		weakest
	};
}
