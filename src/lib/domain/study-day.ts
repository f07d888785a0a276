/**
 * The user's study day: a local calendar day that starts at a cutoff hour (Anki's "next day starts at"),
 * not a UTC day. Everything here reads the *local* time zone through Date's local getters, and never
 * reads the clock: callers pass `nowMs`.
 */

const MS_PER_HOUR = 3_600_000;
const MS_PER_DAY = 86_400_000;

/** Index of the study day containing `ms`: days since 1970-01-01 in the local calendar, shifted by the cutoff. */
export function studyDayOf(ms: number, cutoffHour: number): number {
	// The wall clock decides, as in startOfStudyDay: subtracting cutoff hours of elapsed time would move
	// the turn of the day by an hour on the days clocks change (DST).
	const local = new Date(ms);
	const day = Math.round(Date.UTC(local.getFullYear(), local.getMonth(), local.getDate()) / MS_PER_DAY);
	return local.getHours() < cutoffHour ? day - 1 : day;
}

/** Epoch ms at which study day `day` starts (local date of `day` at the cutoff hour). */
export function startOfStudyDay(day: number, cutoffHour: number): number {
	const date = new Date(day * MS_PER_DAY); // a UTC midnight: read its calendar date in UTC
	return new Date(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate(), cutoffHour).getTime();
}

/** Epoch ms at which the study day containing `ms` ends (exclusive). */
export function endOfStudyDayAt(ms: number, cutoffHour: number): number {
	return startOfStudyDay(studyDayOf(ms, cutoffHour) + 1, cutoffHour);
}

/**
 * A "study-day clock" for libraries that count days in UTC (ts-fsrs): the returned instant has the
 * same UTC calendar date as the local study day of `ms`, and the same time of day, so that
 * UTC day differences between two shifted instants equal study-day differences.
 */
export function toStudyDayClock(ms: number, cutoffHour: number): number {
	const local = new Date(ms);
	return (
		Date.UTC(
			local.getFullYear(),
			local.getMonth(),
			local.getDate(),
			local.getHours(),
			local.getMinutes(),
			local.getSeconds(),
			local.getMilliseconds()
		) -
		cutoffHour * MS_PER_HOUR
	);
}
