// What writing an import's rows costs in Chromium's IndexedDB, by variant (issue 13 item 5: is the raw
// bulkAdd really the floor?). The rows are shaped like those the 20,000-note .apkg bench writes (20,000
// notes, 30,000 cards, the same kinds, ids and indexed values). Each variant writes them in ONE transaction into a fresh database: through Dexie (the app's
// schema, default and relaxed durability), natively with v7's and v8's (= v11's) indexes, without the notes'
// `*tags` index (measured in session 10, not kept) and also with the cards' queue indexes merged into one (a
// design, not built), with no index, with no index and
// rows holding only their key, and with no index and ten rows per record (same bytes, a tenth of the puts);
// and a bulk suspend's write (10,000 stored cards put again) with v7's and v8's indexes.
import { Dexie } from 'dexie';
import { KartkaDB } from '$lib/db/db';
import { importConnection } from '$lib/db/import.repo';

const w = window as unknown as { __benchResult: unknown; __benchDone: boolean };
const params = new URLSearchParams(location.search);
const NOTES = Number(params.get('notes') ?? 20_000);
const NOW = Date.UTC(2026, 10, 28, 12);
const deckId = 'import-apkg-1a2b3c4d5e6f';

function rows() {
	const notes = [];
	const cards = [];
	for (let i = 1; i <= NOTES; i++) {
		const kind = i % 4 === 2 ? 'cloze' : i % 4 === 3 ? 'reversible' : 'basic';
		const id = `${deckId}/g${i}`;
		notes.push({
			id,
			deckId,
			key: `g${i}`,
			kind,
			fields: { front: `Question ${i}?`, back: `Answer <b>${i}</b>` },
			tags: [`t${i % 10}`, 'bench'],
			position: i,
			updatedMs: NOW
		});
		for (const ord of kind === 'basic' ? [0] : [0, 1])
			cards.push({
				id: `${id}#${ord}`,
				noteId: id,
				deckId,
				ord,
				queue: 0,
				newPosition: i * 2 + ord,
				rev: 0,
				state: 0,
				dueMs: NOW,
				stability: 0,
				difficulty: 0,
				scheduledDays: 0,
				learningSteps: 0,
				reps: 0,
				lapses: 0,
				lastReviewMs: null
			});
	}
	return { notes, cards };
}

/** Per native variant: how long issuing the puts took on the page's thread (the rest is the browser's). */
const issueMs: number[] = [];

function req<T>(r: IDBRequest<T>): Promise<T> {
	return new Promise((ok, fail) => ((r.onsuccess = () => ok(r.result)), (r.onerror = () => fail(r.error))));
}
function deleteDb(name: string) {
	return req(indexedDB.deleteDatabase(name) as unknown as IDBRequest<unknown>);
}
async function openNative(name: string, make: (db: IDBDatabase) => void): Promise<IDBDatabase> {
	const r = indexedDB.open(name, 1);
	r.onupgradeneeded = () => make(r.result);
	return req(r);
}
async function nativePut(
	db: IDBDatabase,
	data: Record<string, object[]>,
	durability: IDBTransactionDurability
): Promise<number> {
	const t0 = performance.now();
	const tx = db.transaction(Object.keys(data), 'readwrite', { durability });
	for (const [store, list] of Object.entries(data)) {
		const s = tx.objectStore(store);
		for (const row of list) s.put(row);
	}
	issueMs.push(Math.round(performance.now() - t0));
	await new Promise((ok, fail) => ((tx.oncomplete = ok), (tx.onerror = () => fail(tx.error))));
	return performance.now() - t0;
}

const durability: Record<string, string> = {};
type Variant = () => Promise<number>;
let n = 0;
const data = rows();

function native(
	make: (db: IDBDatabase) => void,
	d: Record<string, object[]> = data,
	durability: IDBTransactionDurability = 'default'
): Variant {
	return async () => {
		const name = `rows-${n++}`;
		const db = await openNative(name, make);
		const ms = await nativePut(db, d, durability);
		db.close();
		await deleteDb(name);
		return ms;
	};
}
function dexie(relaxed: boolean): Variant {
	return async () => {
		const name = `rows-${n++}`;
		const plain = new KartkaDB(name);
		await plain.open();
		// Relaxed: the very connection the import writes through.
		const db = relaxed ? importConnection(plain) : plain;
		await db.open();
		const t0 = performance.now();
		await db.transaction('rw', [db.notes, db.cards], async () => {
			durability[relaxed ? 'relaxed' : 'default'] = (
				Dexie.currentTransaction as unknown as { idbtrans: IDBTransaction }
			).idbtrans.durability;
			await db.notes.bulkAdd(data.notes as never);
			await db.cards.bulkAdd(data.cards as never);
		});
		const ms = performance.now() - t0;
		db.close();
		plain.close();
		await deleteDb(name);
		return ms;
	};
}
/**
 * The app's indexes: version 7; version 8 (v7 without the cards' `deckId` index; v11 has the same);
 * 'noTags' (v8 without the notes' `*tags`: measured, not kept, docs/performance.md session 10); and 'rank',
 * a design not built: 'noTags' with the cards' two queue indexes merged into one over a stored sort field
 * (`rank`: newPosition of a new card, else dueMs).
 */
