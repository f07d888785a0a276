// The study day is local with a cutoff hour, never a UTC day. Each block runs under another time zone:
// Node honours a change of process.env.TZ at runtime (checked by the first test).
import { afterEach, describe, expect, it } from 'vitest';
import { endOfStudyDayAt, startOfStudyDay, studyDayOf, toStudyDayClock } from '$lib/domain/study-day';

const ZONES = ['Pacific/Auckland', 'America/Los_Angeles', 'Europe/Minsk', 'UTC', 'Asia/Kolkata'];
const originalTz = process.env.TZ;

afterEach(() => {
	process.env.TZ = originalTz;
});

/** Epoch ms of a local wall-clock time in the current TZ. */
function local(y: number, m: number, d: number, h: number, min = 0): number {
	return new Date(y, m - 1, d, h, min).getTime();
}

it('really switches time zones at runtime', () => {
	const noonUtc = Date.UTC(2026, 0, 15, 12);
	process.env.TZ = 'Pacific/Auckland';
	expect(new Date(noonUtc).getTimezoneOffset()).toBe(-13 * 60);
	process.env.TZ = 'America/Los_Angeles';
	expect(new Date(noonUtc).getTimezoneOffset()).toBe(8 * 60);
});

describe.each(ZONES)('study day in %s', (zone) => {
	it('keeps two reviews either side of UTC midnight on one local study day', () => {
		process.env.TZ = zone;
		// Find the instant of a UTC midnight, and check 1 h before / after it: same study day unless
		// the local cutoff (4:00) falls between them.
		const utcMidnight = Date.UTC(2026, 10, 20);
		const before = utcMidnight - 3_600_000;
		const after = utcMidnight + 3_600_000;
		const cutoffBetween =
			new Date(before).getHours() < 4 && new Date(after).getHours() >= 4 && new Date(after).getHours() < 5;
		if (!cutoffBetween) expect(studyDayOf(before, 4)).toBe(studyDayOf(after, 4));
		// And in every zone: 23:30 and 01:30 local the next calendar day are one study day.
		expect(studyDayOf(local(2026, 11, 20, 23, 30), 4)).toBe(studyDayOf(local(2026, 11, 21, 1, 30), 4));
	});

	it('starts a new study day at the cutoff hour, not at midnight', () => {
		process.env.TZ = zone;
		const lateNight = local(2026, 3, 10, 3, 59);
		const morning = local(2026, 3, 10, 4, 0);
		expect(studyDayOf(morning, 4) - studyDayOf(lateNight, 4)).toBe(1);
		expect(studyDayOf(local(2026, 3, 10, 0, 30), 0) - studyDayOf(local(2026, 3, 9, 23, 30), 0)).toBe(1);
	});

	it('gives the local start and end of a study day at the cutoff hour', () => {
		process.env.TZ = zone;
		const noon = local(2026, 6, 15, 12);
		const day = studyDayOf(noon, 4);
		expect(startOfStudyDay(day, 4)).toBe(local(2026, 6, 15, 4));
		expect(endOfStudyDayAt(noon, 4)).toBe(local(2026, 6, 16, 4));
		expect(endOfStudyDayAt(local(2026, 6, 15, 2), 4)).toBe(local(2026, 6, 15, 4));
	});

	it('maps instants onto a clock whose UTC days are study days (for ts-fsrs)', () => {
		process.env.TZ = zone;
		const a = local(2026, 11, 20, 23, 30);
		const b = local(2026, 11, 21, 3, 30); // same study day (before the 4:00 cutoff)
		const c = local(2026, 11, 21, 4, 30); // next study day
		const utcDay = (ms: number) => Math.floor(ms / 86_400_000);
		expect(utcDay(toStudyDayClock(b, 4)) - utcDay(toStudyDayClock(a, 4))).toBe(0);
		expect(utcDay(toStudyDayClock(c, 4)) - utcDay(toStudyDayClock(a, 4))).toBe(1);
	});
});

it('counts study days across a daylight-saving change as whole days', () => {
	process.env.TZ = 'America/Los_Angeles';
	// DST starts on 2026-03-08 in Los Angeles: the day is 23 hours long.
	const sat = local(2026, 3, 7, 12);
	const mon = local(2026, 3, 9, 12);
	expect(studyDayOf(mon, 4) - studyDayOf(sat, 4)).toBe(2);
	expect(
		endOfStudyDayAt(local(2026, 3, 8, 5), 4) - startOfStudyDay(studyDayOf(local(2026, 3, 8, 5), 4), 4)
	).toBe(24 * 3_600_000);
	expect(endOfStudyDayAt(local(2026, 3, 7, 5), 4) - local(2026, 3, 7, 4)).toBe(23 * 3_600_000);
});
