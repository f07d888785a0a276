/**
 * From article to deck to Anki, through the database (fake-indexeddb): "Create deck" writes the accepted
 * candidates as a Kartka deck in one go, and "Export .apkg" reads that deck back out for Anki.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { clearDraft, loadDraft, saveDraft } from '$lib/db/authoring-draft.repo';
import { extractCandidates } from '$lib/domain/authoring/extract';
import { parseImport } from '$lib/domain/import/parse-import';
import { exportDeckApkg } from '$lib/services/anki-export/apkg-export.service';
import { createAuthoredDeck } from '$lib/services/authoring/create-deck.service';
import { ARTICLE_PATH } from '../../decks/article-decks';
import { loadSql } from '../../domain/import/anki-builders';
import { freshDb } from '../../helpers/db';
import { cardsOfDeck } from '$lib/db/cards-of-decks.repo';

const NOW = Date.UTC(2026, 0, 20);

describe('create deck from suggestions, then export it to Anki', () => {
	const { candidates } = extractCandidates(readFileSync(ARTICLE_PATH, 'utf8'));
	const accepted = candidates.slice(0, 10);

	it('writes one deck with the accepted notes, their quotes and kind tags, and its cards', async () => {
		const db = freshDb();
		const { deckId, notes } = await createAuthoredDeck(db, {
			title: 'Belarus tilt',
			candidates: accepted,
			nowMs: NOW
		});
		expect(notes).toBe(10);
		const deck = await db.decks.get(deckId);
		expect(deck?.title).toBe('Belarus tilt');
		const rows = await db.notes.where('deckId').equals(deckId).toArray();
		expect(rows.map((n) => n.key).sort()).toEqual(accepted.map((c) => c.id).sort());
		for (const n of rows) {
			const c = accepted.find((x) => x.id === n.key)!;
			expect(n.sourceQuote).toBe(c.quote);
			expect(n.tags).toEqual([c.kind, 'authored']);
		}
		expect(await cardsOfDeck(db, deckId).count()).toBeGreaterThanOrEqual(10);
	});

	it('refuses an empty selection and a broken edited card with a clear message, writing nothing', async () => {
		const db = freshDb();
		await expect(createAuthoredDeck(db, { title: 'X', candidates: [], nowMs: NOW })).rejects.toThrow(
			/Select at least one card/
		);
		const broken = { ...accepted[0]!, note: { kind: 'cloze' as const, text: 'No deletion here.' } };
		await expect(createAuthoredDeck(db, { title: 'X', candidates: [broken], nowMs: NOW })).rejects.toThrow(
			/need fixing/
		);
		expect(await db.decks.count()).toBe(0);
		expect(await db.notes.count()).toBe(0);
	});

	it('exports the deck as an .apkg that our importer reads back with the same notes', async () => {
		const db = freshDb();
		const { deckId } = await createAuthoredDeck(db, {
			title: 'Belarus tilt',
			candidates: accepted,
			nowMs: NOW
		});
		const file = await exportDeckApkg(db, deckId, { withReviews: true, nowMs: NOW, loadSql });
		expect(file.fileName).toBe('Belarus tilt.apkg');
		expect(file.notes).toBe(10);
		const back = await parseImport(file.bytes, { fileName: file.fileName });
		expect(back.notes.map((n) => n.key.replace(`kartka:${deckId}:`, '')).sort()).toEqual(
			accepted.map((c) => c.id).sort()
		);
		await expect(exportDeckApkg(db, 'nope', { withReviews: false, nowMs: NOW, loadSql })).rejects.toThrow(
			/no longer on this device/
		);
	});

	it('keeps a draft across a reload and forgets it when asked', async () => {
		const db = freshDb();
		expect(await loadDraft(db)).toBeUndefined();
		await saveDraft(db, { title: 'T', text: 'Some text.' });
		expect(await loadDraft(db)).toEqual({ title: 'T', text: 'Some text.' });
		await clearDraft(db);
		expect(await loadDraft(db)).toBeUndefined();
	});
});
