/**
 * Change tracking for sync (schema v6). Every user change that syncs records its document id in the
 * outbox INSIDE the transaction that makes the change, so a change is never saved without being
 * queued, nor queued without being saved. Tables are reached by name (`db.table`), as media are.
 */
import type { Table } from 'dexie';
import { newDeviceId } from '$lib/domain/sync/log-ids';
import { docId } from '$lib/domain/sync/doc-ids';
import type { ReviewLogRow } from '$lib/domain/model';
import type { KartkaDB } from './db';

export interface OutboxRow {
	seq?: number;
	docId: string;
	/** When the change was made (the document's edit time, for "latest edit wins"). */
	changedMs: number;
	/** A batch row (docId `batch:…`, see trackBatch): the documents it stands for. */
	docIds?: string[];
	/** Queued again by "Turn on sync": the document may be on the server already (sync-log-revs.repo.ts). */
	resend?: boolean;
}

export interface SyncRevRow {
	docId: string;
	rev: string;
	/** Revision hashes, newest first (this revision's own hash first). */
	history: string[];
}

export interface SyncMetaRow {
	key: string;
	value: unknown;
}

/** The tables a transaction that records sync changes must include. */
export const SYNC_TRACKING_TABLES = ['syncOutbox', 'syncMeta'] as const;

export const outboxTable = (db: KartkaDB) => db.table<OutboxRow, number>('syncOutbox');
export const syncRevsTable = (db: KartkaDB) => db.table<SyncRevRow, string>('syncRevs');
export const syncMetaTable = (db: KartkaDB) => db.table<SyncMetaRow, string>('syncMeta');

/** Review logs carry their globally unique id from schema v6 on. */
export type SyncedLogRow = ReviewLogRow & { uid?: string };

/**
 * This device's id: made once (random) and kept in syncMeta. Always read from the table (no cache):
 * inside a Dexie transaction, awaiting a promise that is not Dexie's commits the transaction early.
 */
export async function deviceIdOf(db: KartkaDB): Promise<string> {
	const meta = syncMetaTable(db);
	let id = (await meta.get('deviceId'))?.value as string | undefined;
	if (!id) {
		id = newDeviceId(crypto.getRandomValues(new Uint8Array(16)));
		await meta.put({ key: 'deviceId', value: id });
	}
	return id;
}

export async function getSyncMeta<T>(db: KartkaDB, key: string): Promise<T | undefined> {
	return (await syncMetaTable(db).get(key))?.value as T | undefined;
}

export async function putSyncMeta(db: KartkaDB, key: string, value: unknown): Promise<void> {
	await syncMetaTable(db).put({ key, value });
}

/**
 * Queues documents as changed at `changedMs` (the latest change of a document replaces earlier ones).
 * `resend`: documents that may already be on the server (see OutboxRow).
 */
export async function trackChanges(
	db: KartkaDB,
	docIds: readonly string[],
	changedMs: number,
	resend = false
) {
	if (docIds.length === 0) return;
	const outbox: Table<OutboxRow, number> = outboxTable(db);
	await outbox
		.where('docId')
		.anyOf([...docIds])
		.delete();
	await outbox.bulkAdd(docIds.map((id) => ({ docId: id, changedMs, ...(resend ? { resend } : {}) })));
}

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

/** Gives a just-added log its globally unique id and queues it (inside the answer's transaction). */
export async function trackNewLog(db: KartkaDB, log: SyncedLogRow): Promise<void> {
	log.uid ??= `${await deviceIdOf(db)}-${log.id}`;
	await db.reviewLogs.update(log.id!, { uid: log.uid } as Partial<ReviewLogRow>);
	await trackChanges(db, [docId('log', log.uid)], log.reviewedMs);
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

/**
 * Queues the deletion of a log (undo), inside the undo's transaction (which includes syncRevs: the
 * revision the server has of the log is written down first, by `remember`: sync-log-revs.repo.ts's
 * rememberLogRevs, which the undo loads before its transaction, see loadLogRevs).
 */
export async function trackRemovedLog(
	db: KartkaDB,
	log: SyncedLogRow,
	nowMs: number,
	remember: RememberLogRevs
): Promise<void> {
	await remember(db, [log]);
	if (log.uid) await trackChanges(db, [docId('log', log.uid)], nowMs);
}

export type RememberLogRevs = (db: KartkaDB, logs: readonly SyncedLogRow[]) => Promise<void>;

/**
 * The revision bookkeeping of an undo (sync-log-revs.repo.ts, with the revision hash and the log document
 * shape) is not needed for the first card: the study screen's undo loads it before opening its
 * transaction (an import awaited inside one would let IndexedDB commit it early). The service worker
 * installs it with the study screen (study-shell.server.ts), so an undo works offline from the first visit.
 */
export async function loadLogRevs(): Promise<RememberLogRevs> {
	return (await import('./sync-log-revs.repo')).rememberLogRevs;
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

/**
 * The logs with these uids, fast. A log made on this device has the uid `<this device>-<its local id>`:
 * those are read by primary key (one range read when the ids are dense, as in a push batch); the
 * others by their uid index, as parallel point reads (one index cursor walking a thousand keys, as
 * `anyOf` does, waits for each step). Every row is checked against the uid asked for. `present`: when
 * given, the only uids that can be on this device (a large pull reads them once): no others are looked up.
 */
export async function logsByUid(
	db: KartkaDB,
	uids: readonly string[],
	me: string,
	present?: ReadonlySet<string>
): Promise<SyncedLogRow[]> {
	if (uids.length === 0) return [];
	const prefix = `${me}-`;
	const wanted = new Set(uids);
	const own: number[] = [];
	let others: string[] = [];
	for (const uid of uids) {
		const id = uid.startsWith(prefix) ? Number(uid.slice(prefix.length)) : NaN;
		if (Number.isSafeInteger(id) && id > 0) own.push(id);
		else others.push(uid);
	}
	const found: SyncedLogRow[] = [];
	if (own.length) {
		const min = Math.min(...own);
		const max = Math.max(...own);
		const rows = (
			max - min < own.length * 2
				? await db.reviewLogs.where(':id').between(min, max, true, true).toArray()
				: (await db.reviewLogs.bulkGet(own)).filter((l) => l !== undefined)
		) as SyncedLogRow[];
		const hit = new Set<string>();
		for (const row of rows)
			if (row.uid && wanted.has(row.uid) && row.uid.startsWith(prefix)) {
				found.push(row);
				hit.add(row.uid);
			}
		// A uid of this device whose local id differs (made before ids were uids): by the index.
		for (const id of own) if (!hit.has(`${prefix}${id}`)) others.push(`${prefix}${id}`);
	}
	const table = db.reviewLogs;
	if (present) others = others.filter((uid) => present.has(uid));
	const rest = await Promise.all(others.map((uid) => table.where('uid').equals(uid).first()));
	for (const row of rest as (SyncedLogRow | undefined)[]) if (row) found.push(row);
	return found;
}
