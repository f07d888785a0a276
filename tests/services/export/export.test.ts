// Deck exports: Kartka JSON that the deck format accepts (and that maps back onto the same note ids),
// and CSV with the importer's column names.
import { afterEach, describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import type { KartkaDB } from '$lib/db/db';
import { validateDeck } from '$lib/domain/deck-format';
import { exportDeckCsv, exportDeckJson } from '$lib/services/export/export.service';
import { deckIdFor } from '$lib/domain/import/import-ids';
import { planImport } from '$lib/services/import/import-plan';
import { commitImport } from '$lib/services/import/import.service';
import { freshDb } from '../../helpers/db';
import { collection, note, SOURCE } from '../../helpers/collections';

const NOW = Date.UTC(2026, 10, 28, 12);
let db: KartkaDB;
afterEach(() => db?.close());

async function importAnkiLike() {
	const coll = collection([
		note('cU1%zNUzk1', 'Cell <b>membrane</b>', 'Lipid bilayer', { tags: ['Bio::Cells', 'exam 1'] }),
		note('g2', 'DNA', 'Deoxyribonucleic acid', { kind: 'reversible' }),
		note('g3', '', '', {
			kind: 'cloze',
			fields: { text: '{{c1::Mitochondria}} make {{c2::ATP}}', extra: 'Energy' }
		}),
		note('g4', '', '', {
			kind: 'templated',
			fields: { q0: 'Muscle?', a0: 'Deltoid', q1: 'Nerve?', a1: 'Axillary' }
		})
	]);
	await commitImport(db, await planImport(db, coll, { nowMs: NOW, source: SOURCE }));
	return deckIdFor('apkg-anki2', 'Biology');
}

describe('deck export', () => {
	it('writes Kartka JSON that the deck format accepts, with every card', async () => {
		db = freshDb();
		const deckId = await importAnkiLike();
		const file = await exportDeckJson(db, deckId);
		expect(file.problems).toEqual([]);
		const parsed = validateDeck(JSON.parse(file.text));
		expect(parsed.ok).toBe(true);
		if (!parsed.ok) return;
		expect(parsed.deck.id).toBe(deckId);
		expect(file.fileName).toBe(`${deckId}.json`);
		expect(parsed.deck.notes.map((n) => n.kind)).toEqual(['basic', 'reversible', 'cloze', 'basic', 'basic']);
		expect(parsed.deck.notes[0]).toMatchObject({
			front: 'Cell <b>membrane</b>',
			tags: ['bio::cells', 'exam-1']
		});
		expect(parsed.deck.notes[3]).toMatchObject({ front: 'Muscle?', back: 'Deltoid' });
		expect(file.splitTemplated).toBe(1);
		// Note ids are the stored keys, so that the file imports back onto the same notes.
		const keys = (await db.notes.where('deckId').equals(deckId).toArray()).map((n) => n.key);
		expect(parsed.deck.notes.map((n) => n.id)).toEqual(
			expect.arrayContaining(keys.filter((k) => k !== 'g4'))
		);
	});

	it('reports what the deck format would refuse instead of failing silently', async () => {
		db = freshDb();
		const coll = collection([note('a', 'Same', '1'), note('b', 'Same', '2')]);
		await commitImport(db, await planImport(db, coll, { nowMs: NOW, source: SOURCE }));
		const file = await exportDeckJson(db, deckIdFor('apkg-anki2', 'Biology'));
		expect(file.problems.map((p) => p.message).join('\n')).toMatch(/asks the same as note "a"/);
	});

	it('writes CSV with the importer column names, a UTF-8 mark, and quoted multi-line fields', async () => {
		db = freshDb();
		const coll = collection([note('a', 'Беларусь', 'line 1\nline "2"', { tags: ['geo'] })]);
		await commitImport(db, await planImport(db, coll, { nowMs: NOW, source: SOURCE }));
		const file = await exportDeckCsv(db, deckIdFor('apkg-anki2', 'Biology'));
		expect(file.text.startsWith('\ufefffront,back,tags,id,deck,extra\r\n')).toBe(true);
		const rows = Papa.parse<string[]>(file.text.slice(1).trim()).data;
		expect(rows[1]).toEqual(['Беларусь', 'line 1\nline "2"', 'geo', 'a', 'Biology', '']);
	});
});
