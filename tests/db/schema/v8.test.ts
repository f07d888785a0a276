// Version 8 from seeded version-7 data: the cards' `deckId` index is gone (in IndexedDB, not only in
// Dexie's view), every row is unchanged, and a deck's cards are still all found through the prefix of
// `[deckId+queue+dueMs]` (db/cards-of-decks.repo.ts) — whatever their queue, and not those of a deck
// whose id extends another's.
import { describe, expect, it } from 'vitest';
import { KartkaDB } from '$lib/db/db';
// Opening an older version needs the ladder (the app loads it only for an older stored database).
import '$lib/db/schema/ladder';
import { cardsOfDeck, cardsOfDecks } from '$lib/db/cards-of-decks.repo';
import { Queue } from '$lib/domain/model';
import { makeCard, makeNote } from '../../helpers/cards';
import { deckRow } from '../../helpers/db';

const CARD_INDEXES = ['[deckId+queue+dueMs]', '[deckId+queue+newPosition]'].sort();

describe('schema v8', () => {
	it('upgrades seeded v7 data: rows unchanged, the cards deckId index dropped, cards of a deck still found', async () => {
		const name = `v8-${crypto.randomUUID()}`;
		const v7 = new KartkaDB(name, 7);
		await v7.decks.bulkAdd([deckRow('d'), deckRow('d2'), deckRow('e')]);
		const notes = [makeNote('d', 'a', 0), makeNote('d2', 'a', 0), makeNote('e', 'a', 0)];
		await v7.notes.bulkAdd(notes);
		const cards = [
			makeCard({ id: 'd/a#0', noteId: 'd/a', deckId: 'd' }),
			makeCard({ id: 'd/a#1', noteId: 'd/a', deckId: 'd', ord: 1, queue: Queue.Suspended, dueMs: -5 }),
			makeCard({ id: 'd/a#2', noteId: 'd/a', deckId: 'd', ord: 2, queue: Queue.Review, dueMs: 9e15 }),
			makeCard({ id: 'd/a#3', noteId: 'd/a', deckId: 'd', ord: 3, queue: Queue.Learning, dueMs: 7 }),
			makeCard({ id: 'd2/a#0', noteId: 'd2/a', deckId: 'd2' }),
			makeCard({ id: 'e/a#0', noteId: 'e/a', deckId: 'e', queue: Queue.Review, dueMs: 3 })
		];
		await v7.cards.bulkAdd(cards);
		expect(v7.cards.schema.indexes.map((i) => i.name)).toContain('deckId');
		v7.close();

		const v8 = new KartkaDB(name, 8);
		await v8.open();
		expect(v8.verno).toBe(8);
		expect(v8.cards.schema.indexes.map((i) => i.name).sort()).toEqual(CARD_INDEXES);
		const store = v8.backendDB().transaction('cards', 'readonly').objectStore('cards');
		expect([...store.indexNames].sort()).toEqual(CARD_INDEXES);
		expect(await v8.cards.orderBy(':id').toArray()).toEqual(cards);
		expect(await v8.notes.orderBy(':id').toArray()).toEqual(notes);

		const ids = async (c: { primaryKeys(): Promise<unknown> }) =>
			((await c.primaryKeys()) as string[]).sort();
		expect(await ids(cardsOfDeck(v8, 'd'))).toEqual(['d/a#0', 'd/a#1', 'd/a#2', 'd/a#3']);
		expect(await cardsOfDeck(v8, 'd').count()).toBe(4);
		expect(await ids(cardsOfDeck(v8, 'd2'))).toEqual(['d2/a#0']);
		expect(await ids(cardsOfDeck(v8, 'missing'))).toEqual([]);
		expect(await ids(cardsOfDecks(v8, ['e', 'd2', 'e']))).toEqual(['d2/a#0', 'e/a#0']);
		expect(await cardsOfDecks(v8, []).toArray()).toEqual([]);
		await cardsOfDecks(v8, ['d']).delete();
		expect(await ids(v8.cards.toCollection())).toEqual(['d2/a#0', 'e/a#0']);
		v8.close();
	});
});
