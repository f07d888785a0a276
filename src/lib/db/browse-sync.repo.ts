/**
 * Writes one bulk action (or its undo) AND records its sync documents in the outbox, inside the caller's
 * transaction (which must include SYNC_TRACKING_TABLES): a change is never saved without being queued,
 * nor queued without being saved. What each action sends: domain/sync/bulk-sync.ts. Changes are recorded
 * whether or not sync is turned on, as answers and imports are: turning sync on later sends them.
 */
import type { BulkAction, BulkWrite } from '$lib/domain/browse/bulk-actions';
import type { ReviewLogRow } from '$lib/domain/model';
import { docId } from '$lib/domain/sync/doc-ids';
import { changesSuspension, stampSuspension } from '$lib/domain/sync/bulk-sync';
import type { SyncedCardRow } from '$lib/domain/sync/row-docs';
import type { KartkaDB } from './db';
import { applyHeldSuspensions, holdSuspensionsOfDeleted } from './sync-apply-deletions.repo';
import {
	deviceIdOf,
	outboxTable,
	syncMetaTable,
	syncRevsTable,
	type SyncedLogRow
} from './sync-tracking.repo';
import { addNewLogs, trackBatch } from './sync-outbox-batches.repo';
import { rememberLogRevs } from './sync-log-revs.repo';
import { suspensionsTable, writeSuspensionsOnly } from './suspended-cards.repo';

/** Every table a tracked bulk write touches. */
export function bulkTables(db: KartkaDB) {
	const tables = [db.cards, db.notes, db.reviewLogs, outboxTable(db), syncMetaTable(db), syncRevsTable(db)];
	return [...tables, suspensionsTable(db)];
}

export interface TrackedWrite {
	/** The action done (or undone): decides whether card suspensions are sent. */
	action: BulkAction;
	write: BulkWrite;
	nowMs: number;
	/**
	 * Restored cards (an undone delete): a suspension that was already a sync document is sent again, so a
	 * device that deleted the card gets it back with it; one pulled while they were gone is applied.
	 */
	resendSuspensions?: boolean;
}

/**
 * Writes `write` and queues its documents. Returns the ids of the logs it ADDED (new manual logs), which
 * "Undo" removes. Card suspensions of suspend / unsuspend are stamped here (time, device).
 */
export async function writeTracked(
	db: KartkaDB,
	{ action, write: w, nowMs, resendSuspensions }: TrackedWrite
) {
	const docs: string[] = [];
	let cardPuts = w.cardPuts;
	if (changesSuspension(action)) {
		const device = await deviceIdOf(db);
		cardPuts = cardPuts.map((c) => stampSuspension(c, nowMs, device));
		docs.push(...cardPuts.map((c) => docId('card', c.id)));
	} else if (resendSuspensions) {
		for (const c of cardPuts as SyncedCardRow[])
			if (c.suspendChangedMs !== undefined) docs.push(docId('card', c.id));
	}
	// A deleted log is sent as a deletion: its uid is read before it goes.
	if (w.logDeletes.length) {
		const gone = (await db.reviewLogs.bulkGet(w.logDeletes)) as (SyncedLogRow | undefined)[];
		for (const log of gone) if (log?.uid) docs.push(docId('log', log.uid));
		await rememberLogRevs(db, gone.filter((l) => !!l) as SyncedLogRow[]);
		await db.reviewLogs.bulkDelete(w.logDeletes);
	}
	if (w.cardDeletes.length) {
		await holdSuspensionsOfDeleted(db, await db.cards.bulkGet(w.cardDeletes));
		await db.cards.bulkDelete(w.cardDeletes);
	}
	if (w.noteDeletes.length) await db.notes.bulkDelete(w.noteDeletes);
	docs.push(...w.noteDeletes.map((id) => docId('note', id)));
	if (w.notePuts.length) await db.notes.bulkPut(w.notePuts);
	docs.push(...w.notePuts.map((n) => docId('note', n.id)));
	// Suspend / unsuspend (and their undo) change only the cards' suspensions: the card rows stay as they are.
	if (changesSuspension(action)) await writeSuspensionsOnly(db, cardPuts);
	else if (cardPuts.length) await db.cards.bulkPut(cardPuts);
	// Logs put back (an undone delete) keep their ids and uids; new logs get theirs (addNewLogs queues them).
	const restored = w.logPuts.filter((l) => l.id !== undefined) as SyncedLogRow[];
	const fresh = w.logPuts.filter((l) => l.id === undefined);
	if (restored.length) await db.reviewLogs.bulkPut(restored);
	for (const log of restored) if (log.uid) docs.push(docId('log', log.uid));
	const added = fresh.length ? await addNewLogs(db, fresh as Omit<ReviewLogRow, 'id'>[]) : [];
	await trackBatch(db, docs, nowMs);
	if (resendSuspensions) await applyHeldSuspensions(db, cardPuts, nowMs);
	return { added, cardPuts };
}