type Indexes = 7 | 8 | 'noTags' | 'rank';
const indexed = (version: Indexes) => (db: IDBDatabase) => {
	const n = db.createObjectStore('notes', { keyPath: 'id' });
	n.createIndex('deckId', 'deckId');
	if (version === 7 || version === 8) n.createIndex('tags', 'tags', { multiEntry: true });
	const c = db.createObjectStore('cards', { keyPath: 'id' });
	if (version === 7) c.createIndex('deckId', 'deckId');
	if (version === 'rank') {
		c.createIndex('[deckId+queue+rank]', ['deckId', 'queue', 'rank']);
		return;
	}
	c.createIndex('[deckId+queue+dueMs]', ['deckId', 'queue', 'dueMs']);
	c.createIndex('[deckId+queue+newPosition]', ['deckId', 'queue', 'newPosition']);
};
/** The rows with the stored sort field the 'rank' design would add to every card. */
const ranked = {
	notes: data.notes,
	cards: data.cards.map((c) => ({ ...c, rank: c.queue === 0 ? c.newPosition : c.dueMs }))
};
/** Stored rows a variant reads or rewrites (untimed setup: not counted with the puts `nativePut` times). */
async function seed(db: IDBDatabase, store: string, list: object[]): Promise<void> {
	const tx = db.transaction(store, 'readwrite');
	for (const row of list) tx.objectStore(store).put(row);
	await new Promise((ok) => (tx.oncomplete = ok));
}
/**
 * A bulk suspend's write (issue 11): 10,000 of the cards, already stored, put again with queue -1 in one
 * transaction (what changes: the row and both queue indexes' entries). Only the put is timed.
 */
function suspend(version: Indexes): Variant {
	return async () => {
		const name = `rows-${n++}`;
		const db = await openNative(name, indexed(version));
		await seed(db, 'cards', data.cards);
		const ms = await nativePut(
			db,
			{ cards: data.cards.slice(0, 10_000).map((c) => ({ ...c, queue: -1 })) },
			'default'
		);
		db.close();
		await deleteDb(name);
		return ms;
	};
}
const bare = (db: IDBDatabase) => {
	db.createObjectStore('notes', { keyPath: 'id' });
	db.createObjectStore('cards', { keyPath: 'id' });
};
const tiny = {
	notes: data.notes.map((x) => ({ id: x.id })),
	cards: data.cards.map((x) => ({ id: x.id }))
};

const chunk = (list: { id: string }[], k: number) => {
	const out = [];
	for (let i = 0; i < list.length; i += k) out.push({ id: list[i]!.id, rows: list.slice(i, i + k) });
	return out;
};
const chunked10 = { notes: chunk(data.notes, 10), cards: chunk(data.cards, 10) };
/**
 * Schema v11's bulk suspend: 10,000 small suspension rows (keyed by card id) put into a store beside the
 * cards, without and with a `deckId` index; the card rows are not written.
 */
const suspensionRows = data.cards.slice(0, 10_000).map((c) => ({
	cardId: c.id,
	deckId: c.deckId,
	reason: 'user',
	changedMs: NOW,
	changedBy: 'device-0123456789abcdef'
}));
const suspensionStore = (deckIndex: boolean) => (db: IDBDatabase) => {
	const s = db.createObjectStore('suspensions', { keyPath: 'cardId' });
	if (deckIndex) s.createIndex('deckId', 'deckId');
};
/**
 * What dropping the `*tags` index costs on a read: the note ids of an exam limited to one tag
 * (settings.repo.ts, when study starts), from 20,000 stored notes with two tags each (2,000 carry "t3").
 * With the index (v11): the `*tags` index, filtered by deck. Without it: every note of the deck through
 * `deckId`, filtered by tag. Only the read is timed.
 */
function examTags(version: 8 | 'noTags'): Variant {
	return async () => {
		const name = `rows-${n++}`;
		const db = await openNative(name, indexed(version));
		await seed(db, 'notes', data.notes);
		const t0 = performance.now();
		const notes = db.transaction('notes', 'readonly').objectStore('notes');
		const read =
			version === 8
				? notes.index('tags').getAll(IDBKeyRange.only('t3'))
				: notes.index('deckId').getAll(IDBKeyRange.only(deckId));
		const rows = (await req(read)) as { id: string; deckId: string; tags: string[] }[];
		const ids = rows.filter((x) => x.deckId === deckId && x.tags.includes('t3')).map((x) => x.id);
		const ms = performance.now() - t0;
		if (ids.length !== NOTES / 10) throw new Error(`exam tags: ${ids.length} notes`);
		db.close();
		await deleteDb(name);
		return ms;
	};
}
const variants: Record<string, Variant> = {
	dexieDefault: dexie(false),
	dexieRelaxed: dexie(true),
	nativeV7: native(indexed(7)),
	nativeV8: native(indexed(8)),
	nativeNoTags: native(indexed('noTags')),
	nativeNoTagsRank: native(indexed('rank'), ranked),
	examTagsIndex: examTags(8),
	examTagsDeckRead: examTags('noTags'),
	suspendV7: suspend(7),
	suspendV8: suspend(8),
	nativeNoIndexes: native(bare),
	nativeNoIndexesTinyRows: native(bare, tiny),
	nativeNoIndexesChunk10: native(bare, chunked10),
	suspensionRowsNoIndex: native(suspensionStore(false), { suspensions: suspensionRows }),
	suspensionRowsDeckIndex: native(suspensionStore(true), { suspensions: suspensionRows })
};
const only = params.get('only')?.split(',');
const result: Record<string, number[]> = {};
try {
	for (let run = 0; run < Number(params.get('runs') ?? 2); run++)
		for (const [k, v] of Object.entries(variants))
			if (!only || only.includes(k)) (result[k] ??= []).push(Math.round(await v()));
	w.__benchResult = { rows: data.notes.length + data.cards.length, result, issueMs, durability };
} catch (e) {
	w.__benchResult = { error: String(e) };
}
w.__benchDone = true;
