// "Manage deck" (rename, move to a group, delete, undo delete) queues its sync documents in the same
// transaction; a deck deletion pulled from another device removes the deck here, queuing nothing.
import { describe, expect, it } from 'vitest';
import type { KartkaDB } from '$lib/db/db';
import { removeDeckRows } from '$lib/db/deck-manage.repo';
import { expandBatches } from '$lib/db/sync-outbox-batches.repo';
import { outboxTable, syncMetaTable } from '$lib/db/sync-tracking.repo';
import { deckBody, deckFromBody } from '$lib/domain/sync/row-docs';
import {
	deleteDeck,
	moveDeckToGroup,
	renameDeck,
	undoDeleteDeck
} from '$lib/services/decks/deck-manage.service';
import { deckRow, dumpTables, freshDb, seedDeck } from '../helpers/db';
import { cardsOfDeck } from '$lib/db/cards-of-decks.repo';

const NOW = Date.UTC(2026, 0, 10, 9);

async function seeded(): Promise<KartkaDB> {
	const db = freshDb();
	await seedDeck(db, 'd', 2, 1);
	await seedDeck(db, 'e', 1, 0);
	const card = (await db.cards.get('d/b0#0'))!;
	await db.reviewLogs.add({
		uid: 'dev1-7',
		cardId: card.id,
		noteId: card.noteId,
		deckId: 'd',
		rating: 3,
		kind: 'review',
		reviewedMs: NOW - 5,
		studyDay: 1,
		durationMs: 10,
		before: card,
		after: card,
		afterRev: 1
	} as never);
	await outboxTable(db).clear();
	return db;
}

async function queued(db: KartkaDB) {
	await expandBatches(db);
	return (await outboxTable(db).toArray()).map((r) => [r.docId, r.changedMs]);
}

const DECK_D_DOCS = ['deck:d', 'log:dev1-7', 'note:d/b0', 'note:d/b1', 'note:d/r0'];

describe('Manage deck queues its sync documents', () => {
	it('rename and move to a group: the deck document, at the time of the change', async () => {
		const db = await seeded();
		await renameDeck(db, 'd', 'History', NOW);
		expect(await queued(db)).toEqual([['deck:d', NOW]]);
		await moveDeckToGroup(db, 'd', 'Exams', NOW + 1);
		expect(await queued(db)).toEqual([['deck:d', NOW + 1]]);
	});

	it('delete: the deck, its notes and its logs (tombstones at push); undo: all of them again', async () => {
		const db = await seeded();
		const deleted = await deleteDeck(db, 'd', NOW);
		expect((await queued(db)).map(([id]) => id).sort()).toEqual(DECK_D_DOCS);
		await outboxTable(db).clear();
		await undoDeleteDeck(db, deleted, NOW + 1);
		expect((await queued(db)).sort()).toEqual(DECK_D_DOCS.map((id) => [id, NOW + 1]));
	});

	it('an outbox write that fails leaves the deck as it was (rename, delete, undo)', async () => {
		const db = await seeded();
		const before = await dumpTables(db);
		const hook = () => {
			throw new Error('outbox refused');
		};
		outboxTable(db).hook('creating', hook);
		await expect(renameDeck(db, 'd', 'History', NOW)).rejects.toThrow('outbox refused');
		await expect(deleteDeck(db, 'd', NOW)).rejects.toThrow('outbox refused');
		expect(await dumpTables(db)).toEqual(before);
		outboxTable(db).hook('creating').unsubscribe(hook);
		const deleted = await deleteDeck(db, 'd', NOW);
		const afterDelete = await dumpTables(db);
		outboxTable(db).hook('creating', hook);
		await expect(undoDeleteDeck(db, deleted, NOW + 1)).rejects.toThrow('outbox refused');
		expect(await dumpTables(db)).toEqual(afterDelete);
	});

	it('a pulled deletion (removeDeckRows) removes the deck and its rows and queues nothing', async () => {
		const db = await seeded();
		await db.transaction('rw', db.tables, () => removeDeckRows(db, 'd'));
		expect(await db.decks.get('d')).toBeUndefined();
		expect(await db.notes.where('deckId').equals('d').count()).toBe(0);
		expect(await cardsOfDeck(db, 'd').count()).toBe(0);
		expect(await db.reviewLogs.count()).toBe(0);
		expect(await db.notes.where('deckId').equals('e').count()).toBe(1);
		expect(await outboxTable(db).count()).toBe(0);
		expect(await syncMetaTable(db).count()).toBe(0);
	});
});

describe('a shipped deck document carries its name and group', () => {
	const shipped = deckRow('s', { origin: 'builtin', title: 'Shipped', settings: { newCardsPerDay: 5 } });

	it('round-trips a rename and a group; the shipped content stays this device’s', () => {
		const body = deckBody({ ...shipped, title: 'Mine', group: 'Exams' }, NOW, 'dev1');
		const local = { ...shipped, description: 'local text' };
		expect(deckFromBody(body, local)).toEqual({ ...local, title: 'Mine', group: 'Exams' });
		// Taken out of its group on the other device: the group goes here too.
		expect(
			deckFromBody(deckBody({ ...shipped, title: 'Mine' }, NOW, 'dev1'), { ...local, group: 'X' })
		).toEqual({
			...local,
			title: 'Mine'
		});
	});

	it('a document from before names synced (settings only) keeps this device’s name and group', () => {
		const old = {
			kind: 'deck' as const,
			deck: { id: 's', origin: 'builtin', settings: {} },
			changedMs: 1,
			changedBy: 'x'
		};
		const local = { ...shipped, title: 'Renamed here', group: 'G' };
		expect(deckFromBody(old, local)).toEqual({ ...local, settings: {} });
	});
});
