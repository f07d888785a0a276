/** Grades a test's responses and builds its report: score, score by tag, every miss with its source. Pure. */
import { gradeAnswers } from './lenient-grading';
import type { GeneratedTest, Question, Response, SourceRef } from './test-model';
import { emptyResponse } from './test-model';

interface ItemResult {
	source: SourceRef;
	correct: boolean;
	/** What the student gave and what was right, in words. */
	given: string;
	expected: string;
	/** A typed answer accepted with a typo: the report shows the exact spelling. */
	acceptedNotExact?: boolean;
}

interface QuestionResult {
	questionId: string;
	/** 0..1: matching and ordering give partial credit. */
	score: number;
	correct: boolean;
	items: ItemResult[];
}

export interface TagScore {
	tag: string;
	correct: number;
	total: number;
}

export interface TestReport {
	/** 0..1 */
	score: number;
	questionCount: number;
	/** Sum of question scores (a matching question half right counts 0.5). */
	points: number;
	byTag: TagScore[];
	byQuestion: QuestionResult[];
	missed: ItemResult[];
	missedCardIds: string[];
}

const NO_ANSWER = '(no answer)';

function gradeQuestion(q: Question, r: Response): QuestionResult {
	const items: ItemResult[] = [];
	const one = (correct: boolean, given: string, expected: string, extra: Partial<ItemResult> = {}) =>
		items.push({ source: q.sources[0]!, correct, given, expected, ...extra });
	if (q.format === 'choice' && r.format === 'choice') {
		one(
			r.choice === q.correct,
			r.choice === null ? NO_ANSWER : (q.options[r.choice] ?? NO_ANSWER),
			q.options[q.correct]!
		);
	} else if (q.format === 'typed' && r.format === 'typed') {
		const g = gradeAnswers(r.text, q.answerParts, { acceptSurname: q.acceptSurname });
		one(
			g.correct,
			r.text.trim() || NO_ANSWER,
			q.answerParts.join(', '),
			g.correct && !g.exact ? { acceptedNotExact: true } : {}
		);
	} else if (q.format === 'true-false' && r.format === 'true-false') {
		const word = (v: boolean | null) => (v === null ? NO_ANSWER : v ? 'True' : 'False');
		const expected = q.isTrue ? 'True' : `False — the answer is ${q.sources[0]!.answer}`;
		one(r.value === q.isTrue, word(r.value), expected);
	} else if (q.format === 'matching' && r.format === 'matching') {
		q.left.forEach((_, i) => {
			const pick = r.picks[i] ?? null;
			items.push({
				source: q.sources[i]!,
				correct: pick === q.correct[i],
				given: pick === null ? NO_ANSWER : q.right[pick]!,
				expected: q.right[q.correct[i]!]!
			});
		});
	} else if (q.format === 'ordering' && r.format === 'ordering') {
		q.items.forEach((_, i) => {
			const at = r.order.indexOf(i);
			const want = q.correctOrder.indexOf(i);
			items.push({
				source: q.sources[i]!,
				correct: at === want,
				given: at === -1 ? NO_ANSWER : `position ${at + 1}`,
				expected: `position ${want + 1} (${q.dates[i]})`
			});
		});
	} else {
		return gradeQuestion(q, emptyResponse(q));
	}
	const score = items.filter((i) => i.correct).length / items.length;
	return { questionId: q.id, score, correct: score === 1, items };
}

export function buildReport(test: GeneratedTest, responses: readonly (Response | undefined)[]): TestReport {
	const byQuestion = test.questions.map((q, i) => gradeQuestion(q, responses[i] ?? emptyResponse(q)));
	const tags = new Map<string, TagScore>();
	for (const item of byQuestion.flatMap((r) => r.items)) {
		for (const tag of item.source.tags) {
			const t = tags.get(tag) ?? { tag, correct: 0, total: 0 };
			t.total++;
			if (item.correct) t.correct++;
			tags.set(tag, t);
		}
	}
	const points = byQuestion.reduce((sum, r) => sum + r.score, 0);
	const missed = byQuestion.flatMap((r) => r.items.filter((i) => !i.correct));
	return {
		score: byQuestion.length ? points / byQuestion.length : 0,
		questionCount: byQuestion.length,
		points,
		byTag: [...tags.values()].sort((a, b) => b.total - a.total || a.tag.localeCompare(b.tag)),
		byQuestion,
		missed,
		missedCardIds: [...new Set(missed.map((m) => m.source.cardId))]
	};
}
