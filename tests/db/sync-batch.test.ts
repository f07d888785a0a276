// Large changes (an import's notes, its history) are queued as ONE outbox row and expanded, in place,
// before anything reads the outbox by document: same rows, same order as one row per document.
import { describe, expect, it } from 'vitest';
import { KartkaDB } from '$lib/db/db';
import { countPending, expandBatches, outboxTable, trackBatch, trackChanges } from '$lib/db/sync-tracking.repo';

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
