import { describe, expect, it } from 'vitest';
import { Queue } from '$lib/domain/model';
import { CardState } from '$lib/domain/schedule';
import { DEFAULT_SCHEDULER_SETTINGS } from '$lib/domain/scheduler-settings';
import { LEARN_AHEAD_MS, StudyQueue, type QueueInput } from '$lib/domain/study-queue';
import { makeCard } from '../helpers/cards';

const now = 1_000_000_000;
const endOfDay = now + 6 * 3_600_000;
const settings = { ...DEFAULT_SCHEDULER_SETTINGS };

function input(over: Partial<QueueInput>): QueueInput {
	return {
		nowMs: now,
		endOfDayMs: endOfDay,
		settings,
		learning: [],
		review: [],
		fresh: [],
		newStudiedToday: 0,
		reviewsDoneToday: 0,
		notesStudiedToday: new Set(),
		...over
	};
}

const learning = (id: string, dueMs: number) =>
	makeCard({ id, queue: Queue.Learning, state: CardState.Learning, dueMs });
const review = (id: string, dueMs = now - 1000) =>
	makeCard({ id, queue: Queue.Review, state: CardState.Review, dueMs });
const fresh = (id: string, newPosition: number) => makeCard({ id, newPosition });

describe('StudyQueue', () => {
	it('shows due learning cards first, then reviews, then new cards', () => {
		const q = new StudyQueue(
			input({ learning: [learning('l#0', now - 1)], review: [review('r#0')], fresh: [fresh('n#0', 0)] })
		);
		expect(q.next(now)?.id).toBe('l#0');
		q.remove('l#0');
		expect(q.next(now)?.id).toBe('r#0');
		q.remove('r#0');
		expect(q.next(now)?.id).toBe('n#0');
		q.remove('n#0');
		expect(q.isEmpty).toBe(true);
		expect(q.next(now)).toBeNull();
	});

	it('waits for learning cards not yet due, but shows them early when nothing else is left', () => {
		const soon = learning('l#0', now + LEARN_AHEAD_MS - 1);
		const later = learning('m#0', now + LEARN_AHEAD_MS + 60_000);
		const q = new StudyQueue(input({ learning: [later, soon], fresh: [fresh('n#0', 0)] }));
		expect(q.next(now)?.id).toBe('n#0');
		q.remove('n#0');
		expect(q.next(now)?.id).toBe('l#0');
		q.remove('l#0');
		expect(q.next(now)).toBeNull();
		expect(q.nextLearningDueMs()).toBe(later.dueMs);
		expect(q.counts()).toEqual({ new: 0, learning: 1, review: 0 });
	});

	it('applies the daily limits minus what was already done today', () => {
		const fresh30 = Array.from({ length: 30 }, (_, i) => fresh(`n${i}#0`, i));
		const reviews = Array.from({ length: 250 }, (_, i) => review(`r${i}#0`, now - i));
		const q = new StudyQueue(
			input({ fresh: fresh30, review: reviews, newStudiedToday: 5, reviewsDoneToday: 20 })
		);
		expect(q.counts()).toEqual({ new: 15, learning: 0, review: 180 });
		const none = new StudyQueue(input({ fresh: fresh30, newStudiedToday: 25 }));
		expect(none.counts().new).toBe(0);
	});

	it('buries siblings: one card per note a day, and none of a note studied today', () => {
		const q = new StudyQueue(
			input({
				fresh: [fresh('a#0', 0), fresh('a#1', 1), fresh('b#0', 2), fresh('c#0', 3)],
				review: [review('c#1')],
				notesStudiedToday: new Set(['b'])
			})
		);
		expect(q.counts()).toEqual({ new: 1, learning: 0, review: 1 });
		expect(q.next(now)?.id).toBe('c#1');
		q.answered({ ...review('c#1'), dueMs: now + 5 * 86_400_000 });
		expect(q.next(now)?.id).toBe('a#0');
		q.answered({ ...learning('a#0', now + 60_000) });
		// a#1 is a sibling of a#0 and stays buried; a#0 comes back as a learning card.
		expect(q.counts()).toEqual({ new: 0, learning: 1, review: 0 });
	});

	it('does not bury siblings when the setting is off', () => {
		const q = new StudyQueue(
			input({
				settings: { ...settings, burySiblings: false },
				fresh: [fresh('a#0', 0), fresh('a#1', 1)],
				notesStudiedToday: new Set(['a'])
			})
		);
		expect(q.counts().new).toBe(2);
	});

	it('keeps an answered learning card for today only if it falls due before the day ends', () => {
		const q = new StudyQueue(input({ fresh: [fresh('a#0', 0), fresh('b#0', 1)] }));
		q.answered({ ...learning('a#0', endOfDay + 1) });
		expect(q.counts()).toEqual({ new: 1, learning: 0, review: 0 });
		q.answered({ ...learning('b#0', now + 600_000) });
		expect(q.counts()).toEqual({ new: 0, learning: 1, review: 0 });
	});
});
