import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderCloze, parseCloze } from '../../src/lib/domain/cloze';
import {
	cardOrdinals,
	formatDeckErrors,
	validateDeck,
	type DeckFile,
	type DeckNote
} from '../../src/lib/domain/deck-format';
import {
	ARTICLE_FILE,
	ARTICLE_PATH,
	DECK_KIND,
	deckFileNames,
	factTokens,
	FREE_TAGS,
	KIND_TAGS,
	normalize,
	quoteExcerpts,
	readDeckJson
} from './article-decks';

const article = normalize(readFileSync(ARTICLE_PATH, 'utf8'));
const articleTokens = new Set(factTokens(article));
const files = deckFileNames();
const decks: DeckFile[] = files.flatMap((name) => {
	const result = validateDeck(readDeckJson(name));
	return result.ok ? [result.deck] : [];
});
const articleDecks = decks.filter((d) => d.source.file === ARTICLE_FILE);
/** [deck id, note id, note]: test names show the first two. */
const notes: [string, string, DeckNote][] = articleDecks.flatMap((d) =>
	d.notes.map((n): [string, string, DeckNote] => [d.id, n.id, n])
);

/** Every text a card shows as question or answer. */
function shownTexts(note: DeckNote): string[] {
	if (note.kind !== 'cloze') return [note.front, note.back];
	const hints = parseCloze(note.text).deletions.flatMap((d) => (d.hint ? [d.hint] : []));
	return [renderCloze(note.text, 0, 'back'), ...hints, ...(note.extra ? [note.extra] : [])];
}

describe('deck files in decks/', () => {
	it.each(files)('%s validates against the deck schema', (name) => {
		const result = validateDeck(readDeckJson(name));
		expect(result.ok ? '' : formatDeckErrors(result.errors)).toBe('');
	});

	it('have unique deck ids, each equal to its file name', () => {
		expect(decks.map((d) => `${d.id}.json`)).toEqual(files);
	});

	it('include the six article decks, each on one kind of fact', () => {
		expect(articleDecks.map((d) => d.id).sort()).toEqual(Object.keys(DECK_KIND).sort());
	});
});

describe('article decks: true to the text', () => {
	it.each(notes)('%s/%s quotes the article verbatim', (_deck, _id, note) => {
		expect(note.source?.quote, 'every article note needs source.quote').toBeTruthy();
		for (const excerpt of quoteExcerpts(note.source?.quote ?? '')) {
			expect(article.includes(excerpt), `not in the article: "${excerpt}"`).toBe(true);
		}
	});

	it.each(notes)(
		'%s/%s has every number and date of its cards in its quote or explanation',
		(_deck, _id, note) => {
			const known = new Set([...factTokens(note.source?.quote ?? ''), ...factTokens(note.explanation ?? '')]);
			const cardTokens = shownTexts(note).flatMap(factTokens);
			expect(cardTokens.filter((t) => !known.has(t))).toEqual([]);
			expect(factTokens(note.explanation ?? '').filter((t) => !articleTokens.has(t))).toEqual([]);
		}
	);
});

describe('article decks: tags', () => {
	it.each(notes)('%s/%s is tagged with its deck kind and known tags only', (deck, _id, note) => {
		expect(note.tags).toContain(DECK_KIND[deck]);
		const allowed: string[] = [...KIND_TAGS, ...FREE_TAGS];
		expect(note.tags.filter((t) => !allowed.includes(t))).toEqual([]);
	});
});

describe('article decks: well-formed questions', () => {
	it.each(notes)('%s/%s asks no yes/no question and does not give its answer away', (_deck, _id, note) => {
		if (note.kind === 'cloze') {
			for (const n of cardOrdinals(note)) {
				const front = normalize(renderCloze(note.text, n, 'front')).toLowerCase();
				for (const d of parseCloze(note.text).deletions.filter((d) => d.n === n)) {
					expect(front.includes(d.answer.toLowerCase()), `c${n} shows its answer "${d.answer}"`).toBe(false);
				}
			}
			return;
		}
		const sides = note.kind === 'reversible' ? [note.front, note.back] : [note.front];
		for (const question of sides) {
			expect(question).not.toMatch(
				/^(is|are|was|were|do|does|did|has|have|had|can|could|will|would|should)\b/i
			);
		}
		const answer = normalize(note.back).toLowerCase().replace(/\.$/, '');
		// A timeline card ("Which came first: X, or Y?") shows both events by design: its answer must
		// name one of them, and only one.
		const ordering = /^Which came first: (.+), or (.+)\?$/.exec(note.front);
		if (ordering) {
			const words = (s: string) => new Set(s.toLowerCase().match(/[a-z0-9]+/g) ?? []);
			const [first, second] = [words(ordering[1]!), words(ordering[2]!)];
			const named = [...words(answer)].filter((w) => first.has(w) !== second.has(w));
			expect(named.length, 'the answer names one of the two events').toBeGreaterThan(0);
			expect(
				named.every((w) => first.has(w)) || named.every((w) => second.has(w)),
				'the answer names only one of the two events'
			).toBe(true);
		} else
			expect(normalize(note.front).toLowerCase().includes(answer), 'the question contains its answer').toBe(
				false
			);
		if (note.kind === 'basic') expect(note.front).toMatch(/\?$/);
		else expect(note.back.toLowerCase()).not.toContain(note.front.toLowerCase());
	});
});

describe('note ids', () => {
	const ids = notes.map(([deck, id]) => `${deck}/${id}`);

	it('are unique across all article decks', () => {
		const bare = notes.map(([, id]) => id);
		expect(bare.filter((id, i) => bare.indexOf(id) !== i)).toEqual([]);
	});

	// Update on purpose only (-u), and give the reason in docs/deck-notes.md: a retired id goes in its
	// "Retired note ids" table (card-rules.test.ts checks it is never reused). The issue-16 review kept
	// 109 ids, retired 8 (a-putin, c-pivot-vs-opinion, m-argument-chain, t-1..t-5) and added 5.
	it('are pinned: a changed or removed id resets students’ progress, so update the snapshot only on purpose (-u)', async () => {
		await expect(`${JSON.stringify(ids, null, '\t')}\n`).toMatchFileSnapshot('./note-ids.snapshot.json');
	});

	it('keep every pinned id (renaming one is a removal)', () => {
		const pinned = JSON.parse(
			readFileSync(join(import.meta.dirname, 'note-ids.snapshot.json'), 'utf8')
		) as string[];
		expect(pinned.filter((id) => !ids.includes(id))).toEqual([]);
	});
});
