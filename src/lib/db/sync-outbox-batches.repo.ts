/**
 * Sync's outbox in bulk: many documents changed at once (an import, a bulk action) queued as ONE batch row,
 * its expansion before sync reads the outbox, the pending count, and an import's history added with uids.
 * Apart from sync-tracking.repo.ts (what an answer needs), so the study screen's first card does not carry it.
 */
import { docId } from '$lib/domain/sync/doc-ids';
import type { ReviewLogRow } from '$lib/domain/model';
import type { KartkaDB } from './db';
import { deviceIdOf, outboxTable, trackChanges, type SyncedLogRow } from './sync-tracking.repo';

const BATCH_PREFIX = 'batch:';
/** Fewer documents than this are queued one row each (a batch row only pays off for large changes). */
const BATCH_MIN = 64;

/**
 * Queues many documents changed at once (an import's notes and history) as ONE outbox row holding their
 * ids: writing 20,000 outbox rows cost a large import about a quarter of its write time, where one row
 * costs nothing. The batch is expanded into ordinary rows, at its own place in the change order, before
 * anything reads the outbox by document (expandBatches: push, pull, turning sync on); until then the
 * pending count still counts each document. Same result as trackChanges, later.
 */
export async function trackBatch(db: KartkaDB, docIds: readonly string[], changedMs: number) {
	if (docIds.length < BATCH_MIN) return trackChanges(db, docIds, changedMs);
	await outboxTable(db).add({
		docId: `${BATCH_PREFIX}${crypto.randomUUID()}`,
		changedMs,
		docIds: [...docIds]
	});
}

/**
 * Turns every batch row into one row per document, in its place: keys between the batch's seq and the
 * next integer (IndexedDB keys may be fractional; the key generator only ever moves past integers), so
 * that the order of changes is what it would have been. A document queued again AFTER the batch keeps
 * that later row; one queued before it moves to the batch's place, as trackChanges would have done.
 * Its own transaction, or part of the caller's (which must include the outbox).
 */
export function expandBatches(db: KartkaDB): Promise<void> {
	const outbox = outboxTable(db);
	return db.transaction('rw', outbox, async () => {
		const batches = await outbox.where('docId').startsWith(BATCH_PREFIX).toArray();
		for (const batch of batches.sort((a, b) => a.seq! - b.seq!)) {
			const ids = [...new Set(batch.docIds ?? [])];
			const queued = await outbox.where('docId').anyOf(ids).toArray();
			const later = new Set(queued.filter((r) => r.seq! > batch.seq!).map((r) => r.docId));
			await outbox.bulkDelete([batch.seq!, ...queued.filter((r) => r.seq! < batch.seq!).map((r) => r.seq!)]);
			const kept = ids.filter((id) => !later.has(id));
			const step = 1 / (kept.length + 1);
			await outbox.bulkAdd(
				kept.map((docId, i) => ({ seq: batch.seq! + (i + 1) * step, docId, changedMs: batch.changedMs }))
			);
		}
	});
}

/**
 * Adds many new logs (an import's history) with their uids and queues them, writing each log ONCE: the
 * first is added to learn where the store's key generator stands; the rest take the next ids
 * explicitly (an explicit key moves the generator past it, so no id is ever handed out twice, and uids
 * stay `<device>-<id>` as trackNewLog makes them). Inside the caller's transaction. Returns their ids.
 */
export async function addNewLogs(db: KartkaDB, logs: Omit<ReviewLogRow, 'id'>[]): Promise<number[]> {
	if (logs.length === 0) return [];
	const device = await deviceIdOf(db);
	const firstId = (await db.reviewLogs.add({ ...logs[0]! } as ReviewLogRow)) as number;
	const rows: SyncedLogRow[] = logs.map((log, i) => ({
		...log,
		id: firstId + i,
		uid: `${device}-${firstId + i}`
	}));
	await db.reviewLogs.put(rows[0]!);
	await db.reviewLogs.bulkAdd(rows.slice(1));
	await trackBatch(
		db,
		rows.map((l) => docId('log', l.uid!)),
		logs[0]!.reviewedMs
	);
	return rows.map((l) => l.id!);
}

/** Documents waiting to be sent (a batch row counts each of its documents). */
export async function countPending(db: KartkaDB): Promise<number> {
	const outbox = outboxTable(db);
	return db.transaction('r', outbox, async () => {
		const rows = await outbox.count();
		const batches = await outbox.where('docId').startsWith(BATCH_PREFIX).toArray();
		return batches.reduce((n, b) => n + (b.docIds?.length ?? 0) - 1, rows);
	});
}
