/**
 * Precision and recall of the suggestions on a text written for this test (tests/fixtures/authoring/
 * harwick-canal.txt, 633 words, invented history) against its hand-labelled facts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Candidate, ExtractionResult } from '$lib/domain/authoring/authoring-model';
import { extractCandidates } from '$lib/domain/authoring/extract';
import { table } from './source-match';

const DIR = join(import.meta.dirname, '..', '..', 'fixtures', 'authoring');
const text = readFileSync(join(DIR, 'harwick-canal.txt'), 'utf8');
const expected = JSON.parse(readFileSync(join(DIR, 'harwick-canal.expected.json'), 'utf8')) as {
	date: string[];
	figure: string[];
	actor: Record<string, string[]>;
	cause: string[];
};

/** "In June 1888" and "june 1888" name the same fact. */
function norm(answer: string): string {
	return answer
		.toLowerCase()
		.replace(/^(?:in|on|during|by|between|since|over|about|after|before)\s+/, '')
		.replace(/^the\s+/, '')
		.replace(/\s+/g, ' ')
		.trim();
}

/** What a candidate asks for, as one or more phrases: each cloze deletion, or the basic card's answer. */
function asked(c: Candidate): string[] {
	if (c.note.kind !== 'cloze') return [c.answer];
	return [...c.note.text.matchAll(/\{\{c\d+::(.*?)\}\}/g)].map((m) => m[1]!);
}

function score(found: Set<string>, wanted: Set<string>) {
	const hits = [...found].filter((f) => wanted.has(f)).length;
	const covered = [...wanted].filter((w) => found.has(w)).length;
	return {
		precision: found.size ? hits / found.size : 0,
		recall: wanted.size ? covered / wanted.size : 0,
		extra: [...found].filter((f) => !wanted.has(f)),
		missed: [...wanted].filter((w) => !found.has(w))
	};
}

describe('suggestions on a hand-labelled text', () => {
	let result: ExtractionResult;
	beforeAll(() => {
		result = extractCandidates(text);
	});

	it('is a text of at least 600 words', () => {
		expect(result.words).toBeGreaterThanOrEqual(600);
	});

	it('finds the dates and figures with precision and recall of at least 0.8 (all four kinds printed)', () => {
		const rows: Array<Record<string, string | number>> = [];
		const results: Record<string, ReturnType<typeof score>> = {};
		for (const kind of ['date', 'figure'] as const) {
			const found = new Set(
				result.candidates
					.filter((c) => c.kind === kind)
					.flatMap(asked)
					.map(norm)
			);
			results[kind] = score(found, new Set(expected[kind].map(norm)));
		}
		// Actors: a candidate names an actor by its full or short name.
		const alias = new Map<string, string>();
		for (const [name, shorts] of Object.entries(expected.actor)) {
			for (const n of [name, ...shorts]) alias.set(norm(n), norm(name));
		}
		const actorAnswers = result.candidates
			.filter((c) => c.kind === 'actor')
			.flatMap((c) =>
				c.note.kind === 'cloze' ? asked(c) : [c.note.front.replace(/^(?:Who|What) is |\?$/g, '')]
			)
			.map(norm);
		results.actor = score(
			new Set(actorAnswers.map((a) => alias.get(a) ?? a)),
			new Set(Object.keys(expected.actor).map(norm))
		);
		// Causes: by sentence, a cause candidate from a sentence labelled causal.
		const causal = new Set(
			expected.cause.map((fragment) => {
				const s = result.sentences.find((x) => x.text.includes(fragment));
				expect(s, `labelled cause "${fragment}" is a sentence`).toBeDefined();
				return String(s!.index);
			})
		);
		const causeSentences = new Set(
			result.candidates.filter((c) => c.kind === 'cause').map((c) => String(c.sentence))
		);
		results.cause = score(causeSentences, causal);
		for (const [kind, r] of Object.entries(results)) {
			rows.push({
				kind,
				precision: r.precision,
				recall: r.recall,
				target: kind === 'date' || kind === 'figure' ? '0.8/0.8' : 'printed'
			});
		}
		console.log(`Precision and recall on harwick-canal.txt, by kind:\n${table(rows)}`);
		for (const [kind, r] of Object.entries(results)) {
			console.log(`${kind}: not labelled ${JSON.stringify(r.extra)}; missed ${JSON.stringify(r.missed)}`);
		}
		for (const kind of ['date', 'figure']) {
			expect(results[kind]!.precision, `${kind} precision`).toBeGreaterThanOrEqual(0.8);
			expect(results[kind]!.recall, `${kind} recall`).toBeGreaterThanOrEqual(0.8);
		}
	});

	it('never makes a card from a heading', () => {
		const headings = result.sentences.filter((s) => s.heading).map((s) => s.index);
		expect(headings.length).toBe(5);
		expect(result.candidates.filter((c) => headings.includes(c.sentence))).toEqual([]);
	});
});
