// The fault-injection helpers themselves: a fault fires inside Dexie's transaction, rolls every write of that
// transaction back, and reaches the caller as the error a browser gives (isQuotaError recognises it).
import { afterEach, describe, expect, it } from 'vitest';
import type { KartkaDB } from '$lib/db/db';
import { isQuotaError } from '$lib/domain/errors';
import { freshDb, seedDeck } from './db';
import { injectFault, withFault } from './faults';

let db: KartkaDB;
afterEach(() => db?.close());

describe('fault injection on fake-indexeddb', () => {
	it('QuotaExceededError at the 3rd write rolls back the two before it', async () => {
		db = freshDb();
		await seedDeck(db, 'd', 3, 0);
		const { error, before, after } = await withFault(db, { kind: 'QuotaExceededError', atWrite: 3 }, () =>
			db.transaction('rw', db.tables, async () => {
				for (const n of await db.notes.toArray()) await db.notes.update(n.id, { tags: ['changed'] });
				await db.decks.update('d', { title: 'changed' });
			})
		);
		expect(isQuotaError(error)).toBe(true);
		expect(after).toEqual(before);
	});

	it('AbortError on one table only', async () => {
		db = freshDb();
		await seedDeck(db, 'd', 2, 0);
		const { error, before, after } = await withFault(db, { kind: 'AbortError', table: 'decks' }, () =>
			db.transaction('rw', db.tables, async () => {
				await db.notes.clear();
				await db.decks.update('d', { title: 'x' });
			})
		);
		expect((error as { name?: string }).name).toMatch(/Abort/);
		expect(isQuotaError(error)).toBe(false);
		expect(after).toEqual(before);
	});

	it('refuses to pass when the fault never fired', async () => {
		db = freshDb();
		await expect(withFault(db, { kind: 'AbortError', table: 'nope' }, async () => {})).rejects.toThrow(
			/never fired/
		);
		const f = injectFault({ kind: 'AbortError' });
		f.restore();
		await seedDeck(db, 'd', 1, 0); // restored: writes work again
		expect(await db.decks.count()).toBe(1);
	});
});
