// Issue 12: CSV export escapes cells a spreadsheet would run as formulas (=, +, -, @), and the importer
// reads its own export back to the same text.
import { afterEach, describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import type { KartkaDB } from '$lib/db/db';
import { parseImportText } from '$lib/domain/import/parse-import';
import { exportDeckCsv } from '$lib/services/export/export.service';
import { deckIdFor } from '$lib/domain/import/import-ids';
import { planImport } from '$lib/services/import/import-plan';
import { commitImport } from '$lib/services/import/import.service';
import { freshDb } from '../../helpers/db';
import { collection, note, SOURCE } from '../../helpers/collections';

const NOW = Date.UTC(2026, 10, 28, 12);
let db: KartkaDB;
afterEach(() => db?.close());

const HOSTILE = ['=HYPERLINK("http://evil","x")', '+1+1', '-2+3', '@SUM(A1)', '\t=1'];

describe('CSV export and formulas', () => {
	it('prefixes every formula-like cell with an apostrophe, and imports back unchanged', async () => {
		db = freshDb();
		const coll = collection(HOSTILE.map((front, i) => note(`k${i}`, front, `=back${i}`)));
		await commitImport(db, await planImport(db, coll, { nowMs: NOW, source: SOURCE }));
		const file = await exportDeckCsv(db, deckIdFor('apkg-anki2', 'Biology'));
		const rows = Papa.parse<string[]>(file.text.slice(1).trim()).data.slice(1);
		expect(rows).toHaveLength(HOSTILE.length);
		for (const row of rows) for (const cell of row.slice(0, 2)) expect(cell).toMatch(/^'[=+\-@\t]/);
		const back = parseImportText(file.text.slice(1), { fileName: 'biology.csv' });
		// (The importer trims cells, as it always did: the tab in front of '=1' goes.)
		expect(back.notes.map((n) => n.fields.front)).toEqual(HOSTILE.map((h) => h.trim()));
		expect(back.notes.map((n) => n.fields.back)).toEqual(HOSTILE.map((_f, i) => `=back${i}`));
	});

	it('leaves ordinary text as it was', async () => {
		db = freshDb();
		const coll = collection([note('a', 'Minsk', "it's -5 °C")]);
		await commitImport(db, await planImport(db, coll, { nowMs: NOW, source: SOURCE }));
		const file = await exportDeckCsv(db, deckIdFor('apkg-anki2', 'Biology'));
		expect(Papa.parse<string[]>(file.text.slice(1).trim()).data[1]!.slice(0, 2)).toEqual([
			'Minsk',
			"it's -5 °C"
		]);
	});
});
