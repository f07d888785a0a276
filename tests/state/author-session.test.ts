// The "New deck from text" screen's state with the real extraction (in place of the worker) and a fake
// database: suggestions grouped by kind, choices and edits kept across a reload, a deck made on "Create".
import { afterEach, describe, expect, it } from 'vitest';
import type { KartkaDB } from '$lib/db/db';
import { extractCandidates } from '$lib/domain/authoring/extract';
import { KartkaError } from '$lib/domain/errors';
import { AuthorSession, cardText } from '$lib/state/author-session.svelte';
import { freshDb } from '../helpers/db';

let db: KartkaDB;
afterEach(() => db?.close());
const clock = () => Date.UTC(2026, 10, 28, 12);
const ready = () => Promise.resolve();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const TEXT =
	'The Harwick Canal opened in September 1891. It carried 180,000 tonnes of coal in its first year, ' +
	'because the railway had doubled its charges. Margaret Olsen designed its nine locks.';

const extract = async (text: string, options: { onProgress?: (f: number, s: string) => void } = {}) => ({
	result: extractCandidates(text, options.onProgress),
	elapsedMs: 1
});

describe('author session', () => {
	it('suggests cards by kind, keeps choices and edits across a reload, and creates the deck', async () => {
		db = freshDb();
		const session = new AuthorSession(db, { extract, clock, ready });
		await session.load();
		expect(session.phase).toBe('editing');
		session.setTitle('Harwick');
		session.setText(TEXT);
		await session.suggest();
		expect(session.phase).toBe('review');
		const kinds = Object.fromEntries(session.groups.map((g) => [g.kind, g.items.length]));
		expect(kinds.date).toBeGreaterThan(0);
		expect(kinds.figure).toBeGreaterThan(0);
		expect(kinds.cause).toBeGreaterThan(0);
		session.selectKind('figure', true);
		const date = session.groups.find((g) => g.kind === 'date')!.items[0]!;
		session.toggle(date.candidate.id, true);
		session.edit(date.candidate.id, { kind: 'cloze', text: 'The canal opened in {{c1::September 1891}}.' });
		await sleep(600); // the draft is saved shortly after the last change

		const again = new AuthorSession(db, { extract, clock, ready });
		await again.load();
		expect(again.phase).toBe('review');
		expect(again.title).toBe('Harwick');
		expect(again.selectedCount).toBe(session.selectedCount);
		const restored = again.items.find((i) => i.candidate.id === date.candidate.id)!;
		expect(cardText(restored.note)).toBe('The canal opened in [September 1891].');

		const deckId = await again.createDeck();
		expect(deckId).toMatch(/^authored-harwick-/);
		const notes = await db.notes.where('deckId').equals(deckId!).toArray();
		expect(notes).toHaveLength(again.selectedCount);
		expect(notes.find((n) => n.key === date.candidate.id)?.fields.text).toBe(
			'The canal opened in {{c1::September 1891}}.'
		);
		const fresh = new AuthorSession(db, { extract, clock, ready });
		await fresh.load();
		expect([fresh.phase, fresh.text, fresh.items.length]).toEqual(['editing', '', 0]);
	});

	it('says what is wrong without leaving the text: nothing to read, a failing worker, a bad file', async () => {
		db = freshDb();
		const failing = async () => {
			throw new KartkaError('authoring-too-long', 'The text has 500,000 characters; the limit is 400,000.');
		};
		const session = new AuthorSession(db, { extract: failing, clock, ready });
		await session.load();
		await session.suggest();
		expect(session.problem).toBe('Paste an article or open a file first.');
		session.setText('Some text.');
		await session.suggest();
		expect([session.phase, session.problem]).toEqual([
			'editing',
			'The text has 500,000 characters; the limit is 400,000.'
		]);
		await session.openFile(new File(['%PDF'], 'paper.pdf'));
		expect(session.problem).toMatch(/not a text, Markdown or HTML file/);
		await session.openFile(new File(['# Title\n\nIt began in **1887**.'], 'notes.md'));
		expect([session.problem, session.text, session.title]).toEqual([
			null,
			'Title\n\nIt began in 1887.',
			'notes'
		]);
	});
});
