// Browse's first rows (painted before the whole collection is read): the first cards in stored order, each
// with its note's text and its deck's name, exactly as the full read gives them.
import { describe, expect, it } from 'vitest';
import { allBrowseRows, firstBrowseRows } from '$lib/db/browse.repo';
import { Queue } from '$lib/domain/model';
import { freshDb, seedDeck } from '../helpers/db';

describe('firstBrowseRows', () => {
	it('gives the first cards of the full list, with their notes and decks', async () => {
		const db = freshDb();
		await seedDeck(db, 'd', 3, 2);
		await seedDeck(db, 'e', 2, 0);
		await db.decks.update('e', { title: 'Second deck' });
		const all = await allBrowseRows(db);
		const first = await firstBrowseRows(db, 4);
		expect(first.map((r) => r.card.id)).toEqual(all.slice(0, 4).map((r) => r.card.id));
		expect(first).toEqual(all.slice(0, 4));
		const rest = await firstBrowseRows(db, 50);
		expect(rest.map((r) => r.card.id)).toEqual(all.map((r) => r.card.id));
		expect(rest.at(-1)!.deckName).toBe('Second deck');
		expect(rest.at(-1)!.question).not.toBe('');
	});

	it('gives suspended cards as suspended (schema v11: merged from their own rows)', async () => {
		const db = freshDb();
		await seedDeck(db, 'd', 3, 2);
		const second = (await db.cards.toArray())[1]!;
		await db.cards.put({ ...second, queue: Queue.Suspended, suspendedReason: 'user' });
		const first = await firstBrowseRows(db, 4);
		expect(first.map((r) => r.card.queue === Queue.Suspended)).toEqual([false, true, false, false]);
		expect(first[1]!.card.suspendedReason).toBe('user');
	});
});
