/** Cloze text from a sentence and the spans to hide, with the checks every cloze card must pass. */
import type { Span } from './span';

/** Words that are never worth hiding on their own. */
const STOP_WORDS = new Set(
	(
		'a an the and or but if of in on at to for from by with as is are was were be been being has have had ' +
		'it its this that these those he she they we you i his her their our your him them us who whom which ' +
		'what when where why how not no so than then there here also very just only more most some any all ' +
		'each other such into over under about after before up down out off again further once can will would ' +
		'should could may might must do does did'
	).split(' ')
);

export function isStopWordsOnly(text: string): boolean {
	const words = text.toLowerCase().match(/[\p{L}\p{N}%$€£]+/gu) ?? [];
	return words.every((w) => STOP_WORDS.has(w));
}

/** Why a span cannot be a cloze of this sentence, or undefined when it can. */
export function clozeProblem(sentence: string, spans: Span[]): string | undefined {
	if (sentence.includes('{{') || sentence.includes('}}') || sentence.includes('::'))
		return 'cloze syntax in the text';
	const hidden = spans.reduce((n, s) => n + s.text.length, 0);
	const content = sentence.replace(/[\s.!?]+$/, '').length;
	if (hidden >= content * 0.85) return 'hides the whole sentence';
	if (spans.some((s) => isStopWordsOnly(s.text))) return 'hides only stop-words';
	return undefined;
}

/**
 * The sentence with the spans wrapped as cloze deletions. `numbers[i]` is span i's card number
 * (default: all 1, hidden together); the same words always share a number.
 */
export function clozeText(sentence: string, spans: Span[], numbers?: number[]): string {
	const order = spans.map((s, i) => ({ s, n: numbers?.[i] ?? 1 })).sort((a, b) => a.s.start - b.s.start);
	let out = '';
	let at = 0;
	for (const { s, n } of order) {
		if (s.start < at) continue;
		out += sentence.slice(at, s.start) + `{{c${n}::${sentence.slice(s.start, s.end)}}}`;
		at = s.end;
	}
	return out + sentence.slice(at);
}

/** Every place the same words appear in the sentence (a name said twice is hidden twice). */
export function allOccurrences(sentence: string, text: string, weight: number): Span[] {
	const out: Span[] = [];
	const re = new RegExp(
		`(?<![\\p{L}\\p{N}])${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`,
		'gu'
	);
	for (let m = re.exec(sentence); m; m = re.exec(sentence)) {
		out.push({ start: m.index, end: m.index + m[0].length, text: m[0], weight });
	}
	return out;
}
