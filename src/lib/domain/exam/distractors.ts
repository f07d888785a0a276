/**
 * Wrong options for a multiple-choice question: other answers of the same kind from the deck (actors with
 * actors, causes with causes), topped up for dates and figures by varying the right answer ("May 2015" →
 * "May 2013", "18.7%" → "28.1%"). Never equal to the answer, nor to each other, even leniently. Pure.
 */
import { SMALL } from './answer-lexer';
import { answerKind, isValueKind } from './answer-shape';
import { monthName, monthOf } from './answer-tokens';
import type { Fact } from './facts';
import { gradeAnswer } from './lenient-grading';
import { foldText } from './plain-text';
import type { Rng } from './prng';

export interface Distractor {
	text: string;
	kind: string;
	/** The card whose answer this is, or null for a variation of the right answer. */
	sourceCardId: string | null;
}

/** Two answers a student could not tell apart as options: the same once folded, or leniently equal. */
export function sameAnswer(a: string, b: string): boolean {
	return foldText(a) === foldText(b) || gradeAnswer(a, b).correct || gradeAnswer(b, a).correct;
}

function closeness(fact: Fact, candidate: string): number {
	const words = (s: string) => s.split(/\s+/).length;
	return (
		Math.abs(words(candidate) - words(fact.answer)) + Math.abs(candidate.length - fact.answer.length) / 12
	);
}

export function distractorsFor(fact: Fact, pool: readonly Fact[], rng: Rng, count = 3): Distractor[] {
	const chosen: Distractor[] = [];
	const accept = (d: Distractor): boolean => {
		if (d.kind !== fact.kind || d.text.trim() === '') return false;
		if (sameAnswer(d.text, fact.answer) || chosen.some((c) => sameAnswer(c.text, d.text))) return false;
		chosen.push(d);
		return true;
	};
	const prompt = foldText(fact.prompt);
	const candidates = rng
		.shuffle(
			pool.filter((f) => f.noteId !== fact.noteId && f.kind === fact.kind && f.answerParts.length === 1)
		)
		// An answer already visible in the question would be a giveaway trap.
		.filter((f) => !prompt.includes(foldText(f.answer)))
		.map((f, order) => ({ f, score: Math.round(closeness(fact, f.answer) * 2) + order / 1e6 }))
		.sort((a, b) => a.score - b.score);
	for (const { f } of candidates) {
		if (chosen.length >= count) break;
		accept({ text: f.answer, kind: f.kind, sourceCardId: f.cardId });
	}
	if (isValueKind(fact.kind)) {
		for (let attempt = 0; chosen.length < count && attempt < 40; attempt++) {
			const text = varyAnswer(fact.answer, rng);
			if (text !== null) accept({ text, kind: answerKind(text, fact.category), sourceCardId: null });
		}
	}
	return chosen.slice(0, count);
}

const NUMBER = /\d+(?:[.,]\d+)*/g;
const YEAR = /(?<!\d)(1\d{3}|2\d{3})(?!\d)/;
/** The number words a distractor may change: "two" to "twelve". */
const WORD_NUMBERS = SMALL.slice(2, 13);

/** The same answer with one value changed, written the same way. Null when nothing could be varied. */
export function varyAnswer(answer: string, rng: Rng): string | null {
	const year = YEAR.exec(answer);
	const monthWord = /\b([A-Za-z]{3,9})\b/g;
	const months = [...answer.matchAll(monthWord)].filter((m) => monthOf(m[1]!.toLowerCase()) !== null);
	if (year) {
		const y = Number(year[1]);
		const decade = /\d{4}s/.test(answer.slice(year.index, year.index + 5));
		if (months.length > 0 && rng.next() < 0.5) {
			const m = months[0]!;
			const current = monthOf(m[1]!.toLowerCase())!;
			const next = ((current - 1 + 1 + rng.int(11)) % 12) + 1;
			let name = monthName(next);
			if (m[1]!.length === 3) name = name.slice(0, 3);
			if (m[1] === m[1]!.toLowerCase()) name = name.toLowerCase();
			return answer.slice(0, m.index) + name + answer.slice(m.index! + m[1]!.length);
		}
		const numericMonth = /(?<!\d)(0?[1-9]|1[0-2])([/.-])(?=\d{4})|(?<=\d{4}[/-])(0?[1-9]|1[0-2])(?!\d)/.exec(
			answer
		);
		if (numericMonth && rng.next() < 0.5) {
			const raw = numericMonth[1] ?? numericMonth[3]!;
			const next = ((Number(raw) - 1 + 1 + rng.int(11)) % 12) + 1;
			const text = raw.length === 2 ? String(next).padStart(2, '0') : String(next);
			return answer.slice(0, numericMonth.index) + text + answer.slice(numericMonth.index + raw.length);
		}
		const step = decade ? 10 * (1 + rng.int(3)) : 1 + rng.int(6);
		const shifted = y + (rng.next() < 0.5 ? -step : step);
		return answer.slice(0, year.index) + String(shifted) + answer.slice(year.index + 4);
	}
	const numbers = [...answer.matchAll(NUMBER)];
	if (numbers.length > 0) {
		const m = numbers[0]!;
		return (
			answer.slice(0, m.index) +
			varyNumber(m[0], answer.includes('%'), rng) +
			answer.slice(m.index! + m[0].length)
		);
	}
	const word = WORD_NUMBERS.find((w) => new RegExp(`\\b${w}\\b`, 'i').test(answer));
	if (word) {
		const other = rng.pick(WORD_NUMBERS.filter((w) => w !== word));
		return answer.replace(new RegExp(`\\b${word}\\b`, 'i'), (found) =>
			found[0] === found[0]!.toUpperCase() ? other[0]!.toUpperCase() + other.slice(1) : other
		);
	}
	return null;
}

const FACTORS = [0.4, 0.5, 0.6, 0.75, 1.3, 1.5, 1.8, 2, 2.5, 3];

function varyNumber(digits: string, percent: boolean, rng: Rng): string {
	const decimalComma = /,\d{1,2}$/.test(digits);
	const grouped = /[.,]\d{3}(?:[.,]|$)/.test(digits) && !decimalComma;
	const plain = grouped ? digits.replace(/[.,]/g, '') : digits.replace(',', '.');
	const decimals = plain.includes('.') ? plain.split('.')[1]!.length : 0;
	const value = Number(plain);
	let next = value;
	for (let i = 0; i < 10 && (next === value || (percent && next > 100)); i++) {
		next =
			value < 10 && decimals === 0 ? value + rng.pick([-3, -2, -1, 1, 2, 3, 4]) : value * rng.pick(FACTORS);
		if (value < 10 && decimals === 0 && next < 1) next = value + 5;
	}
	let text = next.toFixed(decimals);
	if (grouped) text = Math.round(next).toLocaleString('en-US');
	return decimalComma ? text.replace('.', ',') : text;
}
