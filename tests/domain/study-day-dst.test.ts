// Issue 12: on the days clocks change, the study day still turns at the wall-clock cutoff hour (like
// startOfStudyDay), not at "midnight + cutoff hours of elapsed time".
import { afterEach, describe, expect, it } from 'vitest';
import { endOfStudyDayAt, startOfStudyDay, studyDayOf } from '$lib/domain/study-day';

const originalTz = process.env.TZ;
afterEach(() => {
	process.env.TZ = originalTz;
});

const local = (y: number, m: number, d: number, h: number, min = 0) =>
	new Date(y, m - 1, d, h, min).getTime();

// Both change days of 2026 in each zone: [month, day].
const CHANGE_DAYS: Record<string, [number, number][]> = {
	'Europe/Berlin': [
		[3, 29],
		[10, 25]
	],
	'America/New_York': [
		[3, 8],
		[11, 1]
	]
};

describe.each(Object.keys(CHANGE_DAYS))('study day on DST change days in %s', (zone) => {
	it.each(CHANGE_DAYS[zone]!)('turns at the wall-clock cutoff on %i/%i', (month, day) => {
		process.env.TZ = zone;
		// The offset really changes on this day (so the test exercises a change day).
		expect(new Date(local(2026, month, day, 0)).getTimezoneOffset()).not.toBe(
			new Date(local(2026, month, day, 12)).getTimezoneOffset()
		);
		for (const cutoff of [4, 5, 0]) {
			const at = local(2026, month, day, cutoff, 0);
			const before = at - 60_000;
			const after = local(2026, month, day, cutoff, 30);
			expect(studyDayOf(at, cutoff) - studyDayOf(before, cutoff)).toBe(1);
			expect(studyDayOf(after, cutoff)).toBe(studyDayOf(at, cutoff));
			// The start of the day that contains `after` is the wall-clock cutoff, and it contains itself.
			const start = startOfStudyDay(studyDayOf(after, cutoff), cutoff);
			expect(start).toBe(at);
			expect(studyDayOf(start, cutoff)).toBe(studyDayOf(after, cutoff));
			expect(studyDayOf(endOfStudyDayAt(after, cutoff) - 1, cutoff)).toBe(studyDayOf(after, cutoff));
			expect(studyDayOf(endOfStudyDayAt(after, cutoff), cutoff)).toBe(studyDayOf(after, cutoff) + 1);
		}
	});

	it('gives every hour of the change day and its neighbours a consistent day', () => {
		process.env.TZ = zone;
		for (const [month, day] of CHANGE_DAYS[zone]!) {
			for (let ms = local(2026, month, day - 1, 0); ms < local(2026, month, day + 2, 0); ms += 15 * 60_000) {
				const d = studyDayOf(ms, 4);
				expect(startOfStudyDay(d, 4)).toBeLessThanOrEqual(ms);
				expect(startOfStudyDay(d + 1, 4)).toBeGreaterThan(ms);
			}
		}
	});
});
