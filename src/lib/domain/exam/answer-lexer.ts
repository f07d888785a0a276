/**
 * The first pass over an answer: folded text cut into numbers, words, symbols and dates written with
 * digits ("05/2015", "2016-01-01"). answer-tokens.ts then reads values out of these pieces. Pure.
 */
import type { Unit, ValueToken } from './answer-tokens';

const MONTHS = [
	'january',
	'february',
	'march',
	'april',
	'may',
	'june',
	'july',
	'august',
	'september',
	'october',
	'november',
	'december'
];

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

export const UNITS: Record<string, Unit> = {
	'%': '%',
	percent: '%',
	pct: '%',
	$: 'usd',
	usd: 'usd',
	dollar: 'usd',
	dollars: 'usd',
	'€': 'eur',
	eur: 'eur',
	euro: 'eur',
	euros: 'eur',
	'£': 'gbp',
	gbp: 'gbp',
	pound: 'gbp',
	pounds: 'gbp',
	'₽': 'rub',
	rub: 'rub',
	ruble: 'rub',
	rubles: 'rub',
	rouble: 'rub',
	roubles: 'rub',
	'¥': 'cny',
	yuan: 'cny',
	cny: 'cny',
	renminbi: 'cny'
};
export const SCALES: Record<string, number> = {
	thousand: 1e3,
	k: 1e3,
	million: 1e6,
	mn: 1e6,
	mln: 1e6,
	billion: 1e9,
	bn: 1e9,
	bln: 1e9,
	trillion: 1e12,
	tn: 1e12
};
export const SMALL = [
	'zero',
	'one',
	'two',
	'three',
	'four',
	'five',
	'six',
	'seven',
	'eight',
	'nine',
	'ten',
	'eleven',
	'twelve',
	'thirteen',
	'fourteen',
	'fifteen',
	'sixteen',
	'seventeen',
	'eighteen',
	'nineteen'
];
export const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
export const ORDINAL_SUFFIX = new Set(['st', 'nd', 'rd', 'th']);

export type Raw =
	| { k: 'num'; value: number; digits: string; int: boolean }
	| { k: 'word'; w: string }
	| { k: 'sym'; s: string }
	| { k: 'value'; v: ValueToken };

const RAW =
	/(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)|(?<!\d)(\d{1,2})([/.-])(\d{1,2})\5(\d{4})(?!\d)|(?<!\d)(\d{4})[/-](\d{1,2})(?![\d.,])|(?<!\d)(\d{1,2})[/.-](\d{4})(?![\d.,])|\d+(?:[.,]\d+)*|[a-z]+|[$€£₽¥%]/g;

export function validDate(y: number, m: number, d?: number): boolean {
	return y >= 1000 && y <= 2999 && m >= 1 && m <= 12 && (d === undefined || (d >= 1 && d <= 31));
}

/** "15,700" is fifteen thousand seven hundred; "18,7" is a decimal comma; "1.234.567" groups thousands. */
function parseNumber(text: string): number {
	const lastSep = Math.max(text.lastIndexOf('.'), text.lastIndexOf(','));
	if (lastSep === -1) return Number(text);
	const groups = text.split(/[.,]/);
	const thousands =
		groups.slice(1).every((g) => g.length === 3) && (groups.length > 2 || text[lastSep] === ',');
	if (thousands && !(text.includes('.') && text.includes(','))) return Number(groups.join(''));
	const intPart = text.slice(0, lastSep).replace(/[.,]/g, '');
	return Number(`${intPart}.${text.slice(lastSep + 1)}`);
}

export function rawTokens(folded: string): Raw[] {
	const prepared = folded
		.replace(/per cent/g, 'percent')
		.replace(/(\d)([a-z])/g, '$1 $2')
		.replace(/([a-z])(\d)/g, '$1 $2')
		.replace(/(?<!\d)-|-(?!\d)/g, ' ');
	const out: Raw[] = [];
	for (const m of prepared.matchAll(RAW)) {
		const [all] = m;
		if (m[1] && validDate(+m[1], +m[2]!, +m[3]!))
			out.push({ k: 'value', v: { type: 'date', y: +m[1], m: +m[2]!, d: +m[3]! } });
		else if (m[4]) {
			const [a, b, y] = [+m[4], +m[6]!, +m[7]!];
			const dm = validDate(y, b, a) ? { y, m: b, d: a } : null;
			const md = validDate(y, a, b) ? { y, m: a, d: b } : null;
			const first = dm ?? md;
			if (first)
				out.push({ k: 'value', v: { type: 'date', ...first, ...(dm && md && a !== b ? { alt: md } : {}) } });
			else out.push(...numbersOf(all));
		} else if (m[8] && validDate(+m[8], +m[9]!))
			out.push({ k: 'value', v: { type: 'date', y: +m[8], m: +m[9]! } });
		else if (m[10] && validDate(+m[11]!, +m[10]) && !(all.includes('.') && m[10].length < 2))
			out.push({ k: 'value', v: { type: 'date', y: +m[11]!, m: +m[10] } });
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
