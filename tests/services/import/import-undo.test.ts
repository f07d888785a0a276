// Issue 12: "Undo import" puts every table back as it was before the last import, in one transaction,
// both for a new deck and for an update; refused (nothing changed) once the imported cards were studied.
import { afterEach, describe, expect, it } from 'vitest';
import type { KartkaDB } from '$lib/db/db';
import { answerCard } from '$lib/db/review.repo';
import { KartkaError } from '$lib/domain/errors';
import { createScheduler } from '$lib/domain/fsrs-adapter';
import { Rating } from '$lib/domain/schedule';
import { DEFAULT_SCHEDULER_SETTINGS } from '$lib/domain/scheduler-settings';
import { planImport } from '$lib/services/import/import-plan';
import { importCommitted, prepareImportUndo, undoImport } from '$lib/services/import/import-undo';
import { commitImport } from '$lib/services/import/import.service';
import { collection, note, SOURCE } from '../../helpers/collections';
import { dumpTables, freshDb, seedDeck } from '../../helpers/db';

const NOW = Date.UTC(2026, 10, 30, 12);
let db: KartkaDB;
afterEach(() => db?.close());

async function importWithUndo(coll: ReturnType<typeof collection>) {
	const plan = await planImport(db, coll, { nowMs: NOW, source: SOURCE });
	const undo = await prepareImportUndo(db, plan);
	await commitImport(db, plan, { missing: 'suspend' });
	return importCommitted(db, undo);
}

/**
 * Every table of the collection. The sync outbox is left out on purpose: the import queued its documents,
 * and they stay queued after the undo so that another device learns the result (deleted or restored).
 */
async function collectionTables(): Promise<Record<string, unknown[]>> {
	const { syncOutbox: _outbox, ...rest } = await dumpTables(db);
	return rest;
}

const png = { name: 'p.png', mime: 'image/png', bytes: new Uint8Array([137, 80, 78, 71]) };

describe('undo import', () => {
	it('a new deck with media: every table as before', async () => {
		db = freshDb();
		await seedDeck(db, 'mine', 2, 0);
		const before = await collectionTables();
		const undo = await importWithUndo(collection([note('a', '<img src="p.png">', '1')], { media: [png] }));
		expect(await db.media.count()).toBe(1);
		await undoImport(db, undo);
		expect(await collectionTables()).toEqual(before);
	});

	it('an update (changed, added and removed notes): every table as before', async () => {
		db = freshDb();
		await importWithUndo(collection([note('a', 'A', '1'), note('b', 'B', '2'), note('c', 'C', '3')]));
		const before = await collectionTables();
		const undo = await importWithUndo(
			collection([note('a', 'A', 'changed'), note('b', 'B', '2'), note('d', 'D', '4')])
		);
		expect(await collectionTables()).not.toEqual(before);
		await undoImport(db, undo);
		expect(await collectionTables()).toEqual(before);
	});

	it('refused once a card of the import was answered, and nothing changes', async () => {
		db = freshDb();
		const undo = await importWithUndo(collection([note('a', 'A', '1')]));
		const shown = (await db.cards.toCollection().first())!;
		const scheduler = createScheduler(DEFAULT_SCHEDULER_SETTINGS);
		await answerCard(db, {
			shown,
			rating: Rating.Good,
			nowMs: NOW + 1000,
			durationMs: 1,
			scheduler,
			dayCutoffHour: 4
		});
		const before = await dumpTables(db);
		const error = await undoImport(db, undo).catch((e: unknown) => e);
		expect((error as KartkaError).code).toBe('undo-import-studied');
		expect(await dumpTables(db)).toEqual(before);
	});
});
