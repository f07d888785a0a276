/**
 * The question/answer HTML of every card that is not a cloze: what the study screen renders before its first
 * card (issue 13: the cloze parser is loaded only for a cloze card, card-render.ts). Pure string work: the
 * HTML is sanitized by the component that displays it (imported decks are untrusted).
 */
import type { NoteKind } from './model';

export interface RenderedCard {
	questionHtml: string;
	answerHtml: string;
	/** Extra context shown under the answer (cloze "extra", or nothing). */
	extraHtml: string;
}

/**
 * Anki answer templates usually start with the question (`{{FrontSide}}<hr id=answer>`); the answer
 * is shown under the question, so that part is dropped rather than shown twice.
 */
function templatedAnswer(question: string, answer: string): string {
	if (!question || !answer.startsWith(question)) return answer;
	return answer.slice(question.length).replace(/^\s*<hr\b[^>]*>/i, '');
}

/** Card `ord` of a note, or null for a cloze note (card-render.ts renders those). */
export function renderPlainCard(
	kind: NoteKind,
	fields: Record<string, string>,
	ord: number
): RenderedCard | null {
	if (kind === 'cloze') return null;
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
