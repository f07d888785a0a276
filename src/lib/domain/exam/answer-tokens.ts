/**
 * Reads an answer as words plus values: dates ("May 2015" = "05/2015"), decades, and numbers with their
 * unit and scale ("$15.7 billion" = "15,700,000,000 USD", "18.7 per cent" = "18.7%"). Lenient grading and
 * the "kind" of an answer (a year, a percentage...) both build on this. Pure, English only.
 */
import { foldText } from './plain-text';

export type Unit = '' | '%' | 'usd' | 'eur' | 'gbp' | 'rub' | 'cny';

export type ValueToken =
	| { type: 'date'; y?: number; m?: number; d?: number; alt?: { y: number; m: number; d: number } }
	| { type: 'decade'; y: number }
	| { type: 'number'; value: number; unit: Unit };

export interface Analysis {
	words: string[];
	values: ValueToken[];
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

export function monthOf(word: string): number | null {
	if (word.length < 3) return null;
	if (word === 'sept') return 9;
	const i = MONTHS.findIndex((m) => m === word || (word.length === 3 && m.startsWith(word)));
	return i === -1 ? null : i + 1;
}

export function monthName(m: number): string {
	const name = MONTHS[m - 1] ?? '';
	return name.charAt(0).toUpperCase() + name.slice(1);
}

const UNITS: Record<string, Unit> = {
	'%': '%', percent: '%', pct: '%', '$': 'usd', usd: 'usd', dollar: 'usd', dollars: 'usd', '€': 'eur', eur: 'eur',
	euro: 'eur', euros: 'eur', '£': 'gbp', gbp: 'gbp', pound: 'gbp', pounds: 'gbp', '₽': 'rub', rub: 'rub',
	ruble: 'rub', rubles: 'rub', rouble: 'rub', roubles: 'rub', '¥': 'cny', yuan: 'cny', cny: 'cny', renminbi: 'cny'
};
const SCALES: Record<string, number> = {
	thousand: 1e3, k: 1e3, million: 1e6, mn: 1e6, mln: 1e6, billion: 1e9, bn: 1e9, bln: 1e9, trillion: 1e12, tn: 1e12
};
const SMALL = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const ORDINAL_SUFFIX = new Set(['st', 'nd', 'rd', 'th']);

type Raw =
	| { k: 'num'; value: number; digits: string; int: boolean }
	| { k: 'word'; w: string }
	| { k: 'sym'; s: string }
	| { k: 'value'; v: ValueToken };

const RAW =
	/(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)|(?<!\d)(\d{1,2})([/.-])(\d{1,2})\5(\d{4})(?!\d)|(?<!\d)(\d{4})[/-](\d{1,2})(?![\d.,])|(?<!\d)(\d{1,2})[/.-](\d{4})(?![\d.,])|\d+(?:[.,]\d+)*|[a-z]+|[$€£₽¥%]/g;

function validDate(y: number, m: number, d?: number): boolean {
	return y >= 1000 && y <= 2999 && m >= 1 && m <= 12 && (d === undefined || (d >= 1 && d <= 31));
}

/** "15,700" is fifteen thousand seven hundred; "18,7" is a decimal comma; "1.234.567" groups thousands. */
function parseNumber(text: string): number {
	const lastSep = Math.max(text.lastIndexOf('.'), text.lastIndexOf(','));
	if (lastSep === -1) return Number(text);
	const groups = text.split(/[.,]/);
	const thousands = groups.slice(1).every((g) => g.length === 3) && (groups.length > 2 || text[lastSep] === ',');
	if (thousands && !(text.includes('.') && text.includes(','))) return Number(groups.join(''));
	const intPart = text.slice(0, lastSep).replace(/[.,]/g, '');
	return Number(`${intPart}.${text.slice(lastSep + 1)}`);
}

function rawTokens(folded: string): Raw[] {
	const prepared = folded
		.replace(/per cent/g, 'percent')
		.replace(/(\d)([a-z])/g, '$1 $2')
		.replace(/([a-z])(\d)/g, '$1 $2')
		.replace(/(?<!\d)-|-(?!\d)/g, ' ');
	const out: Raw[] = [];
	for (const m of prepared.matchAll(RAW)) {
		const [all] = m;
		if (m[1] && validDate(+m[1], +m[2]!, +m[3]!)) out.push({ k: 'value', v: { type: 'date', y: +m[1], m: +m[2]!, d: +m[3]! } });
		else if (m[4]) {
			const [a, b, y] = [+m[4], +m[6]!, +m[7]!];
			const dm = validDate(y, b, a) ? { y, m: b, d: a } : null;
			const md = validDate(y, a, b) ? { y, m: a, d: b } : null;
			const first = dm ?? md;
			if (first) out.push({ k: 'value', v: { type: 'date', ...first, ...(dm && md && a !== b ? { alt: md } : {}) } });
			else out.push(...numbersOf(all));
		} else if (m[8] && validDate(+m[8], +m[9]!)) out.push({ k: 'value', v: { type: 'date', y: +m[8], m: +m[9]! } });
		else if (m[10] && validDate(+m[11]!, +m[10]) && !(all.includes('.') && m[10].length < 2)) out.push({ k: 'value', v: { type: 'date', y: +m[11]!, m: +m[10] } });
		else if (/^[a-z]+$/.test(all)) out.push({ k: 'word', w: all });
		else if (/^\d/.test(all)) out.push(...numbersOf(all));
		else out.push({ k: 'sym', s: all });
	}
	return out;
}

function numbersOf(text: string): Raw[] {
	return (text.match(/\d+(?:[.,]\d+)*/g) ?? []).map((digits) => ({
		k: 'num' as const,
		value: parseNumber(digits),
		digits,
		int: /^\d+$/.test(digits)
	}));
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

function sameDate(a: { y?: number; m?: number; d?: number }, b: { y?: number; m?: number; d?: number }): boolean {
	return a.y === b.y && a.m === b.m && a.d === b.d;
}

/** Equal values; a unit left out on one side is forgiven ("18.7" for "18.7%"), a different unit is not. */
export function sameValue(a: ValueToken, b: ValueToken): boolean {
	if (a.type === 'number' && b.type === 'number') {
		return sameNumber(a.value, b.value) && (a.unit === b.unit || a.unit === '' || b.unit === '');
	}
	if (a.type === 'date' && b.type === 'date') {
		return [a, ...(a.alt ? [a.alt] : [])].some((x) => [b, ...(b.alt ? [b.alt] : [])].some((y) => sameDate(x, y)));
	}
	if (a.type === 'decade' && b.type === 'decade') return a.y === b.y;
	// A bare year and a plain integer are the same thing ("1994").
	const year = a.type === 'date' ? a : b.type === 'date' ? b : null;
	const num = a.type === 'number' ? a : b.type === 'number' ? b : null;
	return !!year && !!num && year.m === undefined && num.unit === '' && num.value === year.y;
}
