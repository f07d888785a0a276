// Card info: history rows and the retrievability curve between answers.
import { describe, expect, it } from 'vitest';
import { createScheduler } from '$lib/domain/fsrs-adapter';
import { DEFAULT_SCHEDULER_SETTINGS } from '$lib/domain/scheduler-settings';
import { historyRows, MAX_POINTS, recallSeries } from '$lib/domain/browse/card-info';
import type { ReviewLogRow } from '$lib/domain/model';
import { newCardSchedule, type Rating } from '$lib/domain/schedule';

const scheduler = createScheduler({ ...DEFAULT_SCHEDULER_SETTINGS, fuzz: false });
const DAY = 86_400_000;
const T0 = new Date(2026, 0, 5, 10).getTime();

function answer(cardSchedule = newCardSchedule(T0), ratings: [number, Rating][]): ReviewLogRow[] {
	let s = cardSchedule;
	return ratings.map(([day, rating], i) => {
		const at = T0 + day * DAY;
		const after = scheduler.answer('c', s, rating, at).schedule;
		const log: ReviewLogRow = {
			id: i + 1,
			cardId: 'c',
			noteId: 'n',
			deckId: 'd',
			rating,
			kind: 'review',
			reviewedMs: at,
			studyDay: day,
			durationMs: 4200,
			before: s,
			after,
			afterRev: i + 1
		};
		s = after;
		return log;
	});
}

describe('card info', () => {
	const logs = answer(undefined, [
		[0, 3],
		[1, 3],
		[5, 1],
		[20, 3]
	]);

	it('lists every answer with rating, interval and time taken', () => {
		const rows = historyRows([...logs].reverse());
		expect(rows.map((r) => r.rating)).toEqual(['Good', 'Good', 'Again', 'Good']);
		expect(rows[0]!.durationMs).toBe(4200);
		expect(rows.every((r) => r.intervalDays === null || r.intervalDays >= 1)).toBe(true);
	});

	it('plots recall falling between answers and jumping back at each answer', () => {
		const until = T0 + 30 * DAY;
		const points = recallSeries(logs, until, (s, at) => scheduler.retrievability(s, at));
		expect(points.length).toBeLessThanOrEqual(MAX_POINTS + logs.length + 2);
		expect(points[0]!.atMs).toBe(T0);
		expect(points.at(-1)!.atMs).toBe(until);
		expect(points.every((p) => p.retrievability >= 0 && p.retrievability <= 1)).toBe(true);
		// Recall falls between answers (the scheduler counts whole study days) and an answer lifts it.
		const i = points.findIndex((p) => p.atMs === T0 + 20 * DAY);
		expect(points[i]!.retrievability).toBeGreaterThan(points[i - 1]!.retrievability);
		const near = (day: number) => points.find((p) => p.atMs >= T0 + day * DAY)!.retrievability;
		expect(near(15)).toBeLessThan(near(8));
		expect(points.at(-1)!.retrievability).toBeLessThan(1);
	});

	it('is empty for a card never answered', () => {
		expect(recallSeries([], T0, () => 1)).toEqual([]);
	});
});
