/**
 * Lenient grading of typed answers, as a fair human marker would: case, accents, punctuation, leading
 * articles and small typos do not matter; numbers, units and dates must be right but may be written in
 * any usual way ("18.7%" = "18.7 per cent", "May 2015" = "05/2015"). Pure.
 */
import { analyze, sameValue, type Analysis } from './answer-tokens';
import { foldText, htmlToText } from './plain-text';

export interface GradeResult {
	correct: boolean;
	/** True when accepted as written (no typo, nothing left out): the UI shows the exact answer otherwise. */
	exact: boolean;
}

export interface GradeOptions {
	/** A person's surname alone is enough ("Lukashenka" for "Alexander Lukashenka"). */
	acceptSurname?: boolean;
}

const LEADING = new Set(['a', 'an', 'the']);
/** Dropped anywhere when the answer is a number or a date: "in 1994", "about 18.7%", "the mid-1990s". */
const QUALIFIERS = new Set([
	'in',
	'on',
	'by',
	'about',
	'around',
	'approximately',
	'roughly',
	'circa',
	'c',
	'some',
	'nearly',
	'almost',
	'only',
	'just',
	'mere',
	'early',
	'mid',
	'late',
	'of'
]);

/** Damerau–Levenshtein (optimal string alignment) distance, stopping early above `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
	if (Math.abs(a.length - b.length) > max) return max + 1;
	let prev2: number[] = [];
	let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
	for (let i = 1; i <= a.length; i++) {
		const cur = [i];
		let rowMin = i;
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
				d = Math.min(d, prev2[j - 2]! + 1);
			cur.push(d);
			rowMin = Math.min(rowMin, d);
		}
		if (rowMin > max) return max + 1;
		prev2 = prev;
		prev = cur;
	}
	return prev[b.length]!;
}

/** How many typos an answer of `length` letters tolerates: none for short words ("Iran" is not "Iraq"). */
function typoAllowance(length: number): number {
	if (length <= 4) return 0;
	if (length <= 7) return 1;
	if (length <= 12) return 2;
	return 3;
}

function significantWords(a: Analysis): string[] {
	let words = a.words;
	while (words.length > 0 && LEADING.has(words[0]!)) words = words.slice(1);
	return a.values.length > 0 ? words.filter((w) => !QUALIFIERS.has(w)) : words;
}

/** Same words up to small typos; the first letter must be right when there is a typo. */
function closeWords(given: string[], expected: string[]): { ok: boolean; exact: boolean } {
	const g = given.join(' ');
	const e = expected.join(' ');
	if (g === e) return { ok: true, exact: true };
	if (g === '' || e === '') return { ok: false, exact: false };
	const joinedG = given.join('');
	const joinedE = expected.join('');
	if (joinedG === joinedE) return { ok: true, exact: true };
	const allowed = typoAllowance(joinedE.length);
	const ok =
		joinedG[0] === joinedE[0] &&
		Math.min(editDistance(g, e, allowed), editDistance(joinedG, joinedE, allowed)) <= allowed;
	return { ok, exact: false };
}

const PERIODS = new Set(['early', 'mid', 'late']);

/** "early 2011" is not "late 2011"; "2011" for "early 2011" is fine. */
function periodsClash(given: Analysis, expected: Analysis): boolean {
	const g = given.words.filter((w) => PERIODS.has(w));
	const e = expected.words.filter((w) => PERIODS.has(w));
	return g.length > 0 && e.length > 0 && g.join() !== e.join();
}

function compare(given: Analysis, expected: Analysis, options: GradeOptions): GradeResult {
	if (periodsClash(given, expected)) return { correct: false, exact: false };
	if (given.values.length !== expected.values.length) return { correct: false, exact: false };
	if (!given.values.every((v, i) => sameValue(v, expected.values[i]!)))
		return { correct: false, exact: false };
	const g = significantWords(given);
	const e = significantWords(expected);
	const words = closeWords(g, e);
	if (words.ok) return { correct: true, exact: words.exact && given.words.length === expected.words.length };
	if (options.acceptSurname && expected.values.length === 0 && e.length >= 2 && g.length === 1) {
		if (closeWords(g, e.slice(-1)).ok) return { correct: true, exact: false };
	}
	return { correct: false, exact: false };
}

/** The ways an expected answer may be given: as written, without its parenthesis, or the parenthesis alone. */
function answerVariants(expected: string): string[] {
	const text = htmlToText(expected);
	const variants = [text];
	const paren = /\s*\(([^()]+)\)/g;
	if (paren.test(text)) {
		variants.push(text.replace(paren, ' ').trim());
		for (const m of text.matchAll(/\(([^()]+)\)/g)) variants.push(m[1]!.trim());
	}
	for (const v of [...variants])
		if (/\s\/\s/.test(v)) variants.push(...v.split(/\s\/\s/).map((s) => s.trim()));
	return [...new Set(variants.filter((v) => v !== ''))];
}

export function gradeAnswer(given: string, expected: string, options: GradeOptions = {}): GradeResult {
	if (foldText(given) === '') return { correct: false, exact: false };
	const g = analyze(given);
	let best: GradeResult = { correct: false, exact: false };
	for (const variant of answerVariants(expected)) {
		const r = compare(g, analyze(variant), options);
		if (r.correct && r.exact) return r;
		if (r.correct) best = r;
	}
	return best;
}

/**
 * Several answers hidden together (a cloze with two deletions of one number): each must be given,
 * in any order, separated by commas, semicolons or "and".
 */
export function gradeAnswers(
	given: string,
	expected: readonly string[],
	options: GradeOptions = {}
): GradeResult {
	if (expected.length === 1) return gradeAnswer(given, expected[0]!, options);
	const whole = gradeAnswer(given, expected.join(' '), options);
	if (whole.correct) return whole;
	const parts = given.split(/\s*(?:[,;&]|\band\b)\s*/i).filter((p) => p.trim() !== '');
	if (parts.length !== expected.length) return { correct: false, exact: false };
	const left = [...expected];
	let exact = true;
	for (const part of parts) {
		const i = left.findIndex((e) => gradeAnswer(part, e, options).correct);
		if (i === -1) return { correct: false, exact: false };
		exact &&= gradeAnswer(part, left[i]!, options).exact;
		left.splice(i, 1);
	}
	return { correct: true, exact };
}
