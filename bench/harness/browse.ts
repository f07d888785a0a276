// Browse on the seeded collection: loading the search rows, two searches (each beside the raw indexed
// read it is bounded by), and a bulk suspend of 10,000 cards (one transaction) with its undo.
import { appDb } from '$lib/db/db';
import { allBrowseRows } from '$lib/db/browse.repo';
import { compileSearch } from '$lib/domain/browse/search-match';
import { parseSearch } from '$lib/domain/browse/search-query';
import { Queue } from '$lib/domain/model';
import { endOfStudyDayAt } from '$lib/domain/study-day';
import { runBrowseAction, undoBrowseAction } from '$lib/services/browse.service';

const w = window as unknown as { __benchResult: unknown; __benchDone: boolean };
const db = appDb();
const now = Date.now();
const CUTOFF = 4;

function quantile(xs: number[], q: number): number {
	const s = [...xs].sort((a, b) => a - b);
	return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
}
async function timeIt(runs: number, fn: () => unknown): Promise<number[]> {
	const out: number[] = [];
	for (let i = 0; i < runs; i++) {
		const t = performance.now();
		await fn();
		out.push(performance.now() - t);
	}
	return out;
}

await db.open();
let t = performance.now();
const rows = await allBrowseRows(db);
const loadMs = performance.now() - t;

const ctx = { nowMs: now, dayCutoffHour: CUTOFF, retrievability: () => 0.9 };
function search(query: string): number {
	const parsed = parseSearch(query);
	if (!parsed.ok) throw new Error(parsed.message);
	return rows.filter(compileSearch(parsed.node, ctx)).length;
}
const searches: Record<string, { p50: number; p95: number; found: number }> = {};
for (const q of ['tag:cause is:due', 'number 4242', 'happened']) {
	search(q);
	const ms = await timeIt(21, () => search(q));
	searches[q] = { p50: quantile(ms, 0.5), p95: quantile(ms, 0.95), found: search(q) };
}

// Raw indexed reads: notes tagged "cause" and review cards due today (what tag:cause is:due needs).
const end = endOfStudyDayAt(now, CUTOFF);
// (Schema v7 dropped the cross-deck [queue+dueMs] index: due cards are read deck by deck.)
const deckIds = (await db.decks.toCollection().primaryKeys()) as string[];
const rawTagDue = await timeIt(11, () =>
	db.transaction('r', db.notes, db.cards, () =>
		Promise.all([
			db.notes.where('tags').equals('cause').primaryKeys(),
			...deckIds.map((d) =>
				db.cards
					.where('[deckId+queue+dueMs]')
					.between([d, Queue.Review, -Infinity], [d, Queue.Review, end])
					.primaryKeys()
			)
		])
	)
);
// A free word has no index: the raw bound is one read of every note.
const rawAllNotes = await timeIt(3, () => db.notes.toArray());

// Bulk suspend of 10,000 cards, one transaction each time; undone after each run.
const ids = rows
	.filter((r) => r.card.queue !== Queue.Suspended)
	.slice(0, 10_000)
	.map((r) => r.card.id);
const suspendMs: number[] = [];
const undoMs: number[] = [];
for (let i = 0; i < 3; i++) {
	t = performance.now();
	const { record } = await runBrowseAction(db, ids, { kind: 'suspend' }, now, CUTOFF);
	suspendMs.push(performance.now() - t);
	t = performance.now();
	await undoBrowseAction(db, record, now);
	undoMs.push(performance.now() - t);
}
// Where a suspend's time goes (session 8: it reads no card row): the 10,000 selected cards' keys and the
// suspension rows of the same key range; then 10,000 suspension rows put through Dexie, beside a native
// put loop (each one transaction, deleted again after each run).
const sorted = [...ids].sort();
const readSelection = await timeIt(3, () =>
	db.transaction('r', db.cards, db.suspensions, () =>
		Promise.all([
			db.cards.where(':id').between(sorted[0]!, sorted.at(-1)!, true, true).primaryKeys(),
			db.suspensions.where(':id').between(sorted[0]!, sorted.at(-1)!, true, true).toArray()
		])
	)
);
const suspensionRows = ids.map((id) => ({
	id,
	suspended: true,
	reason: 'user' as const,
	userSuspended: true,
	suspendChangedMs: now,
	suspendChangedBy: 'bench'
}));
const idb = db.backendDB();
const putDexie = () => db.transaction('rw', db.suspensions, () => db.suspensions.bulkPut(suspensionRows));
const putNative = () =>
	new Promise((ok, fail) => {
		const tx = idb.transaction('suspensions', 'readwrite');
		const store = tx.objectStore('suspensions');
		for (const row of suspensionRows) store.put(row);
		tx.oncomplete = ok;
		tx.onerror = fail;
	});
const putSuspensions: number[] = [];
const nativePutSuspensions: number[] = [];
for (let i = 0; i < 3; i++)
	for (const [put, times] of [
		[putDexie, putSuspensions],
		[putNative, nativePutSuspensions]
	] as const) {
		t = performance.now();
		await put();
		times.push(performance.now() - t);
		await db.suspensions.bulkDelete(ids);
	}
const rawPut = await timeIt(3, async () => {
	const cards = await db.cards.bulkGet(ids);
	await db.cards.bulkPut(cards.map((c) => c!));
});

w.__benchResult = {
	rows: rows.length,
	loadMs,
	searches,
	rawTagDueP50: quantile(rawTagDue, 0.5),
	rawAllNotesP50: quantile(rawAllNotes, 0.5),
	suspendP50: quantile(suspendMs, 0.5),
	undoP50: quantile(undoMs, 0.5),
	rawPutP50: quantile(rawPut, 0.5),
	readSelectionP50: quantile(readSelection, 0.5),
	putSuspensionsP50: quantile(putSuspensions, 0.5),
	nativePutSuspensionsP50: quantile(nativePutSuspensions, 0.5),
	bulkCards: ids.length
};
db.close();
w.__benchDone = true;
