/**
 * Intervals in words, for buttons and screen readers: "1 min", "10 min", "3 days", never "3d".
 */
const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

function plural(n: number, one: string, many: string): string {
	return `${n} ${n === 1 ? one : many}`;
}

/** `intervalDays` wins when > 0 (review cards are scheduled in study days). */
export function intervalLabel(intervalMs: number, intervalDays: number): string {
	if (intervalDays > 0) return daysLabel(intervalDays);
	if (intervalMs < HOUR_MS) return `${Math.max(1, Math.round(intervalMs / MINUTE_MS))} min`;
	if (intervalMs < 24 * HOUR_MS) return plural(Math.round(intervalMs / HOUR_MS), 'hour', 'hours');
	return daysLabel(Math.round(intervalMs / (24 * HOUR_MS)));
}

export function daysLabel(days: number): string {
	if (days < 31) return plural(days, 'day', 'days');
	if (days < 365) {
		const months = Math.round((days / 30.44) * 10) / 10;
		return `${months} ${months === 1 ? 'month' : 'months'}`;
	}
	const years = Math.round((days / 365.25) * 10) / 10;
	return `${years} ${years === 1 ? 'year' : 'years'}`;
}
