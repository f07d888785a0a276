/**
 * Quality of the suggestions on the shipped article, measured against the hand-made decks: for every
 * hand-made note of kind date, figure, actor or cause, is there a candidate of that kind from the same
 * source sentence? Plus the rules every candidate must keep (verbatim quote, honest cloze, few per sentence).
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { CANDIDATE_KINDS, type ExtractionResult } from '$lib/domain/authoring/authoring-model';
import { isStopWordsOnly } from '$lib/domain/authoring/cloze-text';
import { extractCandidates } from '$lib/domain/authoring/extract';
import { ARTICLE_PATH, deckFileNames, quoteExcerpts, readDeckJson } from '../../decks/article-decks';
import { hiddenParts, locate, sentencesOf, table, type KindScore } from './source-match';

interface DeckNote {
	id: string;
	tags: string[];
	source: { quote: string };
}

const THRESHOLD: Record<string, number> = { date: 0.85, figure: 0.85, actor: 0.85, cause: 0.6 };

describe('suggestions on the shipped article', () => {
	const text = readFileSync(ARTICLE_PATH, 'utf8');
	let result: ExtractionResult;
	const progress: number[] = [];
	beforeAll(() => {
		result = extractCandidates(text, (f) => progress.push(f));
	});

	it('finds a candidate of the same kind in the source sentence of the hand-made notes', () => {
		const notes = deckFileNames()
			.map((f) => readDeckJson(f) as { notes: DeckNote[] })
			.flatMap((d) => d.notes);
		const scores: KindScore[] = [];
		const misses: string[] = [];
		for (const kind of CANDIDATE_KINDS) {
			const mine = notes.filter((n) => n.tags.includes(kind));
			let found = 0;
			for (const note of mine) {
				const sentences = new Set(
					quoteExcerpts(note.source.quote).flatMap((ex) => {
						const at = locate(text, ex);
						expect(at, `quote of ${note.id} is in the article`).toBeDefined();
						return sentencesOf(result, at!);
					})
				);
				const hit = result.candidates.some((c) => c.kind === kind && sentences.has(c.sentence));
				if (hit) found++;
				else misses.push(`${kind}: ${note.id}`);
			}
			scores.push({ kind, expected: mine.length, found, recall: found / mine.length });
		}
		console.log(
			`Recall on the hand-made notes of decks/*.json, by kind:\n${table(scores.map((s) => ({ ...s, target: THRESHOLD[s.kind]! })))}`
		);
		console.log(`Notes without a candidate from their sentence: ${misses.join(', ')}`);
		for (const s of scores) expect(s.recall, `${s.kind} recall`).toBeGreaterThanOrEqual(THRESHOLD[s.kind]!);
	});

	it('quotes every candidate verbatim from the text, as the whole sentence it points to', () => {
		expect(result.candidates.length).toBeGreaterThan(20);
		for (const c of result.candidates) {
			const s = result.sentences[c.sentence]!;
			expect(text.slice(s.start, s.end)).toBe(c.quote);
			expect(s.heading).toBe(false);
		}
	});

	it('never hides a stop-word alone or the whole sentence, and only words of the sentence', () => {
		const clozes = result.candidates.filter((c) => c.note.kind === 'cloze');
		expect(clozes.length).toBeGreaterThan(10);
		for (const c of clozes) {
			const parts = hiddenParts(c);
			expect(parts.length).toBeGreaterThan(0);
			for (const p of parts) {
				expect(isStopWordsOnly(p), `${c.id} hides "${p}"`).toBe(false);
				expect(c.quote).toContain(p);
			}
			expect(parts.join('').length).toBeLessThan(c.quote.length * 0.85);
			// The cloze is the sentence itself, with the hidden words marked.
			expect(c.note.kind === 'cloze' && c.note.text.replace(/\{\{c\d+::(.*?)\}\}/g, '$1')).toBe(c.quote);
		}
	});

	it('keeps at most 3 candidates per sentence on average (one per kind at most beyond 3)', () => {
		const per = new Map<number, number>();
		for (const c of result.candidates) per.set(c.sentence, (per.get(c.sentence) ?? 0) + 1);
		const counts = [...per.values()];
		const average = counts.reduce((a, b) => a + b, 0) / counts.length;
		console.log(
			`Candidates: ${result.candidates.length} from ${counts.length} sentences, ${average.toFixed(2)} per sentence`
		);
		expect(average).toBeLessThanOrEqual(3);
		expect(Math.max(...counts)).toBeLessThanOrEqual(4);
	});

	it('gives every candidate a unique deck note id, a kind, a score in 0..1, and reports progress', () => {
		const ids = result.candidates.map((c) => c.id);
		expect(new Set(ids).size).toBe(ids.length);
		for (const c of result.candidates) {
			expect(c.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
			expect(c.score).toBeGreaterThanOrEqual(0);
			expect(c.score).toBeLessThanOrEqual(1);
		}
		expect(progress.at(-1)).toBe(1);
		expect(progress.length).toBeGreaterThan(3);
	});
});
