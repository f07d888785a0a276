/** Dates and figures in words for the exam screens (the user's locale for dates). */

/** "Mon 14 Dec 2026" for a local calendar date "2026-12-14". */
export function formatIsoDate(iso: string, withYear = true): string {
	const [y, m, d] = iso.split('-').map(Number);
	const date = new Date(y!, (m ?? 1) - 1, d ?? 1);
	return date.toLocaleDateString(undefined, {
		weekday: 'short',
		day: 'numeric',
		month: 'short',
		...(withYear ? { year: 'numeric' } : {})
	});
}

export function formatDateTime(ms: number): string {
	return new Date(ms).toLocaleString(undefined, {
		day: 'numeric',
		month: 'short',
		year: 'numeric',
		hour: 'numeric',
		minute: '2-digit'
	});
}

/** 0.873 → "87%". */
export function percent(share: number): string {
	return `${Math.round(share * 100)}%`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
	return `${n} ${n === 1 ? one : many}`;
}

/** Local calendar date "YYYY-MM-DD" of an instant (for date inputs). */
export function isoDateOf(ms: number): string {
	const d = new Date(ms);
	return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function formatDuration(ms: number): string {
	const s = Math.max(0, Math.round(ms / 1000));
	return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
