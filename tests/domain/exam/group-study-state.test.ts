// Merging the study states of a group's decks: every card with its own deck's scheduler, the earliest
// upcoming exam as the group's, and whether the decks share one date.
import { describe, expect, it } from 'vitest';
import type { DeckStudyState } from '$lib/domain/exam/deck-study-state';
import type { ExamPlanRow } from '$lib/domain/exam/exam-plan';
import {
	groupOfScopeKey,
	groupScopeKey,
	mergeDeckStudyStates,
	schedulerByDeck,
	sharedExamDate
} from '$lib/domain/exam/group-study-state';
import type { Scheduler } from '$lib/domain/fsrs-adapter';
import type { CardRow } from '$lib/domain/model';
import { DEFAULT_SCHEDULER_SETTINGS } from '$lib/domain/scheduler-settings';
import { makeCard, makeNote } from '../../helpers/cards';

/** A scheduler whose predicted recall is a constant, to see which deck's answered. */
const fixedRecall = (r: number): Scheduler => ({
	preview: () => {
		throw new Error('not used');
	},
	answer: () => {
		throw new Error('not used');
	},
	retrievability: () => r
});

function deckState(deckId: string, recall: number, examDay: number | null, tags: string[]): DeckStudyState {
	const note = { ...makeNote(deckId, 'n1', 0), tags };
	const plan: ExamPlanRow | null =
		examDay === null
			? null
			: { deckId, examDate: `2026-06-${examDay}`, tags: [], targetRecall: 0.9, startDay: 0, updatedMs: 0 };
	return {
		deckId,
		nowMs: 0,
		settings: DEFAULT_SCHEDULER_SETTINGS,
		scheduler: fixedRecall(recall),
		plan,
		examDay,
		cards: [makeCard({ id: `${note.id}#0`, deckId })],
		notes: new Map([[note.id, note]]),
		inScopeNotes: new Set([note.id]),
		failedToday: new Set(),
		today: { newStudied: 1, newInScopeStudied: 1, reviewsDone: 2, notesStudied: new Set([note.id]) },
		tags
	};
}

describe('mergeDeckStudyStates', () => {
	const a = deckState('a', 0.5, 20, ['cause', 'date']);
	const b = deckState('b', 0.9, 12, ['cause']);
	const merged = mergeDeckStudyStates(groupScopeKey('G'), [a, b]);

	it('holds every card and note of the decks under the group key, with tags by use', () => {
		expect(merged.deckId).toBe('group:G');
		expect(merged.cards.map((c) => c.deckId)).toEqual(['a', 'b']);
		expect(merged.notes.size).toBe(2);
		expect(merged.inScopeNotes.size).toBe(2);
		expect(merged.tags).toEqual(['cause', 'date']);
		expect(merged.today.reviewsDone).toBe(4);
		expect(merged.today.notesStudied.size).toBe(2);
	});

	it("predicts each card's recall with its own deck's scheduler", () => {
		const [cardA, cardB] = merged.cards;
		expect(merged.scheduler.retrievability(cardA!, 0)).toBe(0.5);
		expect(merged.scheduler.retrievability(cardB!, 0)).toBe(0.9);
	});

	it("takes the earliest upcoming exam as the group's, and says whether the decks share a date", () => {
		expect(merged.examDay).toBe(12);
		expect(merged.plan?.deckId).toBe('b');
		expect(sharedExamDate([a, b])).toBeNull();
		expect(sharedExamDate([a, a])).toBe(a.plan!.examDate);
		expect(sharedExamDate([deckState('c', 0, null, []), deckState('d', 0, null, [])])).toBe('');
	});

	it('falls back to the first scheduler for a card of another deck, and needs a deck', () => {
		const other = schedulerByDeck(new Map([['a', fixedRecall(0.1)]]), fixedRecall(0.7));
		const elsewhere: CardRow = { ...a.cards[0]!, deckId: 'zzz' };
		expect(other.retrievability(elsewhere, 0)).toBe(0.7);
		expect(() => mergeDeckStudyStates('group:x', [])).toThrow();
	});

	it('reads the group back from a scope key, and null from a deck id', () => {
		expect(groupOfScopeKey(groupScopeKey('A::B'))).toBe('A::B');
		expect(groupOfScopeKey('belarus-tilt-dates')).toBeNull();
	});
});
