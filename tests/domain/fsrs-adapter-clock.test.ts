// Issue 12: a phone whose clock went backwards (manual change, dead battery, a device with a wrong clock
// that synced a review) must never throw when answering: the adapter treats a last review "in the future"
// as made now.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createScheduler } from '$lib/domain/fsrs-adapter';
import { CardState, newCardSchedule, Rating, RATINGS } from '$lib/domain/schedule';
import { DEFAULT_SCHEDULER_SETTINGS } from '$lib/domain/scheduler-settings';

const originalTz = process.env.TZ;
beforeEach(() => {
	process.env.TZ = 'Europe/Berlin';
});
afterEach(() => {
	process.env.TZ = originalTz;
});

const DAY = 86_400_000;
const t0 = new Date(2026, 10, 2, 20, 0).getTime();

describe('clock gone backwards', () => {
	const s = createScheduler({ ...DEFAULT_SCHEDULER_SETTINGS, fuzz: false });
	// A review card last reviewed 30 days "later" than the clock now says.
	let card = newCardSchedule(t0 + 20 * DAY);
	for (const [i, r] of [Rating.Good, Rating.Good, Rating.Good].entries())
		card = s.answer('c1', card, r, t0 + 20 * DAY + i * DAY).schedule;
	const future = card;

	it('previews and answers every rating without throwing, with lastReview clamped to now', () => {
		expect(future.lastReviewMs).toBeGreaterThan(t0);
		expect(future.state).toBe(CardState.Review);
		const preview = s.preview('c1', future, t0);
		for (const r of RATINGS) {
			const out = preview[r];
			expect(Number.isFinite(out.schedule.stability)).toBe(true);
			expect(Number.isFinite(out.schedule.difficulty)).toBe(true);
			expect(out.schedule.lastReviewMs).toBe(t0);
			expect(out.schedule.dueMs).toBeGreaterThanOrEqual(t0);
			const answered = s.answer('c1', future, r, t0);
			expect(answered.schedule).toEqual(out.schedule);
		}
	});

	it('is the same as answering at the moment of the last review (no negative elapsed time)', () => {
		const atLast = s.answer('c1', { ...future, lastReviewMs: t0 }, Rating.Good, t0).schedule;
		expect(s.answer('c1', future, Rating.Good, t0).schedule.stability).toBe(atLast.stability);
		expect(s.retrievability(future, t0)).toBeGreaterThan(0);
	});
});
