/**
 * What kind of answer a card has, so that multiple-choice distractors are of the same kind as the
 * answer (dates with dates, figures with figures, actors with actors, causes with causes). Pure.
 */
import { analyze, type ValueToken } from './answer-tokens';

/** The fact categories of the article decks' tags, in priority order. */
export const FACT_CATEGORIES = ['date', 'figure', 'actor', 'cause', 'event'] as const;
export type FactCategory = (typeof FACT_CATEGORIES)[number] | 'other';

export type AnswerShape =
	| 'year'
	| 'decade'
	| 'month-year'
	| 'day-date'
	| 'month-day'
	| 'percent'
	| 'money'
	| 'number'
	| 'name'
	| 'text';

export function categoryOf(tags: readonly string[]): FactCategory {
	return FACT_CATEGORIES.find((c) => tags.includes(c)) ?? 'other';
}

const PERIOD_WORDS = new Set(['early', 'mid', 'late', 'in', 'the', 'about', 'around', 'c', 'circa']);
const NAME_PARTICLES = new Set([
	'al',
	'el',
	'bin',
	'ibn',
	'de',
	'da',
	'di',
	'van',
	'von',
	'der',
	'la',
	'le',
	'of',
	'the',
	'and',
	's'
]);

function valueShape(v: ValueToken): AnswerShape {
	if (v.type === 'decade') return 'decade';
	if (v.type === 'date') {
		if (v.y === undefined) return 'month-day';
		return v.d !== undefined ? 'day-date' : v.m !== undefined ? 'month-year' : 'year';
	}
	if (v.unit === '%') return 'percent';
	return v.unit === '' ? 'number' : 'money';
}

/** A proper name: 1–4 capitalized words ("Ahmet Davutoğlu", "Belarus Segodnya", "Bashar al-Assad"). */
export function looksLikeName(text: string): boolean {
	const words = text.trim().replace(/\.$/, '').split(/\s+/);
	if (words.length === 0 || words.length > 4 || /\d/.test(text) || text.length > 40) return false;
	const upper = (p: string) => /^\p{Lu}/u.test(p);
	const partsOk = (w: string) =>
		w
			.split(/[-’']/)
			.filter((p) => p !== '')
			.every((p) => upper(p) || NAME_PARTICLES.has(p.toLowerCase()));
	return words.every(partsOk) && words.some(upper);
}

export function shapeOf(answer: string): AnswerShape {
	const a = analyze(answer);
	const extra = a.words.filter((w) => !PERIOD_WORDS.has(w));
	if (a.values.length === 1 && extra.length === 0) return valueShape(a.values[0]!);
	if (
		a.values.length === 1 &&
		a.values[0]!.type === 'number' &&
		a.values[0]!.unit !== '' &&
		extra.length === 0
	) {
		return valueShape(a.values[0]!);
	}
	return looksLikeName(answer) ? 'name' : 'text';
}

const DATE_SHAPES = new Set<AnswerShape>(['year', 'decade', 'month-year', 'day-date', 'month-day']);
const FIGURE_SHAPES = new Set<AnswerShape>(['percent', 'money', 'number']);

/**
 * The key two answers must share to be offered side by side. Dates and figures go by their shape (a
 * month-year date with month-year dates; money in the same currency); names and other text go by the
 * note's category (actors with actors, causes with causes), and text also by its form: a fragment that
 * fills a blank ("the potash industry") is not offered beside a sentence ("Sanctions relief.").
 */
export function answerKind(answer: string, category: FactCategory): string {
	const shape = shapeOf(answer);
	if (DATE_SHAPES.has(shape)) return `date:${shape}`;
	if (FIGURE_SHAPES.has(shape)) {
		const v = analyze(answer).values[0];
		return shape === 'money' && v?.type === 'number' ? `figure:money:${v.unit}` : `figure:${shape}`;
	}
	if (shape === 'name') return `${category}:name`;
	return `${category}:${/^\p{Lu}/u.test(answer.trim()) ? 'sentence' : 'phrase'}`;
}

/** True for kinds whose answers are values that can be varied (dates, figures), not text. */
export function isValueKind(kind: string): boolean {
	const [group, shape] = kind.split(':') as [string, AnswerShape];
	return (group === 'date' && DATE_SHAPES.has(shape)) || (group === 'figure' && FIGURE_SHAPES.has(shape));
}
