/** Labels for statistics: study days as local dates, percentages, minutes. */
import { startOfStudyDay } from '$lib/domain/study-day';

export function studyDayDate(day: number, cutoffHour: number): Date {
	return new Date(startOfStudyDay(day, cutoffHour));
}

export function dayLabel(
	day: number,
	cutoffHour: number,
	options: Intl.DateTimeFormatOptions = { month: 'short', day: 'numeric' }
): string {
	return studyDayDate(day, cutoffHour).toLocaleDateString(undefined, options);
}

export function percent(value: number | null, digits = 1): string {
	return value === null || !Number.isFinite(value) ? '—' : `${(value * 100).toFixed(digits)}%`;
}

export function minutesLabel(minutes: number): string {
	if (minutes < 1) return minutes === 0 ? '0 min' : '<1 min';
	if (minutes < 60) return `${Math.round(minutes)} min`;
	return `${Math.floor(minutes / 60)} h ${Math.round(minutes % 60)} min`;
}
