// Issue 12, same-name imports end to end (parse → plan → write): a second, unrelated vocab.csv and a second
// Anki "Default" package become new decks and change no existing row; a corrected version of the same file
// updates; a Kartka file with an existing deck's id updates it only once the user confirms.
import { afterEach, describe, expect, it } from 'vitest';
import type { KartkaDB } from '$lib/db/db';
import { parseImportText } from '$lib/domain/import/parse-import';
import { planImport, type PlanOptions } from '$lib/services/import/import-plan';
import { commitImport } from '$lib/services/import/import.service';
import { dumpTables, freshDb } from '../../helpers/db';
import { collection, note } from '../../helpers/collections';

const NOW = Date.UTC(2026, 10, 30, 12);
let db: KartkaDB;
afterEach(() => db?.close());

const source = (name: string) => ({ kind: 'file', name }) as const;
async function importText(text: string, name: string, extra: Partial<PlanOptions> = {}) {
	const plan = await planImport(db, parseImportText(text, { fileName: name }), {
		nowMs: NOW,
		source: source(name),
		...extra
	});
	await commitImport(db, plan);
	return plan;
}
const rowsOf = (tables: Record<string, unknown[]>, deckId: string, table: 'notes' | 'cards') =>
	(tables[table] as { deckId: string }[]).filter((r) => r.deckId === deckId);

describe('same-name imports', () => {
	it('a second, unrelated vocab.csv becomes "vocab (2)" and changes no row of the first', async () => {
		db = freshDb();
		const first = await importText('front,back\ndom,house\nkot,cat\npies,dog\n', 'vocab.csv');
		const firstId = first.decks[0]!.deck.id;
		const before = await dumpTables(db);
		const second = await importText('front,back\nHaus,house\nKatze,cat\nHund,dog\n', 'vocab.csv');
		expect(second.decks[0]!.existing).toBeNull();
		expect(second.decks[0]!.deck.title).toBe('vocab (2)');
		expect(second.decks[0]!.deck.id).not.toBe(firstId);
		const after = await dumpTables(db);
		expect(rowsOf(after, firstId, 'notes')).toEqual(rowsOf(before, firstId, 'notes'));
		expect(rowsOf(after, firstId, 'cards')).toEqual(rowsOf(before, firstId, 'cards'));
	});

	it('a corrected vocab.csv (same fronts) updates the deck, named in the preview', async () => {
		db = freshDb();
		const first = await importText('front,back\ndom,house\nkot,cat\npies,dog\n', 'vocab.csv');
		const plan = await planImport(
			db,
			parseImportText('front,back\ndom,home\nkot,cat\npies,dog\nryba,fish\n', { fileName: 'vocab-v2.csv' }),
			{ nowMs: NOW, source: source('vocab-v2.csv') }
		);
		expect(plan.decks[0]!.existing?.id).toBe(first.decks[0]!.deck.id);
		expect(plan.decks[0]!.existing?.title).toBe('vocab');
	});

	it('two unrelated Anki "Default" packages: two decks, the first untouched (nothing suspended)', async () => {
		db = freshDb();
		const pkg = (prefix: string) =>
			collection(
				[
					note(`${prefix}1`, 'Q1', 'A1', { deckName: 'Default' }),
					note(`${prefix}2`, 'Q2', 'A2', { deckName: 'Default' })
				],
				{
					title: 'Default'
				}
			);
		const a = await planImport(db, pkg('guidA'), { nowMs: NOW, source: source('a.apkg') });
		await commitImport(db, a);
		const before = await dumpTables(db);
		const b = await planImport(db, pkg('guidB'), { nowMs: NOW, source: source('b.apkg') });
		expect(b.decks[0]!.existing).toBeNull();
		expect(b.decks[0]!.deck.title).toBe('Default (2)');
		await commitImport(db, b);
		const after = await dumpTables(db);
		const aId = a.decks[0]!.deck.id;
		expect(rowsOf(after, aId, 'cards')).toEqual(rowsOf(before, aId, 'cards'));
		expect(rowsOf(after, aId, 'notes')).toEqual(rowsOf(before, aId, 'notes'));
	});

	it('a Kartka file with an existing deck id: new deck unless the user confirms the update', async () => {
		db = freshDb();
		const mine = collection([note('n1', 'Q1', 'A1', { deckName: 'Mine' })], {
			format: 'kartka-json',
			deckId: 'shared-id',
			title: 'Mine'
		});
		await commitImport(db, await planImport(db, mine, { nowMs: NOW, source: source('mine.json') }));
		const theirs = collection([note('other', 'Other', 'x', { deckName: 'Theirs' })], {
			format: 'kartka-json',
			deckId: 'shared-id',
			title: 'Theirs'
		});
		const unconfirmed = await planImport(db, theirs, { nowMs: NOW, source: source('theirs.json') });
		expect(unconfirmed.decks[0]!.existing).toBeNull();
		expect(unconfirmed.decks[0]!.sameIdDeck).toEqual({ id: 'shared-id', title: 'Mine' });
		const confirmed = await planImport(db, theirs, {
			nowMs: NOW,
			source: source('theirs.json'),
			confirmUpdateOf: 'shared-id'
		});
		expect(confirmed.decks[0]!.existing?.id).toBe('shared-id');
	});
});
