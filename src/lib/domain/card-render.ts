/**
 * Which cards a note yields, and the question/answer HTML of each. Pure string work: the HTML is
 * sanitized by the component that displays it (imported decks are untrusted).
 */
import type { NoteKind } from './model';

/** `{{c1::answer}}` or `{{c1::answer::hint}}` (Anki's cloze syntax). */
const CLOZE = /\{\{c(\d+)::([\s\S]*?)(?:::([\s\S]*?))?\}\}/g;

export function clozeOrdinals(text: string): number[] {
	const found = new Set<number>();
	for (const m of text.matchAll(CLOZE)) found.add(Number(m[1]));
	return [...found].filter((n) => n > 0).sort((a, b) => a - b);
}

/** Card ordinals of a note: 0 forward, 1 reverse, or the cloze numbers. */
export function cardOrdinals(kind: NoteKind, fields: Record<string, string>): number[] {
	if (kind === 'basic') return [0];
	if (kind === 'reversible') return [0, 1];
	return clozeOrdinals(fields.text ?? '');
}

export interface RenderedCard {
	questionHtml: string;
	answerHtml: string;
	/** Extra context shown under the answer (cloze "extra", or nothing). */
	extraHtml: string;
}

function renderCloze(text: string, active: number, reveal: boolean): string {
	return text.replace(CLOZE, (_all, n: string, answer: string, hint: string | undefined) => {
		if (Number(n) !== active) return answer;
		if (reveal) return `<mark class="cloze">${answer}</mark>`;
		return `<mark class="cloze" aria-label="blank${hint ? `: ${hint}` : ''}">[${hint ?? '…'}]</mark>`;
	});
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
	const front = fields.front ?? '';
	const back = fields.back ?? '';
	const reverse = kind === 'reversible' && ord === 1;
	return { questionHtml: reverse ? back : front, answerHtml: reverse ? front : back, extraHtml: '' };
}

/** Plain text for HTML from trusted rendering above (labels, search). */
export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
