/**
 * A card as a fact to test: plain-text prompt and answer, its category and answer kind, and the source
 * quote shown when it is missed. Built from note and card rows. Pure.
 */
import { renderCard } from '../card-render';
import { parseCloze } from '../cloze';
import type { NoteKind } from '../model';
import { answerKind, categoryOf, shapeOf, type AnswerShape, type FactCategory } from './answer-shape';
import { htmlToText } from './plain-text';

export interface FactNote {
	id: string;
	kind: NoteKind;
	fields: Record<string, string>;
	tags: string[];
	explanation?: string;
	sourceQuote?: string;
}

export interface FactCard {
	id: string;
	noteId: string;
	ord: number;
}

export interface Fact {
	cardId: string;
	noteId: string;
	tags: string[];
	category: FactCategory;
	/** The question as plain text; a cloze shows "_____" where its answer goes. */
	prompt: string;
	/** The answer as plain text (a cloze with several blanks: the parts joined by " … "). */
	answer: string;
	/** Every part that must be given (one, except for a cloze with several blanks of one number). */
	answerParts: string[];
	shape: AnswerShape;
	kind: string;
	/** For a cloze: the text with `{answer}` where the blank is, to build true/false statements. */
	template?: string;
	isCloze: boolean;
	sourceQuote?: string;
	explanation?: string;
}

const BLANK = '_____';
export const ANSWER_SLOT = '{answer}';

export function factOf(card: FactCard, note: FactNote): Fact | null {
	const category = categoryOf(note.tags);
	const base = {
		cardId: card.id,
		noteId: note.id,
		tags: [...note.tags],
		category,
		...(note.sourceQuote ? { sourceQuote: note.sourceQuote } : {}),
		...(note.explanation ? { explanation: note.explanation } : {})
	};
	if (note.kind === 'cloze') {
		const text = note.fields.text ?? '';
		const deletions = parseCloze(text).deletions;
		const active = deletions.filter((d) => d.n === card.ord);
		if (active.length === 0) return null;
		let prompt = '';
		let template = '';
		let at = 0;
		let slotUsed = false;
		for (const d of deletions) {
			const before = text.slice(at, d.start);
			prompt += before;
			template += before;
			if (d.n === card.ord) {
				prompt += d.hint ? `${BLANK} (${d.hint})` : BLANK;
				template += slotUsed ? d.answer : ANSWER_SLOT;
				slotUsed = true;
			} else {
				prompt += d.answer;
				template += d.answer;
			}
			at = d.end;
		}
		prompt += text.slice(at);
		template += text.slice(at);
		const parts = active.map((d) => htmlToText(d.answer));
		const answer = parts.join(' … ');
		return {
			...base,
			prompt: htmlToText(prompt),
			answer,
			answerParts: parts,
			shape: shapeOf(answer),
			kind: answerKind(answer, category),
			...(parts.length === 1 ? { template: htmlToText(template) } : {}),
			isCloze: true
		};
	}
	// Basic, reversible and imported (templated) cards: the sides as the study screen renders them.
	const rendered = renderCard(note.kind, note.fields, card.ord);
	const prompt = htmlToText(rendered.questionHtml);
	const answer = htmlToText(rendered.answerHtml);
	if (!prompt || !answer) return null;
	return {
		...base,
		prompt,
		answer,
		answerParts: [answer],
		shape: shapeOf(answer),
		kind: answerKind(answer, category),
		isCloze: false
	};
}

/** Facts of a deck's cards, sorted by card id so that a seed gives the same test whatever the read order. */
export function factsOf(cards: readonly FactCard[], notes: ReadonlyMap<string, FactNote>): Fact[] {
	const facts: Fact[] = [];
	for (const card of cards) {
		const note = notes.get(card.noteId);
		const fact = note ? factOf(card, note) : null;
		if (fact) facts.push(fact);
	}
	return facts.sort((a, b) => (a.cardId < b.cardId ? -1 : a.cardId > b.cardId ? 1 : 0));
}

/** The statement a true/false question shows: a cloze filled in, or the question with a proposed answer. */
export function statementOf(fact: Fact, proposed: string): string {
	if (fact.template) return fact.template.replace(ANSWER_SLOT, proposed);
	return `${fact.prompt} — ${proposed}`;
}
