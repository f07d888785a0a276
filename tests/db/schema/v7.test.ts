// Version 7 from seeded version-6 data: the cards' `noteId` and `[queue+dueMs]` indexes are gone, every
// row is unchanged, and a note's cards are still found (by a range of card ids) — also for a note whose
// id extends another's with '#'.
import { describe, expect, it } from 'vitest';
import { KartkaDB } from '$lib/db/db';
// Opening an older version needs the ladder (the app loads it only for an older stored database).
import '$lib/db/schema/ladder';
import { cardIdsOfNote, cardsOfNotes } from '$lib/db/cards-of-notes.repo';
import { Queue } from '$lib/domain/model';
import { outboxTable } from '$lib/db/sync-tracking.repo';
import { makeCard, makeNote } from '../../helpers/cards';
import { deckRow } from '../../helpers/db';

describe('schema v7', () => {
	it('upgrades seeded v6 data: rows unchanged, two card indexes dropped, cards of a note still found', async () => {
		const name = `v7-${crypto.randomUUID()}`;
		const v6 = new KartkaDB(name, 6);
		await v6.decks.bulkAdd([deckRow('d')]);
		const notes = [makeNote('d', 'a', 0), makeNote('d', 'a#b', 1), makeNote('d', 'ab', 2)];
		await v6.notes.bulkAdd(notes);
		const cards = [
			makeCard({ id: 'd/a#0', noteId: 'd/a', deckId: 'd' }),
			makeCard({ id: 'd/a#1', noteId: 'd/a', deckId: 'd', ord: 1, queue: Queue.Suspended }),
			makeCard({ id: 'd/a#b#0', noteId: 'd/a#b', deckId: 'd' }),
			makeCard({ id: 'd/ab#0', noteId: 'd/ab', deckId: 'd', queue: Queue.Review, dueMs: 7 })
		];
		await v6.cards.bulkAdd(cards);
		await outboxTable(v6).add({ docId: 'note:d/a', changedMs: 5 });
		expect(v6.cards.schema.indexes.map((i) => i.name)).toContain('noteId');
		v6.close();

		const v7 = new KartkaDB(name, 7);
		await v7.open();
		expect(v7.verno).toBe(7);
		expect(v7.cards.schema.indexes.map((i) => i.name).sort()).toEqual(
			['deckId', '[deckId+queue+dueMs]', '[deckId+queue+newPosition]'].sort()
		);
		// The stored indexes really are gone (not only Dexie's view of them).
		const idb = v7.backendDB();
		const store = idb.transaction('cards', 'readonly').objectStore('cards');
		expect([...store.indexNames].sort()).toEqual(
			['deckId', '[deckId+queue+dueMs]', '[deckId+queue+newPosition]'].sort()
		);
		expect(await v7.cards.orderBy(':id').toArray()).toEqual(cards);
		expect(await v7.notes.orderBy(':id').toArray()).toEqual(notes);
		expect(await outboxTable(v7).toArray()).toEqual([{ seq: 1, docId: 'note:d/a', changedMs: 5 }]);
		// Reads that used the dropped indexes.
		expect((await cardsOfNotes(v7, ['d/a'])).map((c) => c.id)).toEqual(['d/a#0', 'd/a#1']);
		expect((await cardsOfNotes(v7, ['d/a#b', 'd/ab'])).map((c) => c.id).sort()).toEqual(
			['d/a#b#0', 'd/ab#0'].sort()
		);
		expect(await cardsOfNotes(v7, [])).toEqual([]);
		expect(await cardIdsOfNote(v7, 'd/a')).toEqual(['d/a#0', 'd/a#1']);
		expect(await cardIdsOfNote(v7, 'd/missing')).toEqual([]);
		expect(
			await v7.cards
				.where('[deckId+queue+dueMs]')
				.between(['d', Queue.Review, -Infinity], ['d', Queue.Review, Infinity])
				.primaryKeys()
		).toEqual(['d/ab#0']);
		v7.close();
	});
});
