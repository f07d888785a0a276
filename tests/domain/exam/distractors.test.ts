// Multiple-choice distractors over every card of the article decks: same kind as the answer, unique,
// never the answer (not even leniently).
import { describe, expect, it } from 'vitest';
import { analyze } from '$lib/domain/exam/answer-tokens';
import { answerKind, isValueKind } from '$lib/domain/exam/answer-shape';
import { distractorsFor, sameAnswer } from '$lib/domain/exam/distractors';
import { createRng } from '$lib/domain/exam/prng';
import { articleDecks } from './article-decks';

const decks = articleDecks();
const SEEDS = ['a', 'b', 'c'];
const choiceShare: number[] = [];

/** Independent check of "the same kind": values of the same type and unit; text of the same category. */
function sameKindByValue(answer: string, distractor: string): boolean {
	const [a, d] = [analyze(answer).values[0], analyze(distractor).values[0]];
	if (!a || !d) return false;
	if (a.type !== d.type) return false;
	if (a.type === 'number' && d.type === 'number') return a.unit === d.unit;
	if (a.type === 'date' && d.type === 'date')
		return (
			(a.m === undefined) === (d.m === undefined) &&
			(a.d === undefined) === (d.d === undefined) &&
			(a.y === undefined) === (d.y === undefined)
		);
	return true;
}

describe('distractors', () => {
	it('reads the six article decks', () => {
		expect(decks.length).toBeGreaterThanOrEqual(6);
		expect(decks.reduce((n, d) => n + d.facts.length, 0)).toBeGreaterThan(100);
	});

	for (const { deck, facts } of decks) {
		it(`are of the same kind, unique and never the answer for every card of ${deck.id}`, () => {
			const byCard = new Map(facts.map((f) => [f.cardId, f]));
			let withChoice = 0;
			for (const fact of facts) {
				for (const seed of SEEDS) {
					const options = distractorsFor(fact, facts, createRng(`${seed}:${fact.cardId}`), 3);
					if (options.length === 3) withChoice++;
					for (const d of options) {
						// Same kind, computed again from the distractor's own card (or text, for a varied value).
						const source = d.sourceCardId ? byCard.get(d.sourceCardId)! : null;
						expect(
							source ? source.kind : answerKind(d.text, fact.category),
							`${fact.cardId}: ${d.text}`
						).toBe(fact.kind);
						if (isValueKind(fact.kind))
							expect(sameKindByValue(fact.answer, d.text), `${fact.answer} vs ${d.text}`).toBe(true);
						if (!source) expect(isValueKind(fact.kind), 'only dates and figures are varied').toBe(true);
						else expect(source.noteId).not.toBe(fact.noteId);
						expect(sameAnswer(d.text, fact.answer), `${fact.answer} = ${d.text}`).toBe(false);
					}
					for (let i = 0; i < options.length; i++)
						for (let j = i + 1; j < options.length; j++)
							expect(sameAnswer(options[i]!.text, options[j]!.text)).toBe(false);
				}
			}
			// Many cards can be asked as multiple choice (the others get other formats).
			expect(withChoice / (facts.length * SEEDS.length)).toBeGreaterThan(0.3);
			choiceShare.push(withChoice / (facts.length * SEEDS.length));
		});
	}

	it('offers multiple choice for most cards of the article', () => {
		expect(choiceShare.reduce((a, b) => a + b, 0) / choiceShare.length).toBeGreaterThan(0.6);
	});

	it('keeps actors with actors and causes with causes', () => {
		const all = decks.flatMap((d) => d.facts);
		const actor = all.find((f) => f.kind === 'actor:name')!;
		const cause = all.find((f) => f.kind === 'cause:sentence')!;
		for (const d of distractorsFor(actor, all, createRng(1)))
			expect(all.find((f) => f.cardId === d.sourceCardId)?.category).toBe('actor');
		for (const d of distractorsFor(cause, all, createRng(1)))
			expect(all.find((f) => f.cardId === d.sourceCardId)?.category).toBe('cause');
	});

	it('varies dates and figures in the answer’s own format when the deck has too few', () => {
		const all = decks.flatMap((d) => d.facts);
		const money = all.find((f) => f.answer === '$15.7 billion')!;
		const options = distractorsFor(money, all, createRng('money'));
		expect(options).toHaveLength(3);
		for (const d of options) expect(d.text).toMatch(/^\$\d+(\.\d)? billion$/);
		const monthYear = all.find((f) => f.answer === 'May 2015')!;
		for (const d of distractorsFor(monthYear, all, createRng('my')))
			expect(d.text).toMatch(/^[A-Z][a-z]+ \d{4}$/);
	});
});
