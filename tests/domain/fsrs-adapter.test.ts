import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createScheduler } from '$lib/domain/fsrs-adapter';
import { CardState, newCardSchedule, Rating } from '$lib/domain/schedule';
import { DEFAULT_SCHEDULER_SETTINGS, type SchedulerSettings } from '$lib/domain/scheduler-settings';
import { startOfStudyDay, studyDayOf } from '$lib/domain/study-day';

const originalTz = process.env.TZ;
beforeEach(() => {
	process.env.TZ = 'Europe/Minsk';
});
afterEach(() => {
	process.env.TZ = originalTz;
});

const noFuzz: SchedulerSettings = { ...DEFAULT_SCHEDULER_SETTINGS, fuzz: false };
const t0 = new Date(2026, 10, 2, 20, 0).getTime(); // local 20:00

describe('fsrs adapter', () => {
	it('walks a new card through the learning steps 1m and 10m', () => {
		const s = createScheduler(noFuzz);
		const card = newCardSchedule(t0);
		const preview = s.preview('c1', card, t0);
		expect(preview[Rating.Again].intervalMs).toBe(60_000);
		expect(preview[Rating.Good].intervalMs).toBe(10 * 60_000);
		expect(preview[Rating.Good].schedule.state).toBe(CardState.Learning);
		expect(preview[Rating.Easy].schedule.state).toBe(CardState.Review);
		const afterGood = s.answer('c1', card, Rating.Good, t0).schedule;
		const graduated = s.answer('c1', afterGood, Rating.Good, t0 + 10 * 60_000);
		expect(graduated.schedule.state).toBe(CardState.Review);
		expect(graduated.intervalDays).toBeGreaterThanOrEqual(1);
	});

	it('puts review cards due at the start of a local study day', () => {
		const s = createScheduler(noFuzz);
		const out = s.answer('c1', newCardSchedule(t0), Rating.Easy, t0);
		const day = studyDayOf(t0, 4) + out.intervalDays;
		expect(out.schedule.dueMs).toBe(startOfStudyDay(day, 4));
		expect(new Date(out.schedule.dueMs).getHours()).toBe(4);
	});

	it('counts elapsed days in local study days, not UTC days', () => {
		// Minsk is UTC+3: 01:30 local on the 3rd is 22:30 UTC on the 2nd, and before the 4:00 cutoff,
		// so a review then is on the same study day as 20:00 on the 2nd (0 elapsed days).
		const s = createScheduler(noFuzz);
		const reviewed = s.answer('c1', newCardSchedule(t0), Rating.Easy, t0).schedule;
		const sameStudyDay = new Date(2026, 10, 3, 1, 30).getTime();
		const nextStudyDay = new Date(2026, 10, 3, 5, 0).getTime();
		const a = s.answer('c1', reviewed, Rating.Good, sameStudyDay).schedule;
		const b = s.answer('c1', reviewed, Rating.Good, nextStudyDay).schedule;
		// With a day elapsed, FSRS grows stability more than on a same-day review.
		expect(b.stability).toBeGreaterThan(a.stability);
		expect(s.retrievability(reviewed, sameStudyDay)).toBe(1);
		expect(s.retrievability(reviewed, nextStudyDay)).toBeLessThan(1);
	});

	it('is deterministic per card with fuzz on, and fuzz differs between cards', () => {
		const s = createScheduler({ ...DEFAULT_SCHEDULER_SETTINGS, fuzz: true });
		const base = s.answer('x', newCardSchedule(t0), Rating.Easy, t0).schedule;
		const later = t0 + 30 * 86_400_000;
		const again1 = s.answer('card-a', base, Rating.Good, later);
		const again2 = s.answer('card-a', base, Rating.Good, later);
		expect(again1).toEqual(again2);
		const days = new Set(
			Array.from({ length: 30 }, (_, i) => s.answer(`card-${i}`, base, Rating.Good, later).intervalDays)
		);
		expect(days.size).toBeGreaterThan(1);
	});

	it('respects the maximum interval and desired retention', () => {
		const capped = createScheduler({ ...noFuzz, maximumIntervalDays: 3 });
		expect(capped.answer('c', newCardSchedule(t0), Rating.Easy, t0).intervalDays).toBeLessThanOrEqual(3);
		const easy = (r: number) =>
			createScheduler({ ...noFuzz, desiredRetention: r }).answer('c', newCardSchedule(t0), Rating.Easy, t0)
				.intervalDays;
		expect(easy(0.8)).toBeGreaterThan(easy(0.95));
	});

	it('stores plain numbers only', () => {
		const out = createScheduler(noFuzz).answer('c1', newCardSchedule(t0), Rating.Good, t0).schedule;
		for (const value of Object.values(out)) expect(['number', 'object']).toContain(typeof value);
		expect(out).not.toHaveProperty('elapsed_days');
		expect(out.lastReviewMs).toBe(t0);
	});
});
