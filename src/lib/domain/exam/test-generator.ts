/**
 * Builds a test of N questions in mixed formats from a deck's own cards, reproducibly from a seed: the
 * same facts, options and seed always give the same test. Pure.
 */
import { distractorsFor } from './distractors';
import { statementOf, type Fact } from './facts';
import { createRng, type Rng } from './prng';
import { datedItem, pickMatchingFacts, pickOrderingItems } from './test-groups';
import type { GeneratedTest, Question, QuestionFormat, SourceRef } from './test-model';
import { QUESTION_FORMATS } from './test-model';
import { looksLikeName } from './answer-shape';

export interface TestOptions {
	seed: string;
	count: number;
	formats?: readonly QuestionFormat[];
}

type Single = Exclude<QuestionFormat, 'matching' | 'ordering'>;
/** A question before it gets its id (Omit distributed over the union). */
type Draft = Question extends infer Q ? (Q extends Question ? Omit<Q, 'id'> : never) : never;

const TYPED_MAX_CHARS = 40;
/** Longer free text cannot fairly be typed from memory word for word. */
const TYPED_MAX_WORDS = 3;
const VALUE_SHAPES = new Set([
	'year',
	'decade',
	'month-year',
	'day-date',
	'month-day',
	'percent',
	'money',
	'number',
	'name'
]);

function sourceOf(f: Fact): SourceRef {
	return {
		cardId: f.cardId,
		prompt: f.prompt,
		answer: f.answer,
		tags: f.tags,
		...(f.sourceQuote ? { sourceQuote: f.sourceQuote } : {})
	};
}

function typedOk(f: Fact): boolean {
	const words = (p: string) => p.replace(/^(the|a|an)\s+/i, '').split(/\s+/).length;
	return (
		f.answerParts.length <= 3 &&
		f.answer.length <= TYPED_MAX_CHARS &&
		(VALUE_SHAPES.has(f.shape) || f.answerParts.every((p) => words(p) <= TYPED_MAX_WORDS))
	);
}

/** Options are list items: no full stop at the end, whichever card they come from. */
export function tidyOption(text: string): string {
	return text.replace(/(?<!\.\.)\.$/, '').trim();
}

function single(format: Single, f: Fact, pool: readonly Fact[], rng: Rng): Draft | null {
	if (format === 'typed') {
		if (!typedOk(f)) return null;
		const acceptSurname = f.category === 'actor' && looksLikeName(f.answer);
		return { format, prompt: f.prompt, answerParts: f.answerParts, acceptSurname, sources: [sourceOf(f)] };
	}
	if (f.answerParts.length !== 1) return null;
	if (format === 'choice') {
		const wrong = distractorsFor(f, pool, rng, 3);
		if (wrong.length < 3) return null;
		const options = rng.shuffle([f.answer, ...wrong.map((d) => d.text)]);
		const correct = options.indexOf(f.answer);
		return { format, prompt: f.prompt, options: options.map(tidyOption), correct, sources: [sourceOf(f)] };
	}
	const isTrue = rng.next() < 0.5;
	const wrong = isTrue ? null : distractorsFor(f, pool, rng, 1)[0];
	if (!isTrue && !wrong) return null;
	const proposed = isTrue ? f.answer : wrong!.text;
	return {
		format,
		statement: statementOf(f, proposed),
		prompt: f.template ? null : f.prompt,
		proposed,
		isTrue,
		sources: [sourceOf(f)]
	};
}

function matching(facts: Fact[], rng: Rng): Draft {
	const names = facts.every((f) => looksLikeName(f.prompt));
	const right = rng.shuffle(facts.map((f) => f.answer));
	return {
		format: 'matching',
		instruction: names
			? 'Match each name to what the text says about them.'
			: 'Match each question to its answer.',
		left: facts.map((f) => f.prompt),
		right,
		correct: facts.map((f) => right.indexOf(f.answer)),
		sources: facts.map(sourceOf)
	};
}

/**
 * The test for `facts` (the cards chosen by the filter); `pool` (usually the whole deck) supplies
 * distractors. Matching and ordering questions each use four cards and count as one question.
 */
export function generateTest(
	facts: readonly Fact[],
	pool: readonly Fact[],
	options: TestOptions
): GeneratedTest {
	// Whatever order the cards were read in, one seed gives one test.
	const byId = (a: Fact, b: Fact) => (a.cardId < b.cardId ? -1 : a.cardId > b.cardId ? 1 : 0);
	facts = [...facts].sort(byId);
	pool = [...pool].sort(byId);
	const rng = createRng(options.seed);
	const formats = new Set(options.formats?.length ? options.formats : QUESTION_FORMATS);
	const count = Math.max(1, Math.floor(options.count));
	/** Notes already asked about: one card per note, so one question never gives away another. */
	const used = new Set<string>();
	const drafts: Draft[] = [];
	const groupsEach = count >= 5 ? Math.max(1, Math.round(count / 10)) : 0;
	const shuffled = rng.shuffle(facts);

	if (formats.has('ordering')) {
		const dated = shuffled.map(datedItem).filter((d) => d !== null);
		for (let i = 0; i < groupsEach; i++) {
			const items = pickOrderingItems(dated, rng, used);
			if (!items) break;
			items.forEach((it) => used.add(it.fact.noteId));
			const correctOrder = items.map((_, k) => k).sort((a, b) => items[a]!.span[0] - items[b]!.span[0]);
			drafts.push({
				format: 'ordering',
				instruction: 'Put these events in date order, earliest first.',
				items: items.map((it) => it.label),
				dates: items.map((it) => it.date),
				correctOrder,
				sources: items.map((it) => sourceOf(it.fact))
			});
		}
	}
	if (formats.has('matching')) {
		for (let i = 0; i < groupsEach; i++) {
			const group = pickMatchingFacts(shuffled, rng, used);
			if (!group) break;
			group.forEach((f) => used.add(f.noteId));
			drafts.push(matching(group, rng));
		}
	}
	// Single-card formats stay balanced: each card gets the least used format it can be asked in.
	const singles = rng.shuffle((['choice', 'typed', 'true-false'] as const).filter((f) => formats.has(f)));
	const formatCount = new Map<Single, number>(singles.map((f) => [f, 0]));
	for (const fact of shuffled) {
		if (drafts.length >= count || singles.length === 0) break;
		if (used.has(fact.noteId)) continue;
		const order = [...singles].sort(
			(a, b) => formatCount.get(a)! - formatCount.get(b)! || singles.indexOf(a) - singles.indexOf(b)
		);
		for (const format of order) {
			const draft = single(format, fact, pool, rng);
			if (draft) {
				drafts.push(draft);
				used.add(fact.noteId);
				formatCount.set(format, formatCount.get(format)! + 1);
				break;
			}
		}
	}
	const questions = rng.shuffle(drafts).map((d, i) => ({ ...d, id: `q${i + 1}` }) as Question);
	return { seed: options.seed, questions, requested: count };
}
