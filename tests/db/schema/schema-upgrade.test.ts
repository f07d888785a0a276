// Every step of the version ladder keeps the study data of the version before it: open version N-1,
// seed it, close, reopen at N, and check (as Dexie's own upgrade tests do). Version-specific data
// moves have their own tests next to the features that need them.
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { KartkaDB, SCHEMA_VERSION } from '$lib/db/db';
import { SCHEMA_LADDER } from '$lib/db/schema/ladder';
import { LATEST_STORES } from '$lib/db/schema/latest';
import { Queue } from '$lib/domain/model';
import { makeCard, makeNote } from '../../helpers/cards';
import { deckRow } from '../../helpers/db';

const versions = [...SCHEMA_LADDER.keys()];

describe('schema ladder', () => {
	it('starts at version 1 and rises to SCHEMA_VERSION', () => {
		expect(versions[0]).toBe(1);
		expect(versions.at(-1)).toBe(SCHEMA_VERSION);
		expect([...versions].sort((a, b) => a - b)).toEqual(versions);
	});

	it.each(versions.slice(1))(
		'upgrading to version %i keeps decks, notes, cards, logs and settings',
		async (to) => {
			const from = versions[versions.indexOf(to) - 1]!;
			const name = `upgrade-${to}-${crypto.randomUUID()}`;
			const old = new KartkaDB(name, from);
			const card = makeCard({
				id: 'd/n#0',
				deckId: 'd',
				queue: Queue.Review,
				state: 2,
				dueMs: 123,
				stability: 4
			});
			await old.decks.add(deckRow('d'));
			await old.notes.add(makeNote('d', 'n', 0));
			await old.cards.add(card);
			await old.reviewLogs.add({
				cardId: card.id,
				noteId: card.noteId,
				deckId: 'd',
				rating: 3,
				kind: 'review',
				reviewedMs: 100,
				studyDay: 1,
				durationMs: 5,
				before: { ...card, state: 0 },
				after: card,
				afterRev: 0
			});
			await old.settings.put({ key: 'scheduler', value: { desiredRetention: 0.85 } });
			old.close();

			const upgraded = new KartkaDB(name, to);
			await upgraded.open();
			expect(upgraded.verno).toBe(to);
			expect(await upgraded.decks.get('d')).toMatchObject({ id: 'd', title: 'Deck d' });
			expect(await upgraded.cards.get('d/n#0')).toMatchObject({
				dueMs: 123,
				stability: 4,
				queue: Queue.Review
			});
			expect(await upgraded.reviewLogs.where('cardId').equals('d/n#0').count()).toBe(1);
			expect((await upgraded.settings.get('scheduler'))?.value).toEqual({ desiredRetention: 0.85 });
			upgraded.close();
		}
	);

	it('opens a version-1 database with data at the latest version', async () => {
		const name = `ladder-${crypto.randomUUID()}`;
		const v1 = new KartkaDB(name, 1);
		await v1.decks.add(deckRow('d'));
		v1.close();
		const latest = new KartkaDB(name);
		await latest.open();
		expect(latest.verno).toBe(SCHEMA_VERSION);
		expect(await latest.decks.count()).toBe(1);
		latest.close();
	});

	it('declares at start-up the schema the ladder adds up to', () => {
		const cumulative: Record<string, string | null> = {};
		for (const step of SCHEMA_LADDER.values()) Object.assign(cumulative, step.stores);
		const tables = Object.entries(cumulative).filter(([, spec]) => spec !== null);
		expect(LATEST_STORES).toEqual(Object.fromEntries(tables));
	});

	it('refuses to skip upgrade steps when an older database appears after the check, then upgrades', async () => {
		const name = `late-${crypto.randomUUID()}`;
		const db = new KartkaDB(name);
		await db.open(); // checked: no stored database, so the latest schema alone
		db.close();
		await Dexie.delete(name);
		const older = new KartkaDB(name, 9); // a tab of an older version creates it meanwhile
		await older.decks.add(deckRow('d'));
		await older.testResults.add({ deckId: 'd', takenMs: 1 } as never);
		older.close();
		await expect(db.open()).rejects.toThrow();
		await db.open(); // the next attempt loads the ladder, and version 10's upgrade runs
		expect(await db.decks.count()).toBe(1);
		// Version 10's upgrade gave the older result its sync uid.
		expect(await db.testResults.where('uid').above('').count()).toBe(1);
		db.close();
	});

	it('creates the same stores and indexes from the latest schema alone as from the whole ladder', async () => {
		const fresh = new KartkaDB(`fresh-${crypto.randomUUID()}`);
		await fresh.open();
		const laddered = new KartkaDB(`laddered-${crypto.randomUUID()}`, 1);
		laddered.close();
		const upgraded = new KartkaDB(laddered.name);
		await upgraded.open();
		expect(installedSchema(fresh.backendDB())).toEqual(installedSchema(upgraded.backendDB()));
		fresh.close();
		upgraded.close();
	});
});

/** Each object store's key path, auto-increment, and indexes (name, key path, unique, multi-entry). */
function installedSchema(idb: IDBDatabase) {
	const names = [...idb.objectStoreNames].sort();
	const tx = idb.transaction(names, 'readonly');
	return names.map((name) => {
		const store = tx.objectStore(name);
		const indexes = [...store.indexNames].sort().map((i) => {
			const index = store.index(i);
			return [i, index.keyPath, index.unique, index.multiEntry];
		});
		return { name, keyPath: store.keyPath, autoIncrement: store.autoIncrement, indexes };
	});
}
