/**
 * "Study all": one queue over every deck of a group. Each deck keeps its own daily limits, and the
 * group has limits of its own on top (as Anki applies a parent deck's limits to its children). New
 * cards are taken from the decks in turn, so that a session over the group mixes its decks. Pure:
 * the result is the input of an ordinary StudyQueue.
 */
import type { CardRow } from '../model';
import type { SchedulerSettings } from '../scheduler-settings';
import type { QueueInput } from '../study-queue';

type Limits = Pick<SchedulerSettings, 'newCardsPerDay' | 'reviewsPerDay'>;

export interface DeckCandidates {
	deckId: string;
	/** The deck's own limits (its settings over the global ones). */
	limits: Limits;
	learning: CardRow[];
	/** Oldest due first. */
	review: CardRow[];
	/** In deck order. */
	fresh: CardRow[];
	newStudiedToday: number;
	reviewsDoneToday: number;
}

export interface GroupQueueOptions {
	nowMs: number;
	endOfDayMs: number;
	/** The group's limits, applied to the sum over its decks. */
	groupLimits: Limits;
	burySiblings: boolean;
	notesStudiedToday: ReadonlySet<string>;
	/** Cards the user buried: left out (see bulk-actions planBury). */
	isBuried?: (card: CardRow) => boolean;
}

/** Takes one from each list in turn: [a1 a2] [b1] -> a1 b1 a2. */
export function interleave<T>(lists: readonly (readonly T[])[]): T[] {
	const out: T[] = [];
	const longest = Math.max(0, ...lists.map((l) => l.length));
	for (let i = 0; i < longest; i++) for (const list of lists) if (i < list.length) out.push(list[i]!);
	return out;
}

export function groupQueueInput(decks: readonly DeckCandidates[], options: GroupQueueOptions): QueueInput {
	const visible = (c: CardRow) => !options.isBuried?.(c);
	const own = decks.map((d) => ({
		learning: d.learning.filter(visible),
		// Each deck's own remaining allowance first; the group's allowance is applied by StudyQueue.
		review: d.review.filter(visible).slice(0, Math.max(0, d.limits.reviewsPerDay - d.reviewsDoneToday)),
		fresh: d.fresh.filter(visible).slice(0, Math.max(0, d.limits.newCardsPerDay - d.newStudiedToday))
	}));
	return {
		nowMs: options.nowMs,
		endOfDayMs: options.endOfDayMs,
		settings: { ...options.groupLimits, burySiblings: options.burySiblings },
		learning: own.flatMap((d) => d.learning),
		review: own.flatMap((d) => d.review).sort((a, b) => a.dueMs - b.dueMs),
		fresh: interleave(own.map((d) => d.fresh)),
		newStudiedToday: decks.reduce((n, d) => n + d.newStudiedToday, 0),
		reviewsDoneToday: decks.reduce((n, d) => n + d.reviewsDoneToday, 0),
		notesStudiedToday: options.notesStudiedToday
	};
}
