/**
 * Authoring: an article's text → candidate cards of the four kinds our article decks teach.
 * Every candidate keeps the verbatim sentence it comes from, so that an instructor can check it and a
 * student can see where it comes from.
 */
export const CANDIDATE_KINDS = ['date', 'figure', 'actor', 'cause'] as const;
export type CandidateKind = (typeof CANDIDATE_KINDS)[number];

export const KIND_LABELS: Record<CandidateKind, string> = {
	date: 'Dates',
	figure: 'Figures',
	actor: 'Actors',
	cause: 'Causes'
};

export type CandidateNote =
	{ kind: 'cloze'; text: string } | { kind: 'basic' | 'reversible'; front: string; back: string };

export interface Candidate {
	/** Stable within one extraction, and a valid deck note id (a-z, 0-9, single hyphens). */
	id: string;
	kind: CandidateKind;
	note: CandidateNote;
	/** What the card asks for: the cloze answer or the basic card's back. */
	answer: string;
	/** The sentence the card comes from, verbatim. */
	quote: string;
	/** Index into `ExtractionResult.sentences`. */
	sentence: number;
	/** 0..1: specificity (named entities, numbers, rarity of the answer's words in the text). */
	score: number;
}

export interface Sentence {
	index: number;
	text: string;
	/** Character offsets in the whole text. */
	start: number;
	end: number;
	/** A heading line (no closing punctuation): read for context, never turned into cards. */
	heading: boolean;
}

export interface ExtractionResult {
	sentences: Sentence[];
	candidates: Candidate[];
	words: number;
}

export const AUTHORING_LIMITS = {
	/** About 60,000 words: far beyond a reading assignment, and bounded time in the worker. */
	maxChars: 400_000,
	/** A sentence longer than this is not split into cards (a run-on list or a pasted table). */
	maxSentenceChars: 1_500,
	/** Candidates kept per sentence, unless all four kinds are there (then one of each). */
	perSentence: 3,
	/** Candidates of one kind kept per sentence. */
	perKindPerSentence: 2
} as const;

export type ProgressFn = (fraction: number, message: string) => void;
