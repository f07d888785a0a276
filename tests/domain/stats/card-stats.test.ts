import { describe, expect, it } from 'vitest';
import { Queue } from '$lib/domain/model';
import { CardState } from '$lib/domain/schedule';
import { cardStateCounts, dueForecast } from '$lib/domain/stats/card-stats';
import { startOfStudyDay, studyDayOf } from '$lib/domain/study-day';
import { dailyReviews, intervalMultiplier, workloadRatio } from '$lib/domain/stats/workload';

const CUTOFF = 4;
const NOW = new Date(2026, 2, 10, 15, 0).getTime();
const TODAY = studyDayOf(NOW, CUTOFF);
const at = (dayOffset: number, hour = 0) => startOfStudyDay(TODAY + dayOffset, CUTOFF) + hour * 3_600_000;

describe('card statistics', () => {
	it('counts states, suspended cards whatever their state', () => {
		const counts = cardStateCounts([
			{ state: CardState.New, queue: Queue.New },
			{ state: CardState.New, queue: Queue.New },
			{ state: CardState.Learning, queue: Queue.Learning },
			{ state: CardState.Review, queue: Queue.Review },
			{ state: CardState.Relearning, queue: Queue.Learning },
			{ state: CardState.Review, queue: Queue.Suspended }
		]);
		expect(counts).toEqual({ new: 2, learning: 1, review: 1, relearning: 1, suspended: 1, total: 6 });
	});

	it('forecasts due cards for 30 study days, overdue ones today', () => {
		const forecast = dueForecast(
			[
				{ queue: Queue.Review, dueMs: at(-5) }, // overdue -> today
				{ queue: Queue.Review, dueMs: at(0) },
				{ queue: Queue.Learning, dueMs: NOW + 600_000 },
				{ queue: Queue.Review, dueMs: at(1) },
				{ queue: Queue.Review, dueMs: at(1, 23) }, // 03:00 next calendar day: still study day +1
				{ queue: Queue.Review, dueMs: at(29) },
				{ queue: Queue.Review, dueMs: at(30) }, // beyond the window
				{ queue: Queue.New, dueMs: at(0) },
				{ queue: Queue.Suspended, dueMs: at(0) }
			],
			NOW,
			CUTOFF
		);
		expect(forecast).toHaveLength(30);
		expect(forecast[0]).toEqual({ day: TODAY, review: 2, learning: 1 });
		expect(forecast[1]).toEqual({ day: TODAY + 1, review: 2, learning: 0 });
		expect(forecast[29]!.review).toBe(1);
		expect(forecast.reduce((n, d) => n + d.review + d.learning, 0)).toBe(6);
	});
});

describe('workload of a desired retention', () => {
	const decay = 0.1542;
	it('schedules at stability when retention is 0.9, shorter above, longer below', () => {
		expect(intervalMultiplier(0.9, decay)).toBeCloseTo(1, 10);
		expect(intervalMultiplier(0.95, decay)).toBeLessThan(0.6);
		expect(intervalMultiplier(0.8, decay)).toBeGreaterThan(2);
	});

	it('estimates reviews per day and their change', () => {
		const input = { stabilitiesDays: [10, 10], decay, maximumIntervalDays: 36_500, relearningSteps: 1 };
		// At 0.9 each card is seen every 10 days, and 10% of reviews add one relearning step.
		expect(dailyReviews(input, 0.9)).toBeCloseTo((2 * 1.1) / 10, 10);
		expect(workloadRatio(input, 0.9, 0.9)).toBeCloseTo(1, 10);
		expect(workloadRatio(input, 0.95, 0.9)).toBeGreaterThan(1.5);
		expect(workloadRatio(input, 0.8, 0.9)).toBeLessThan(0.6);
		// The maximum interval caps how rare reviews get.
		const capped = { ...input, maximumIntervalDays: 5 };
		expect(dailyReviews(capped, 0.7)).toBeCloseTo((2 * 1.3) / 5, 10);
	});
});
