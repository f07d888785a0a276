/** A practice test: its questions (plain data, so a test can be saved and replayed) and the student's responses. */

export type QuestionFormat = 'choice' | 'typed' | 'true-false' | 'matching' | 'ordering';
export const QUESTION_FORMATS: readonly QuestionFormat[] = [
	'choice',
	'typed',
	'true-false',
	'matching',
	'ordering'
];

export const FORMAT_NAMES: Record<QuestionFormat, string> = {
	choice: 'Multiple choice',
	typed: 'Typed answer',
	'true-false': 'True or false',
	matching: 'Matching',
	ordering: 'Ordering'
};

/** A card a question is built from, with what the report shows when it is missed. */
export interface SourceRef {
	cardId: string;
	prompt: string;
	answer: string;
	tags: string[];
	sourceQuote?: string;
}

interface QuestionBase {
	/** "q1", "q2"... in the order asked. */
	id: string;
	sources: SourceRef[];
}

export interface ChoiceQuestion extends QuestionBase {
	format: 'choice';
	prompt: string;
	options: string[];
	correct: number;
}

export interface TypedQuestion extends QuestionBase {
	format: 'typed';
	prompt: string;
	answerParts: string[];
	acceptSurname: boolean;
}

export interface TrueFalseQuestion extends QuestionBase {
	format: 'true-false';
	/** The question with the proposed answer (or a cloze filled in with it). */
	statement: string;
	/** Shown apart from the statement for question-and-answer cards; null for a filled-in cloze. */
	prompt: string | null;
	proposed: string;
	isTrue: boolean;
}

export interface MatchingQuestion extends QuestionBase {
	format: 'matching';
	instruction: string;
	left: string[];
	right: string[];
	/** `correct[i]` is the index in `right` that matches `left[i]`. */
	correct: number[];
}

export interface OrderingQuestion extends QuestionBase {
	format: 'ordering';
	instruction: string;
	/** Items in the order first shown (shuffled); `sources[i]` belongs to `items[i]`. */
	items: string[];
	/** The date of each item, for the report. */
	dates: string[];
	/** Item indices in date order, earliest first. */
	correctOrder: number[];
}

export type Question =
	ChoiceQuestion | TypedQuestion | TrueFalseQuestion | MatchingQuestion | OrderingQuestion;

export type Response =
	| { format: 'choice'; choice: number | null }
	| { format: 'typed'; text: string }
	| { format: 'true-false'; value: boolean | null }
	| { format: 'matching'; picks: (number | null)[] }
	| { format: 'ordering'; order: number[] };

export interface GeneratedTest {
	seed: string;
	questions: Question[];
	/** How many were asked for; fewer when the filter leaves too few cards. */
	requested: number;
}

/** A response with nothing answered yet. */
export function emptyResponse(q: Question): Response {
	switch (q.format) {
		case 'choice':
			return { format: 'choice', choice: null };
		case 'typed':
			return { format: 'typed', text: '' };
		case 'true-false':
			return { format: 'true-false', value: null };
		case 'matching':
			return { format: 'matching', picks: q.left.map(() => null) };
		case 'ordering':
			return { format: 'ordering', order: q.items.map((_, i) => i) };
	}
}

export function isAnswered(r: Response): boolean {
	switch (r.format) {
		case 'choice':
			return r.choice !== null;
		case 'typed':
			return r.text.trim() !== '';
		case 'true-false':
			return r.value !== null;
		case 'matching':
			return r.picks.every((p) => p !== null);
		case 'ordering':
			return true;
	}
}
