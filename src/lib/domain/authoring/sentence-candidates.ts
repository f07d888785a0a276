/**
 * One sentence → draft candidates of the four kinds (before scoring, merging and the per-sentence cap).
 */
import type { CandidateKind, CandidateNote } from './authoring-model';
import { actorSpans, acronyms, roleQuestion } from './actor-spans';
import { causeAnswer, causeSpans, type CauseSpan } from './cause-spans';
import { allOccurrences, clozeProblem, clozeText, isStopWordsOnly } from './cloze-text';
import { dateSpans } from './date-spans';
import { figureSpans } from './figure-spans';
import type { Token } from './nlp-tools';
import { clauseTokens, whQuestion } from './questions';
import type { Span } from './span';

export interface Draft {
	kind: CandidateKind;
	note: CandidateNote;
	answer: string;
	/** 0..1: how specific the asked phrase is by itself. */
	weight: number;
}

export interface SentenceFacts {
	drafts: Draft[];
	/** Named entities, numbers and dates in the sentence: how fact-dense it is. */
	entities: number;
}

function cloze(kind: CandidateKind, sentence: string, hidden: Span[], weight: number): Draft | undefined {
	if (hidden.length === 0 || clozeProblem(sentence, hidden)) return undefined;
	return {
		kind,
		note: { kind: 'cloze', text: clozeText(sentence, hidden) },
		answer: hidden[0]!.text,
		weight
	};
}

/**
 * Several dates (or figures) of one sentence make one note with a card each ("Between {{c1::1891}}
 * and {{c2::1901}} …"), not several near-identical notes.
 */
function numberedCloze(kind: CandidateKind, sentence: string, found: Span[]): Draft | undefined {
	const spans: Span[] = [];
	const numbers: number[] = [];
	const texts: string[] = [];
	for (const f of found) {
		if (!texts.includes(f.text)) texts.push(f.text);
		for (const occurrence of allOccurrences(sentence, f.text, f.weight)) {
			if (spans.some((x) => x.start === occurrence.start)) continue;
			spans.push(occurrence);
			numbers.push(texts.indexOf(f.text) + 1);
		}
	}
	if (spans.length === 0 || clozeProblem(sentence, spans)) return undefined;
	const weight = Math.max(...found.map((f) => f.weight));
	const text = clozeText(sentence, spans, numbers);
	return { kind, note: { kind: 'cloze', text }, answer: texts.join(' · '), weight };
}

function basic(kind: CandidateKind, front: string, back: string, weight: number): Draft | undefined {
	const b = back.trim();
	if (!b || isStopWordsOnly(b) || front.includes('{{') || b.includes('{{')) return undefined;
	return {
		kind,
		note: { kind: 'basic', front, back: b.charAt(0).toUpperCase() + b.slice(1) },
		answer: b,
		weight
	};
}

const DATE_PREP = /^(?:On|In|During|By|Since|Until|Before|After|From|At|Over|Throughout)\s+$/;

/** "When did …?" when the sentence has one date, opening it ("In May 2015, …") or closing it. */
function whenQuestion(sentence: string, tokens: Token[], date: Span): Draft | undefined {
	const before = sentence.slice(0, date.start);
	let clause: { from: number; to: number } | undefined;
	let asked = date.text;
	if (DATE_PREP.test(before) && sentence[date.end] === ',') {
		clause = { from: date.end + 1, to: sentence.length };
		asked = before + date.text;
	} else if (/^[.!]?\s*$/.test(sentence.slice(date.end))) {
		const prep = /\s(in|on|during|by|since|until|before|after)\s+$/i.exec(before);
		if (prep) {
			clause = { from: 0, to: prep.index };
			asked = prep[1] + ' ' + date.text;
		}
	}
	if (!clause) return undefined;
	const text = sentence.slice(clause.from, clause.to);
	const lead = text.length - text.trimStart().length;
	const toks = clauseTokens(tokens, clause.from + lead, clause.to);
	const q = whQuestion('When', text.trim(), toks);
	return q ? basic('date', q, asked, date.weight * 0.9) : undefined;
}

/**
 * "Why did Minsk host negotiations …?": the question is about the clause right before the marker, so
 * try it from the nearest comma back to the sentence start until it reads as a statement.
 */
function causeQuestion(sentence: string, tokens: Token[], c: CauseSpan): Draft | undefined {
	const { start, end } = c.effect!;
	const starts = [start];
	for (let i = sentence.lastIndexOf(',', end - 1); i > start; i = sentence.lastIndexOf(',', i - 1))
		starts.unshift(i + 1);
	for (const from of starts.reverse()) {
		const text = sentence.slice(from, end);
		const lead = text.length - text.trimStart().length;
		if (text.trim().split(/\s+/).length < 2) continue;
		const q = whQuestion(c.ask!, text.trim(), clauseTokens(tokens, from + lead, end));
		if (q) return basic('cause', q, causeAnswer(c), c.weight * 0.95);
	}
	return undefined;
}

export function sentenceCandidates(sentence: string, tokens: Token[]): SentenceFacts {
	const drafts: Draft[] = [];
	const push = (d: Draft | undefined) => {
		if (d && !drafts.some((x) => x.kind === d.kind && x.answer === d.answer && x.note.kind === d.note.kind)) {
			drafts.push(d);
		}
	};
	const dates = dateSpans(sentence);
	push(numberedCloze('date', sentence, dates));
	if (dates.length === 1) push(whenQuestion(sentence, tokens, dates[0]!));

	const figures = figureSpans(sentence, tokens, dates);
	push(numberedCloze('figure', sentence, figures));

	const actors = actorSpans(sentence, tokens);
	for (const a of actors) {
		if (a.acts || a.type === 'person') {
			push(
				cloze('actor', sentence, allOccurrences(sentence, a.text, a.weight), a.weight * (a.acts ? 1 : 0.8))
			);
		}
		if (a.role) push(basic('actor', roleQuestion(a), a.role, a.weight));
	}
	for (const a of acronyms(sentence))
		push(basic('actor', `What does ${a.acronym} stand for?`, a.expansion, 0.8));

	for (const c of causeSpans(sentence, tokens)) {
		push(cloze('cause', sentence, [c], c.weight));
		if (c.ask && c.effect) push(causeQuestion(sentence, tokens, c));
	}
	return { drafts, entities: dates.length + figures.length + actors.length };
}
