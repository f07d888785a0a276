/**
 * Scores (specificity), near-duplicate merging and the per-sentence cap: what turns many drafts into a
 * short list an instructor can review in minutes.
 */
import { AUTHORING_LIMITS, CANDIDATE_KINDS, type Candidate } from './authoring-model';
import type { Draft } from './sentence-candidates';

export interface SentenceDrafts {
	sentence: number;
	quote: string;
	drafts: Draft[];
	entities: number;
}

function words(text: string): string[] {
	return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** In how many sentences each word appears. */
export function documentFrequency(sentences: string[]): Map<string, number> {
	const df = new Map<string, number>();
	for (const s of sentences) for (const w of new Set(words(s))) df.set(w, (df.get(w) ?? 0) + 1);
	return df;
}

/** 0..1: 1 when the answer's words appear in one sentence only, lower the more common they are. */
function rarity(answer: string, df: Map<string, number>, n: number): number {
	const ws = words(answer).filter((w) => w.length > 2);
	if (ws.length === 0 || n < 2) return 0.5;
	const idf = ws.map((w) => Math.log(n / (df.get(w) ?? 1)) / Math.log(n));
	return idf.reduce((a, b) => a + b, 0) / idf.length;
}

function cardText(c: Pick<Candidate, 'note'>): string {
	return c.note.kind === 'cloze' ? c.note.text : `${c.note.front} ${c.note.back}`;
}

function jaccard(a: Set<string>, b: Set<string>): number {
	let both = 0;
	for (const w of a) if (b.has(w)) both++;
	return both / (a.size + b.size - both || 1);
}

function slug(text: string): string {
	const s = text
		.normalize('NFKD')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 40)
		.replace(/-+$/, '');
	return s || 'card';
}

/** Near-duplicates: same kind, same answer, and (almost) the same card text. Keeps the better one. */
function mergeNearDuplicates(cands: Candidate[]): Candidate[] {
	const kept: Array<{ c: Candidate; ws: Set<string> }> = [];
	for (const c of [...cands].sort((a, b) => b.score - a.score)) {
		const ws = new Set(words(cardText(c)));
		const dup = kept.some(
			(k) =>
				k.c.kind === c.kind &&
				k.c.note.kind === c.note.kind &&
				k.c.answer.toLowerCase() === c.answer.toLowerCase() &&
				jaccard(k.ws, ws) >= 0.8
		);
		if (!dup) kept.push({ c, ws });
	}
	return kept.map((k) => k.c);
}

/** Best of each kind first, then the next best, up to the cap (one of each kind may exceed it). */
function capPerSentence(cands: Candidate[]): Candidate[] {
	const sorted = [...cands].sort((a, b) => b.score - a.score);
	const picked: Candidate[] = [];
	for (const kind of CANDIDATE_KINDS) {
		const best = sorted.find((c) => c.kind === kind);
		if (best) picked.push(best);
	}
	for (const c of sorted) {
		if (picked.length >= AUTHORING_LIMITS.perSentence) break;
		if (picked.includes(c)) continue;
		if (picked.filter((p) => p.kind === c.kind).length >= AUTHORING_LIMITS.perKindPerSentence) continue;
		picked.push(c);
	}
	return picked;
}

export function rankCandidates(perSentence: SentenceDrafts[], allSentences: string[]): Candidate[] {
	const df = documentFrequency(allSentences);
	const n = allSentences.length;
	const scored: Candidate[] = [];
	for (const s of perSentence) {
		const density = Math.min(1, s.entities / 4);
		for (const d of s.drafts) {
			const score = 0.5 * d.weight + 0.3 * rarity(d.answer, df, n) + 0.2 * density;
			scored.push({
				id: '',
				kind: d.kind,
				note: d.note,
				answer: d.answer,
				quote: s.quote,
				sentence: s.sentence,
				score: Math.round(score * 1000) / 1000
			});
		}
	}
	const merged = mergeNearDuplicates(scored);
	const bySentence = new Map<number, Candidate[]>();
	for (const c of merged) bySentence.set(c.sentence, [...(bySentence.get(c.sentence) ?? []), c]);
	const capped = [...bySentence.values()].flatMap(capPerSentence);
	capped.sort(
		(a, b) =>
			CANDIDATE_KINDS.indexOf(a.kind) - CANDIDATE_KINDS.indexOf(b.kind) ||
			b.score - a.score ||
			a.sentence - b.sentence
	);
	const used = new Set<string>();
	for (const c of capped) {
		const base = `${c.kind}-${slug(c.answer)}`;
		let id = base;
		for (let k = 2; used.has(id); k++) id = `${base}-${k}`;
		used.add(id);
		c.id = id;
	}
	return capped;
}
