/**
 * A deck group's exam view: the study states of its decks (deck-study-state.ts) merged into one, so that
 * readiness, tests and the exam-date field work on a group with the single-deck code unchanged. Pure.
 *
 * - Each card keeps its own deck's scheduler: the merged scheduler hands every call to the scheduler of
 *   the card's deck (predicted recall depends on a deck's FSRS parameters).
 * - The group's exam date is an exam plan on every deck of the group (setting it writes one plan per
 *   deck, in one transaction: services/exam/group-exam.service.ts). The group's plan is the plan of its
 *   earliest upcoming exam; `sharedExamDate` says whether every deck has that same date.
 * - A group's test results are stored under `groupScopeKey(path)` in place of a deck id.
 */
import type { Scheduler } from '../fsrs-adapter';
import type { CardRow } from '../model';
import type { CardSchedule } from '../schedule';
import type { DeckStudyState } from './deck-study-state';

/** What group test results are stored under (`TestResultRow.deckId`): "group:" and the group's path. */
export const GROUP_SCOPE_PREFIX = 'group:';

export function groupScopeKey(path: string): string {
	return GROUP_SCOPE_PREFIX + path;
}

/** The group's path of a scope key, or null when the key is a deck id. */
export function groupOfScopeKey(key: string): string | null {
	return key.startsWith(GROUP_SCOPE_PREFIX) ? key.slice(GROUP_SCOPE_PREFIX.length) : null;
}

/** A scheduler that answers for each card with its own deck's scheduler (`fallback` for unknown decks). */
export function schedulerByDeck(byDeck: ReadonlyMap<string, Scheduler>, fallback: Scheduler): Scheduler {
	const of = (card: CardSchedule): Scheduler =>
		byDeck.get((card as Partial<Pick<CardRow, 'deckId'>>).deckId ?? '') ?? fallback;
	return {
		preview: (cardId, card, nowMs) => of(card).preview(cardId, card, nowMs),
		answer: (cardId, card, rating, nowMs) => of(card).answer(cardId, card, rating, nowMs),
		retrievability: (card, atMs) => of(card).retrievability(card, atMs)
	};
}

/** The earliest upcoming exam among the decks, else the first deck with a plan. */
function groupPlanState(states: readonly DeckStudyState[]): DeckStudyState | undefined {
	const upcoming = states.filter((s) => s.plan && s.examDay !== null).sort((a, b) => a.examDay! - b.examDay!);
	return upcoming[0] ?? states.find((s) => s.plan);
}

/** The exam date every deck of the group has ('' when none has one, null when they differ). */
export function sharedExamDate(states: readonly DeckStudyState[]): string | null {
	const dates = new Set(states.map((s) => s.plan?.examDate ?? ''));
	return dates.size === 1 ? [...dates][0]! : null;
}

/** One study state over the decks of a group, keyed `key` (see groupScopeKey). Needs at least one deck. */
export function mergeDeckStudyStates(key: string, states: readonly DeckStudyState[]): DeckStudyState {
	const first = states[0];
	if (!first) throw new Error('A group needs at least one deck.');
	const planState = groupPlanState(states);
	const tagCounts = new Map<string, number>();
	for (const s of states)
		for (const note of s.notes.values())
			for (const tag of note.tags) tagCounts.set(tag, (tagCounts.get(tag) ?? 0) + 1);
	return {
		deckId: key,
		nowMs: first.nowMs,
		// The day cutoff and limits shown are the plan deck's (the decks of a group share the global ones
		// unless a deck overrides them); scheduling itself stays per deck.
		settings: (planState ?? first).settings,
		scheduler: schedulerByDeck(new Map(states.map((s) => [s.deckId, s.scheduler])), first.scheduler),
		plan: planState?.plan ?? null,
		examDay: planState?.examDay ?? null,
		cards: states.flatMap((s) => s.cards),
		notes: new Map(states.flatMap((s) => [...s.notes])),
		inScopeNotes: new Set(states.flatMap((s) => [...s.inScopeNotes])),
		failedToday: new Set(states.flatMap((s) => [...s.failedToday])),
		today: {
			newStudied: sum(states, (s) => s.today.newStudied),
			newInScopeStudied: sum(states, (s) => s.today.newInScopeStudied),
			reviewsDone: sum(states, (s) => s.today.reviewsDone),
			notesStudied: new Set(states.flatMap((s) => [...s.today.notesStudied]))
		},
		tags: [...tagCounts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([t]) => t)
	};
}

function sum<T>(items: readonly T[], of: (item: T) => number): number {
	return items.reduce((n, item) => n + of(item), 0);
}
