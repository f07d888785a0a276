/**
 * Which cards a note yields, and the question/answer HTML of each. Pure string work: the HTML is
 * sanitized by the component that displays it (imported decks are untrusted).
 */
import { clozeNumbers, parseCloze } from './cloze';
import type { NoteKind } from './model';
import { renderPlainCard, type RenderedCard } from './plain-card-render';

export type { RenderedCard };

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
	if (kind !== 'cloze') return renderPlainCard(kind, fields, ord)!;
	const text = fields.text ?? '';
	return {
		questionHtml: renderCloze(text, ord, false),
		answerHtml: renderCloze(text, ord, true),
		extraHtml: fields.extra ?? ''
	};
}
