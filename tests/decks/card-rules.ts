/**
 * Measures behind the card-writing rules of the article decks (tests/decks/card-rules.test.ts and
 * docs/deck-notes.md): answer length, prompt similarity and claim sentences in explanations.
 * Not a test file itself.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCloze, renderCloze } from '../../src/lib/domain/cloze';
import { cardOrdinals, type DeckNote } from '../../src/lib/domain/deck-format';
import { ROOT } from './article-decks';

/** At most this many words in an answer (a cloze: in each blank). */
export const MAX_ANSWER_WORDS = 15;

/**
 * Two prompts look alike when the Dice coefficient of their normalized content-word sets,
 * 2·|A∩B| / (|A|+|B|), reaches this. Chosen from the measured distribution (docs/deck-notes.md):
 * the look-alike prompts the review found scored 0.70 to 0.91; prompts built on one template that
 * differ in their key ("What does the figure 62% measure?") score at most 0.57.
 */
export const SIMILARITY_THRESHOLD = 0.6;

/** Words that carry no content in a prompt: articles, auxiliaries, pronouns, question words. */
const STOPWORDS = new Set(
	`a an the of to in on at by for from with into onto over after before during about as and or but
	is are was were be been being do does did has have had will would can could should may might
	what which who whom whose why how when where that this these those it its he his him she her they
	their them there than then according article author say says said`.split(/\s+/)
);

/** Lowercased content words: possessives and punctuation dropped, cloze gaps removed. */
export function contentWords(text: string): string[] {
	return text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/\[[^\]]*\]/g, ' ')
		.replace(/['’]s\b/g, '')
		.split(/[^a-z0-9]+/)
		.filter((w) => w !== '' && !STOPWORDS.has(w));
}

/** Dice coefficient of two word sets (0 = nothing shared, 1 = the same words). */
export function dice(a: readonly string[], b: readonly string[]): number {
	const sa = new Set(a);
	const sb = new Set(b);
	if (sa.size + sb.size === 0) return 1;
	let shared = 0;
	for (const w of sa) if (sb.has(w)) shared++;
	return (2 * shared) / (sa.size + sb.size);
}

/** The question side of each card of a note: `front`, the reverse (`back`), or the cloze with gaps. */
export function prompts(note: DeckNote): { ord: number; text: string }[] {
	if (note.kind === 'basic') return [{ ord: 0, text: note.front }];
	if (note.kind === 'reversible')
		return [
			{ ord: 0, text: note.front },
			{ ord: 1, text: note.back }
		];
	return cardOrdinals(note).map((ord) => ({ ord, text: renderCloze(note.text, ord, 'front') }));
}

/** What a student must produce: the back, both sides of a reversible note, or each cloze blank. */
export function answers(note: DeckNote): string[] {
	if (note.kind === 'basic') return [note.back];
	if (note.kind === 'reversible') return [note.front, note.back];
	return parseCloze(note.text).deletions.map((d) => d.answer);
}

export function wordCount(text: string): number {
	return text
		.replace(/<[^>]*>/g, ' ')
		.split(/\s+/)
		.filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** Marks the part of an explanation that goes beyond the text: everything after it is commentary. */
export const COMMENTARY_MARK = 'Commentary:';

/** Words that make a sentence a claim: a cause, a consequence, a number or a year. */
const CLAIM = /\b(because|so|therefore|thus|hence|since|consequently)\b|\bdue to\b|\bas a result\b|\d/i;

export function isClaim(sentence: string): boolean {
	return CLAIM.test(sentence);
}

/** Sentences of a text: split after . ! ? (and a closing quote) before a capital or an opening quote. */
export function sentences(text: string): string[] {
	return text
		.split(/(?<=[.!?]["”]?)\s+(?=["“A-Z])/)
		.map((s) => s.trim())
		.filter((s) => s !== '');
}

/** The passages a sentence quotes, in straight or curly double quotes. */
export function quotedPassages(sentence: string): string[] {
	return [...sentence.matchAll(/["“]([^"”]+)["”]/g)].map((m) => m[1]!.trim());
}

/** An explanation split into the part that restates the text and the commentary after the mark. */
export function splitExplanation(explanation: string): { text: string; commentary: string } {
	const at = explanation.indexOf(COMMENTARY_MARK);
	if (at === -1) return { text: explanation, commentary: '' };
	return {
		text: explanation.slice(0, at).trim(),
		commentary: explanation.slice(at + COMMENTARY_MARK.length).trim()
	};
}

/** A pair of notes allowed to ask the same fact or look alike, with the reason. */
export interface DeliberatePair {
	a: string;
	b: string;
	reason: string;
}

/**
 * The deliberate pairs listed in docs/deck-notes.md, in its table under "## Deliberate pairs":
 * rows `| note-a | note-b | reason |` with the note ids in backticks.
 */
export function deliberatePairs(): DeliberatePair[] {
	const doc = readFileSync(join(ROOT, 'docs', 'deck-notes.md'), 'utf8');
	const section = doc.split(/^#{2,3} /m).find((s) => s.startsWith('Deliberate pairs')) ?? '';
	return [...section.matchAll(/^\|\s*`([a-z0-9-]+)`\s*\|\s*`([a-z0-9-]+)`\s*\|([^|\n]*)\|/gm)].map((m) => ({
		a: m[1]!,
		b: m[2]!,
		reason: m[3]!.trim()
	}));
}

/** Retired note ids (docs/deck-notes.md, table under "## Retired note ids"): `| deck/id | reason |`. */
export function retiredIds(): { id: string; reason: string }[] {
	const doc = readFileSync(join(ROOT, 'docs', 'deck-notes.md'), 'utf8');
	const section = doc.split(/^#{2,3} /m).find((s) => s.startsWith('Retired note ids')) ?? '';
	return [...section.matchAll(/^\|\s*`([a-z0-9-]+\/[a-z0-9-]+)`\s*\|([^|\n]*)\|/gm)].map((m) => ({
		id: m[1]!,
		reason: m[2]!.trim()
	}));
}
