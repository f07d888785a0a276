// Tests generated from the article decks: reproducible from a seed, mixed formats, each question
// consistent with its cards; and the report built from responses.
import { describe, expect, it } from 'vitest';
import { analyze } from '$lib/domain/exam/answer-tokens';
import { sameAnswer } from '$lib/domain/exam/distractors';
import { buildReport } from '$lib/domain/exam/test-grading';
import { generateTest, tidyOption } from '$lib/domain/exam/test-generator';
import { dateSpan } from '$lib/domain/exam/test-groups';
import type { Question, Response } from '$lib/domain/exam/test-model';
import { articleDecks } from './article-decks';

const decks = articleDecks();
const all = decks.flatMap((d) => d.facts);
const byId = (id: string) => decks.find((d) => d.deck.id === id)!;

function rightResponse(q: Question): Response {
	switch (q.format) {
		case 'choice':
			return { format: 'choice', choice: q.correct };
		case 'typed':
			return { format: 'typed', text: q.answerParts.join(', ') };
		case 'true-false':
			return { format: 'true-false', value: q.isTrue };
		case 'matching':
			return { format: 'matching', picks: [...q.correct] };
		case 'ordering':
			return { format: 'ordering', order: [...q.correctOrder] };
	}
}

describe('test generator', () => {
	it('gives the same test for the same seed, and another for another seed', () => {
		const { facts } = byId('belarus-tilt-dates');
		const a = generateTest(facts, all, { seed: 'exam-1', count: 10 });
		const b = generateTest([...facts].reverse(), all, { seed: 'exam-1', count: 10 });
		const c = generateTest(facts, all, { seed: 'exam-2', count: 10 });
		expect(b).toEqual(a);
		expect(c.questions).not.toEqual(a.questions);
	});

	it('mixes all five formats in a 10-question test from the dates deck', () => {
		const { facts } = byId('belarus-tilt-dates');
		for (const seed of ['s1', 's2', 's3', 's4']) {
			const test = generateTest(facts, all, { seed, count: 10 });
			expect(test.questions).toHaveLength(10);
			expect(new Set(test.questions.map((q) => q.format))).toEqual(
				new Set(['choice', 'typed', 'true-false', 'matching', 'ordering'])
			);
		}
	});

	for (const { deck, facts } of decks) {
		it(`builds consistent questions from ${deck.id}`, () => {
			for (let s = 0; s < 12; s++) {
				const test = generateTest(facts, all, { seed: `${deck.id}-${s}`, count: 10 });
				expect(test.questions.length).toBeGreaterThanOrEqual(
					Math.min(10, new Set(facts.map((f) => f.noteId)).size - 4)
				);
				const notes = test.questions.flatMap((q) => q.sources.map((src) => src.cardId.split('#')[0]));
				expect(new Set(notes).size, 'one card per note in a test').toBe(notes.length);
				for (const q of test.questions) {
					const cards = q.sources.map((src) => all.find((f) => f.cardId === src.cardId)!);
					if (q.format === 'choice') {
						expect(q.options).toHaveLength(4);
						expect(q.options[q.correct]).toBe(tidyOption(cards[0]!.answer));
						q.options.forEach(
							(o, i) => i !== q.correct && expect(sameAnswer(o, cards[0]!.answer)).toBe(false)
						);
					} else if (q.format === 'true-false') {
						expect(sameAnswer(q.proposed, cards[0]!.answer)).toBe(q.isTrue);
					} else if (q.format === 'matching') {
						expect(q.left).toHaveLength(4);
						q.left.forEach((_, i) => expect(q.right[q.correct[i]!]).toBe(cards[i]!.answer));
					} else if (q.format === 'ordering') {
						const spans = q.correctOrder.map((i) => {
							const a = analyze(q.dates[i]!);
							return dateSpan(a.values[0]!, a.words)!;
						});
						for (let k = 1; k < spans.length; k++) expect(spans[k - 1]![1]).toBeLessThan(spans[k]![0]);
					} else {
						expect(q.answerParts).toEqual(cards[0]!.answerParts);
					}
				}
				const perfect = buildReport(test, test.questions.map(rightResponse));
				expect(perfect.score).toBe(1);
				expect(perfect.missed).toEqual([]);
			}
		});
	}

	it('reports the score by tag and by question, and every miss with its answer and source quote', () => {
		const { facts } = byId('belarus-tilt-figures');
		const test = generateTest(facts, all, { seed: 'report', count: 10 });
		const responses = test.questions.map((q, i) => (i % 2 === 0 ? rightResponse(q) : undefined));
		const report = buildReport(test, responses);
		expect(report.byQuestion.map((r) => r.correct)).toEqual(test.questions.map((_, i) => i % 2 === 0));
		expect(report.score).toBeCloseTo(0.5, 5);
		expect(report.byTag.find((t) => t.tag === 'figure')!.total).toBeGreaterThanOrEqual(10);
		expect(report.missed.length).toBeGreaterThanOrEqual(5);
		for (const miss of report.missed) {
			expect(miss.given).toBe('(no answer)');
			expect(miss.expected).not.toBe('');
			expect(miss.source.sourceQuote).toBeTruthy();
		}
		expect(report.missedCardIds.length).toBe(new Set(report.missed.map((m) => m.source.cardId)).size);
	});
});
