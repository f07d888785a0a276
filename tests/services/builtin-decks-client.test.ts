// Start-up's shipped-deck installation (issue 13): a quick check on the page decides whether anything is
// to install; where no worker can run (here: Node) the same installation runs on the page, wanted deck first.
import { afterEach, describe, expect, it } from 'vitest';
import type { KartkaDB } from '$lib/db/db';
import { installShippedDecks, shippedDecksToInstall } from '$lib/services/builtin-decks.client';
import { freshDb } from '../helpers/db';

let db: KartkaDB;
afterEach(() => db?.close());
const shipped = Object.values(__KARTKA_DECKS__).map((d) => d.id);

describe('installShippedDecks', () => {
	it('installs every shipped deck on the page when workers are missing, the wanted deck first', async () => {
		db = freshDb();
		expect(typeof Worker).toBe('undefined');
		expect((await shippedDecksToInstall(db)).sort()).toEqual([...shipped].sort());
		const wanted = shipped[shipped.length - 1]!;
		const pending: string[][] = [];
		await installShippedDecks(
			() => db,
			1000,
			[wanted],
			(ids) => pending.push([...ids])
		);
		// Known at first, then one fewer after each deck; the wanted deck went first.
		expect(pending[0]!.sort()).toEqual([...shipped].sort());
		expect(pending[1]).not.toContain(wanted);
		expect(pending.at(-1)).toEqual([]);
		expect((await db.decks.toArray()).map((d) => d.id).sort()).toEqual([...shipped].sort());
		expect(await shippedDecksToInstall(db)).toEqual([]);
	});

	it('installs every shipped deck of a fresh start without checking the database first', async () => {
		db = freshDb();
		const pending: string[][] = [];
		let asked = 0;
		const counts = await installShippedDecks(
			() => (asked++, db),
			1000,
			[],
			(ids) => pending.push([...ids]),
			{ fresh: true, counts: true }
		);
		// On the page (no worker here): the database is asked for once, to install; no counts.
		expect(asked).toBe(1);
		expect(counts).toBeNull();
		expect(pending[0]!.sort()).toEqual([...shipped].sort());
		expect(await shippedDecksToInstall(db)).toEqual([]);
	});

	it('reports nothing pending and writes nothing when every deck is installed', async () => {
		db = freshDb();
		await installShippedDecks(
			() => db,
			1000,
			[],
			() => undefined
		);
		const cards = await db.cards.count();
		const pending: string[][] = [];
		await installShippedDecks(
			() => db,
			2000,
			[],
			(ids) => pending.push([...ids])
		);
		expect(pending).toEqual([[]]);
		expect(await db.cards.count()).toBe(cards);
	});
});
