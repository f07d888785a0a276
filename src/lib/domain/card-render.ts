/**
 * Which cards a note yields, and the question/answer HTML of each. Pure string work: the HTML is
 * sanitized by the component that displays it (imported decks are untrusted).
 */
import { clozeNumbers, parseCloze } from './cloze';
import type { NoteKind } from './model';

/** Card ordinals of a note: 0 forward, 1 reverse, or the cloze numbers. */
export function cardOrdinals(kind: NoteKind, fields: Record<string, string>): number[] {
	if (kind === 'basic') return [0];
	if (kind === 'reversible') return [0, 1];
	if (kind === 'templated') return templatedOrdinals(fields);
	return clozeNumbers(fields.text ?? '');
}

/** An imported Anki note type: one card per rendered question `q<ord>`. */
function templatedOrdinals(fields: Record<string, string>): number[] {
	const ords: number[] = [];
	for (const key of Object.keys(fields)) {
		const m = /^q(\d+)$/.exec(key);
		if (m) ords.push(Number(m[1]));
	}
	return ords.sort((a, b) => a - b);
}

/**
 * Anki answer templates usually start with the question (`{{FrontSide}}<hr id=answer>`); the answer
 * is shown under the question, so that part is dropped rather than shown twice.
 */
function templatedAnswer(question: string, answer: string): string {
	if (!question || !answer.startsWith(question)) return answer;
	return answer.slice(question.length).replace(/^\s*<hr\b[^>]*>/i, '');
}

export interface RenderedCard {
	questionHtml: string;
	answerHtml: string;
	/** Extra context shown under the answer (cloze "extra", or nothing). */
	extraHtml: string;
}

/** Cloze card `active` as HTML: its deletions marked (blank on the question, filled on the answer). */
function renderCloze(text: string, active: number, reveal: boolean): string {
	let out = '';
	let at = 0;
	for (const d of parseCloze(text).deletions) {
		out += text.slice(at, d.start);
		if (d.n !== active) out += d.answer;
		else if (reveal) out += `<mark class="cloze">${d.answer}</mark>`;
		else
			out += `<mark class="cloze" aria-label="blank${d.hint ? `: ${d.hint}` : ''}">[${d.hint ?? '…'}]</mark>`;
		at = d.end;
	}
	return out + text.slice(at);
}

export function renderCard(kind: NoteKind, fields: Record<string, string>, ord: number): RenderedCard {
	if (kind === 'cloze') {
		const text = fields.text ?? '';
		return {
			questionHtml: renderCloze(text, ord, false),
			answerHtml: renderCloze(text, ord, true),
			extraHtml: fields.extra ?? ''
		};
	}
	if (kind === 'templated') {
		const question = fields[`q${ord}`] ?? '';
		return {
			questionHtml: question,
			answerHtml: templatedAnswer(question, fields[`a${ord}`] ?? ''),
			extraHtml: ''
		};
	}
	const front = fields.front ?? '';
	const back = fields.back ?? '';
	const reverse = kind === 'reversible' && ord === 1;
	return { questionHtml: reverse ? back : front, answerHtml: reverse ? front : back, extraHtml: '' };
}
