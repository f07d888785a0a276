// Large changes (an import's notes, its history) are queued as ONE outbox row and expanded, in place,
// before anything reads the outbox by document: same rows, same order as one row per document.
import { describe, expect, it } from 'vitest';
import { KartkaDB } from '$lib/db/db';
import { addNewLogs, countPending, expandBatches, trackBatch } from '$lib/db/sync-outbox-batches.repo';
import { deviceIdOf, outboxTable, syncMetaTable, trackChanges } from '$lib/db/sync-tracking.repo';
import type { ReviewLogRow } from '$lib/domain/model';

const ids = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `note:d/${from + i}`);

describe('outbox batches', () => {
	it('a small change is queued one row per document', async () => {
		const db = new KartkaDB(`batch-small-${crypto.randomUUID()}`);
		await trackBatch(db, ids(3), 10);
		expect((await outboxTable(db).orderBy('seq').toArray()).map((r) => r.docId)).toEqual(ids(3));
		db.close();
	});

	it('a large change is one row until expanded, then the rows trackChanges would have written', async () => {
		const db = new KartkaDB(`batch-large-${crypto.randomUUID()}`);
		await trackChanges(db, ['note:d/0', 'deck:x'], 1); // queued before the batch
		await db.transaction('rw', outboxTable(db), () => trackBatch(db, ids(100), 2));
		await trackChanges(db, ['note:d/5'], 3); // changed again after the batch
		expect(await outboxTable(db).count()).toBe(4);
		expect(await countPending(db)).toBe(103);

		await expandBatches(db);
		const rows = await outboxTable(db).orderBy('seq').toArray();
		expect(rows.map((r) => r.docId)).toEqual([
			'deck:x',
			...ids(100).filter((id) => id !== 'note:d/5'),
			'note:d/5'
		]);
		expect(rows.every((r) => r.docIds === undefined)).toBe(true);
		expect(rows.find((r) => r.docId === 'note:d/0')!.changedMs).toBe(2);
		expect(rows.find((r) => r.docId === 'note:d/5')!.changedMs).toBe(3);
		expect(await countPending(db)).toBe(101);
		// Later changes still queue after everything, and expanding twice changes nothing.
		await trackChanges(db, ['note:d/7'], 4);
		await expandBatches(db);
		expect((await outboxTable(db).orderBy('seq').last())!.docId).toBe('note:d/7');
		expect(await outboxTable(db).count()).toBe(101);
		db.close();
	});

	it('two batches keep their order', async () => {
		const db = new KartkaDB(`batch-two-${crypto.randomUUID()}`);
		await trackBatch(db, ids(70), 1);
		await trackBatch(db, ids(70, 50), 2);
		await expandBatches(db);
		const rows = await outboxTable(db).orderBy('seq').toArray();
		expect(rows.map((r) => r.docId)).toEqual([...ids(50), ...ids(70, 50)]);
		expect(rows.filter((r) => r.changedMs === 2)).toHaveLength(70);
		db.close();
	});
});

describe('addNewLogs (an import history)', () => {
	const log = (i: number) =>
		({
			cardId: `d/n${i}#0`,
			noteId: `d/n${i}`,
			deckId: 'd',
			rating: 3,
			kind: 'review',
			reviewedMs: 100 + i,
			studyDay: 1,
			durationMs: 5,
			afterRev: 1
		}) as unknown as Omit<ReviewLogRow, 'id'>;

	it('writes each log once with its uid, never reusing an id the store handed out before', async () => {
		const db = new KartkaDB(`logs-${crypto.randomUUID()}`);
		const device = await deviceIdOf(db);
		// The newest log was deleted (an undone answer): its id must not come back.
		const gone = (await db.reviewLogs.add({ ...log(0) } as ReviewLogRow)) as number;
		await db.reviewLogs.delete(gone);
		await db.transaction('rw', [db.reviewLogs, outboxTable(db), syncMetaTable(db)], () =>
			addNewLogs(db, [log(1), log(2), log(3)])
		);
		const rows = (await db.reviewLogs.toArray()) as (ReviewLogRow & { uid: string })[];
		expect(rows.map((r) => r.id)).toEqual([gone + 1, gone + 2, gone + 3]);
		expect(rows.map((r) => r.uid)).toEqual(rows.map((r) => `${device}-${r.id}`));
		expect(rows.map((r) => r.cardId)).toEqual(['d/n1#0', 'd/n2#0', 'd/n3#0']);
		expect((await outboxTable(db).toArray()).map((r) => r.docId)).toEqual(rows.map((r) => `log:${r.uid}`));
		// The next answer's log gets a fresh id.
		expect(await db.reviewLogs.add({ ...log(4) } as ReviewLogRow)).toBe(gone + 4);
		db.close();
	});
});
