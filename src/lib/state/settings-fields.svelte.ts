/**
 * The scheduler settings form's fields: their limits, how a typed value is checked, and how it becomes
 * a stored value. Pure functions (no runes), kept apart from the editor state so tests can call them.
 */
import type { SchedulerSettings } from '$lib/domain/scheduler-settings';

export type FieldKey =
	| 'desiredRetention'
	| 'maximumIntervalDays'
	| 'learningSteps'
	| 'relearningSteps'
	| 'newCardsPerDay'
	| 'reviewsPerDay'
	| 'dayCutoffHour'
	| 'fuzz'
	| 'burySiblings';

export const FIELD_KEYS: FieldKey[] = [
	'desiredRetention',
	'newCardsPerDay',
	'reviewsPerDay',
	'learningSteps',
	'relearningSteps',
	'maximumIntervalDays',
	'dayCutoffHour',
	'fuzz',
	'burySiblings'
];

/** The study day's cutoff is the student's, not a deck's: mixing cutoffs across decks would split days. */
export const DECK_FIELD_KEYS: FieldKey[] = FIELD_KEYS.filter((k) => k !== 'dayCutoffHour');

export const RETENTION_MIN = 0.7;
export const RETENTION_MAX = 0.97;

/** What the form holds: text for numbers and steps (as typed), booleans for switches. */
export type Draft = Record<Exclude<FieldKey, 'fuzz' | 'burySiblings'>, string> & {
	fuzz: boolean;
	burySiblings: boolean;
};

export function toDraft(s: SchedulerSettings): Draft {
	return {
		desiredRetention: String(s.desiredRetention),
		maximumIntervalDays: String(s.maximumIntervalDays),
		learningSteps: s.learningSteps.join(' '),
		relearningSteps: s.relearningSteps.join(' '),
		newCardsPerDay: String(s.newCardsPerDay),
		reviewsPerDay: String(s.reviewsPerDay),
		dayCutoffHour: String(s.dayCutoffHour),
		fuzz: s.fuzz,
		burySiblings: s.burySiblings
	};
}

/** Steps under a day, in minutes or hours: "1m 10m", "30m 2h". Returns the steps or an error message. */
export function parseSteps(text: string): string[] | string {
	const parts = text.split(/[\s,]+/).filter(Boolean);
	for (const part of parts) {
		const m = /^(\d+)(m|h)$/.exec(part);
		if (!m) return `"${part}" is not a step: write minutes or hours, like 1m 10m or 2h.`;
		const minutes = Number(m[1]) * (m[2] === 'h' ? 60 : 1);
		if (minutes < 1 || minutes >= 1440) return `"${part}" must be at least 1 minute and less than a day.`;
	}
	return parts;
}

function integer(value: string | number, min: number, max: number, what: string): number | string {
	// Number inputs bind numbers (or null when empty), text inputs strings.
	const text = value === null || value === undefined ? '' : String(value).trim();
	const n = Number(text);
	if (text === '' || !Number.isInteger(n)) return `${what} must be a whole number.`;
	if (n < min || n > max) return `${what} must be between ${min} and ${max}.`;
	return n;
}

/** The stored value of one field from the draft, or an error message for the student. */
export function fieldValue(key: FieldKey, draft: Draft): SchedulerSettings[FieldKey] | { error: string } {
	const wrap = <T>(v: T | string): T | { error: string } => (typeof v === 'string' ? { error: v } : v);
	switch (key) {
		case 'desiredRetention': {
			const r = Number(String(draft.desiredRetention));
			if (!Number.isFinite(r) || r < RETENTION_MIN || r > RETENTION_MAX)
				return {
					error: `Desired retention must be between ${RETENTION_MIN * 100}% and ${RETENTION_MAX * 100}%.`
				};
			return Math.round(r * 100) / 100;
		}
		case 'maximumIntervalDays':
			return wrap(integer(draft.maximumIntervalDays, 1, 36_500, 'Maximum interval'));
		case 'newCardsPerDay':
			return wrap(integer(draft.newCardsPerDay, 0, 9_999, 'New cards per day'));
		case 'reviewsPerDay':
			return wrap(integer(draft.reviewsPerDay, 0, 99_999, 'Reviews per day'));
		case 'dayCutoffHour':
			return wrap(integer(draft.dayCutoffHour, 0, 23, 'The hour a new day starts'));
		case 'learningSteps': {
			const steps = parseSteps(draft.learningSteps);
			return typeof steps === 'string' ? { error: steps } : steps;
		}
		case 'relearningSteps': {
			const steps = parseSteps(draft.relearningSteps);
			return typeof steps === 'string' ? { error: steps } : steps;
		}
		case 'fuzz':
			return draft.fuzz;
		case 'burySiblings':
			return draft.burySiblings;
	}
}

export function isError(v: unknown): v is { error: string } {
	return typeof v === 'object' && v !== null && !Array.isArray(v) && 'error' in v;
}
