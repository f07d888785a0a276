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

/** Gives a just-added log its globally unique id and queues it (inside the answer's transaction). */
export async function trackNewLog(db: KartkaDB, log: SyncedLogRow): Promise<void> {
	log.uid ??= `${await deviceIdOf(db)}-${log.id}`;
	await db.reviewLogs.update(log.id!, { uid: log.uid } as Partial<ReviewLogRow>);
	await trackChanges(db, [docId('log', log.uid)], log.reviewedMs);
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
