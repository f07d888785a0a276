import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { authoredDeck } from '$lib/domain/authoring/authored-deck';
import { articleFileKind, markdownToText } from '$lib/domain/authoring/article-text';
import { extractCandidates } from '$lib/domain/authoring/extract';
import { validateDeck } from '$lib/domain/deck-format';
import { ARTICLE_PATH } from '../../decks/article-decks';

describe('a deck from accepted candidates', () => {
	it('is a valid Kartka deck with every suggestion of the article, each quoting its sentence', () => {
		const { candidates } = extractCandidates(readFileSync(ARTICLE_PATH, 'utf8'));
		const deck = authoredDeck({
			title: "Belarus's anti-Kremlin tilt",
			candidates,
			nowMs: Date.UTC(2026, 0, 1)
		});
		const result = validateDeck(deck);
		expect(result.ok ? [] : result.errors).toEqual([]);
		expect(deck.id).toMatch(/^authored-belarus-s-anti-kremlin-tilt-[a-z0-9]+$/);
		expect(deck.notes).toHaveLength(candidates.length);
		for (const [i, n] of deck.notes.entries()) {
			expect(n.source.quote).toBe(candidates[i]!.quote);
			expect(n.tags).toEqual([candidates[i]!.kind, 'authored']);
		}
	});

	it('reports an edited card that broke the format instead of writing it', () => {
		const deck = authoredDeck({
			title: 'T',
			candidates: [
				{
					id: 'date-x',
					kind: 'date',
					quote: 'In 1994 it began.',
					note: { kind: 'cloze', text: 'In 1994 it began.' }
				}
			],
			nowMs: 0
		});
		const result = validateDeck(deck);
		expect(result.ok).toBe(false);
	});
});

describe('article files', () => {
	it('reads Markdown as text with headings on their own lines', () => {
		const md =
			'# The Canal\n\nIt opened in **September 1891**, see [the map](http://x).\n\n- Cost: £42,000\n> Quoted `code`';
		expect(markdownToText(md)).toBe(
			'The Canal\n\nIt opened in September 1891, see the map.\n\nCost: £42,000\nQuoted code'
		);
	});

	it('knows .txt, .md and .html files and refuses others', () => {
		expect(['a.txt', 'b.MD', 'c.html', 'd.htm', 'e.pdf'].map(articleFileKind)).toEqual([
			'text',
			'markdown',
			'html',
			'html',
			undefined
		]);
	});
});
