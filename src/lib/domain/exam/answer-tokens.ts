/**
 * Reads an answer as words plus values: dates ("May 2015" = "05/2015"), decades, and numbers with their
 * unit and scale ("$15.7 billion" = "15,700,000,000 USD", "18.7 per cent" = "18.7%"). Lenient grading and
 * the "kind" of an answer (a year, a percentage...) both build on this. Pure, English only.
 */
import { foldText } from './plain-text';
import {
	monthOf,
	ORDINAL_SUFFIX,
	rawTokens,
	SCALES,
	SMALL,
	TENS,
	UNITS,
	validDate,
	type Raw
} from './answer-lexer';

export { monthName, monthOf } from './answer-lexer';

export type Unit = '' | '%' | 'usd' | 'eur' | 'gbp' | 'rub' | 'cny';

export type ValueToken =
	| { type: 'date'; y?: number; m?: number; d?: number; alt?: { y: number; m: number; d: number } }
	| { type: 'decade'; y: number }
	| { type: 'number'; value: number; unit: Unit };

export interface Analysis {
	words: string[];
	values: ValueToken[];
}

/** "twenty one" → 21, "six" → 6; returns the value and how many words it used. */
function numberWords(raws: Raw[], i: number): [number, number] | null {
	const w = raws[i]?.k === 'word' ? (raws[i] as { w: string }).w : '';
	const small = SMALL.indexOf(w);
	if (small !== -1) return [small, 1];
	const tens = TENS.indexOf(w);
	if (tens < 2) return null;
	const next = raws[i + 1];
	const unit = next?.k === 'word' ? SMALL.indexOf(next.w) : -1;
	return unit > 0 && unit < 10 ? [tens * 10 + unit, 2] : [tens * 10, 1];
}

const word = (r: Raw | undefined): string => (r?.k === 'word' ? r.w : '');

export function analyze(text: string): Analysis {
	const raws = rawTokens(foldText(text));
	const words: string[] = [];
	const values: ValueToken[] = [];
	let i = 0;
	while (i < raws.length) {
		const r = raws[i]!;
		if (r.k === 'value') {
			values.push(r.v);
			i++;
			continue;
		}
		// Month-first dates: "May 2015", "January 1, 2016", "Jan 1st 2016", "May of 2015".
		const month = monthOf(word(r));
		if (month !== null) {
			const used = monthDate(raws, i + 1, month, values);
			if (used > 0) {
				i += 1 + used;
				continue;
			}
		}
		let value: number | null = null;
		let used = 0;
		let unit: Unit = '';
		let isInt = false;
		if (r.k === 'sym' && UNITS[r.s] && UNITS[r.s] !== '%' && raws[i + 1]?.k === 'num') {
			unit = UNITS[r.s]!;
			const n = raws[i + 1] as { value: number; int: boolean };
			[value, used, isInt] = [n.value, 2, n.int];
		} else if (r.k === 'num') {
			// Day-first dates: "1 January 2016", "1st of January 2016".
			let j = i + 1;
			if (ORDINAL_SUFFIX.has(word(raws[j]))) j++;
			if (word(raws[j]) === 'of') j++;
			const m = monthOf(word(raws[j]));
			if (m !== null && r.int && r.value >= 1 && r.value <= 31) {
				const y = raws[j + 1];
				if (y?.k === 'num' && y.int && validDate(y.value, m, r.value)) {
					values.push({ type: 'date', y: y.value, m, d: r.value });
					i = j + 2;
				} else {
					values.push({ type: 'date', m, d: r.value });
					i = j + 1;
				}
				continue;
			}
			if (word(raws[i + 1]) === 's' && r.digits.length === 4 && r.value % 10 === 0) {
				values.push({ type: 'decade', y: r.value });
				i += 2;
				continue;
			}
			[value, used, isInt] = [r.value, 1, r.int];
			if (ORDINAL_SUFFIX.has(word(raws[i + 1]))) used++;
		} else {
			const n = numberWords(raws, i);
			if (n) [value, used, isInt] = [n[0], n[1], true];
		}
		if (value === null) {
			if (r.k === 'word') words.push(r.w);
			i++;
			continue;
		}
		let j = i + used;
		const scale = SCALES[word(raws[j])];
		if (scale) {
			value *= scale;
			j++;
		}
		if (word(raws[j]) === 'us' && UNITS[word(raws[j + 1])] === 'usd') j++;
		const after = raws[j];
		const afterUnit = after?.k === 'sym' ? UNITS[after.s] : after?.k === 'word' ? UNITS[after.w] : undefined;
		if (afterUnit && (unit === '' || unit === afterUnit)) {
			unit = afterUnit;
			j++;
		}
		const digits = r.k === 'num' ? r.digits : '';
		if (unit === '' && !scale && isInt && digits.length === 4 && value >= 1000 && value <= 2999) {
			values.push({ type: 'date', y: value });
		} else values.push({ type: 'number', value, unit });
		i = j;
	}
	return { words, values };
}

/** After a month name at `i`: day and/or year. Pushes the date and returns how many tokens it used (0: none). */
function monthDate(raws: Raw[], i: number, month: number, values: ValueToken[]): number {
	let j = i;
	if (word(raws[j]) === 'of') j++;
	const a = raws[j];
	if (a?.k !== 'num' || !a.int) return 0;
	if (a.value >= 1000 && validDate(a.value, month)) {
		values.push({ type: 'date', y: a.value, m: month });
		return j + 1 - i;
	}
	if (a.value < 1 || a.value > 31) return 0;
	let k = j + 1;
	if (ORDINAL_SUFFIX.has(word(raws[k]))) k++;
	const y = raws[k];
	if (y?.k === 'num' && y.int && validDate(y.value, month, a.value)) {
		values.push({ type: 'date', y: y.value, m: month, d: a.value });
		return k + 1 - i;
	}
	values.push({ type: 'date', m: month, d: a.value });
	return k - i;
}

function sameNumber(a: number, b: number): boolean {
	return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

function sameDate(
	a: { y?: number; m?: number; d?: number },
	b: { y?: number; m?: number; d?: number }
): boolean {
	return a.y === b.y && a.m === b.m && a.d === b.d;
}

/** Equal values; a unit left out on one side is forgiven ("18.7" for "18.7%"), a different unit is not. */
export function sameValue(a: ValueToken, b: ValueToken): boolean {
	if (a.type === 'number' && b.type === 'number') {
		return sameNumber(a.value, b.value) && (a.unit === b.unit || a.unit === '' || b.unit === '');
	}
	if (a.type === 'date' && b.type === 'date') {
		return [a, ...(a.alt ? [a.alt] : [])].some((x) =>
			[b, ...(b.alt ? [b.alt] : [])].some((y) => sameDate(x, y))
		);
	}
	if (a.type === 'decade' && b.type === 'decade') return a.y === b.y;
	// A bare year and a plain integer are the same thing ("1994").
	const year = a.type === 'date' ? a : b.type === 'date' ? b : null;
	const num = a.type === 'number' ? a : b.type === 'number' ? b : null;
	return !!year && !!num && year.m === undefined && num.unit === '' && num.value === year.y;
}
