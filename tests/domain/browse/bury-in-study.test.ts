// A card buried from Browse stays out of study until the next study day, then comes back by itself.
import { describe, expect, it } from 'vitest';
import { Queue } from '$lib/domain/model';
import { CardState } from '$lib/domain/schedule';
import { DEFAULT_SCHEDULER_SETTINGS } from '$lib/domain/scheduler-settings';
import { StudyQueue, type QueueInput } from '$lib/domain/study-queue';
import { planBury } from '$lib/domain/browse/bulk-actions';
import { makeCard } from '../../helpers/cards';

const NOW = new Date(2026, 2, 10, 12).getTime();
const cards = [
	makeCard({ id: 'a#0', noteId: 'a', queue: Queue.Review, state: CardState.Review, dueMs: NOW - 1 }),
	makeCard({ id: 'b#0', noteId: 'b', queue: Queue.Learning, state: CardState.Learning, dueMs: NOW - 1 }),
	makeCard({ id: 'c#0', noteId: 'c', newPosition: 1 })
];
const input = (list: typeof cards, nowMs: number): QueueInput => ({
	nowMs,
	endOfDayMs: nowMs + 3_600_000,
	settings: DEFAULT_SCHEDULER_SETTINGS,
	learning: list.filter((c) => c.queue === Queue.Learning),
	review: list.filter((c) => c.queue === Queue.Review),
	fresh: list.filter((c) => c.queue === Queue.New),
	newStudiedToday: 0,
	reviewsDoneToday: 0,
	notesStudiedToday: new Set()
});

describe('Bury in study', () => {
	it('leaves buried cards out today and brings them back the next study day', () => {
		const buried = planBury(cards, { nowMs: NOW, dayCutoffHour: 4 }).write.cardPuts;
		expect(new StudyQueue(input(cards, NOW)).cards()).toHaveLength(3);
		expect(new StudyQueue(input(buried, NOW)).cards()).toHaveLength(0);
		const tomorrow = buried[0]!.buriedUntilMs!;
		expect(
			new StudyQueue(input(buried, tomorrow))
				.cards()
				.map((c) => c.id)
				.sort()
		).toEqual(['a#0', 'b#0', 'c#0']);
	});
});
