/**
 * Revisions of review-log documents, mostly without a syncRevs row (from schema v9 on). A review log
 * never changes: while it lives, its document's revision is `nextRev(null, logBody(log))`, which any
 * device computes from the row itself. So neither a push nor a pull writes a syncRevs row for such a
 * log (100,000 writes each way on a first sync of 100,000 logs). A row IS written whenever the revision
 * is anything else, and a row, when there is one, is what counts:
 * - a deleted log (its tombstone) and a log put back after a deletion (generation 2 and up);
 * - a manual log (replay rewrites its `after` schedule, so its content is not a safe key);
 * - a pulled log whose revision does not follow from the row it gives (written by another version);
 * - a log changed again while its push was in flight (markPushed, sync-store.repo.ts).
 * A log that is on the server is deleted here with that revision as the deletion's parent:
 * rememberLogRevs writes it down before the row goes. A log still waiting in the outbox as new never
 * reached the server (or is being sent: then markPushed writes the row), so it needs none.
 */
import { docId, kindOfDocId } from '$lib/domain/sync/doc-ids';
import { historyAfter, nextRev } from '$lib/domain/sync/revisions';
import { logBody, logFromBody } from '$lib/domain/sync/row-docs';
import type { IncomingDoc } from '$lib/domain/sync/sync-store';
import type { KartkaDB } from './db';
import type { OutboxRow, SyncedLogRow, SyncRevRow } from './sync-tracking.repo';

// By name, as sync-tracking.repo.ts reaches them (it imports this module: no import back at run time).
const outboxTable = (db: KartkaDB) => db.table<OutboxRow, number>('syncOutbox');
const syncRevsTable = (db: KartkaDB) => db.table<SyncRevRow, string>('syncRevs');

/** The revision a live log's document has without a syncRevs row; null for a manual log. */
export function impliedLogRev(log: SyncedLogRow): string | null {
	return log.kind === 'manual' ? null : nextRev(null, logBody(log));
}

/** A pulled document is a live log whose revision is the one its row implies (no syncRevs row needed). */
export function isImpliedLogDoc(doc: IncomingDoc, uid: string): boolean {
	const body = doc.body;
	if (!body || body.kind !== 'log' || body.reviewKind === 'manual' || !doc.rev.startsWith('1-')) return false;
	return impliedLogRev(logFromBody(uid, body) as SyncedLogRow) === doc.rev;
}

/**
 * A pulled batch's revisions (inside its transaction), except those of live logs whose revision their
 * row implies (above): of those, only a row already there (written before schema v9) is brought up to date.
 */
export async function putBatchRevs(db: KartkaDB, docs: IncomingDoc[], revDocIds?: ReadonlySet<string>) {
	const implied = new Set<string>();
	for (const doc of docs) {
		const found = kindOfDocId(doc.id);
		if (found?.kind === 'log' && isImpliedLogDoc(doc, found.key)) implied.add(doc.id);
	}
	const revs = syncRevsTable(db);
	const check = [...implied].filter((id) => !revDocIds || revDocIds.has(id));
	for (const row of await revs.bulkGet(check)) if (row) implied.delete(row.docId);
	await revs.bulkPut(
		docs.filter((d) => !implied.has(d.id)).map((d) => ({ docId: d.id, rev: d.rev, history: d.history }))
	);
}

/** The outbox rows of these documents, batch rows included (their ids are looked into). */
async function queuedRows(db: KartkaDB, ids: readonly string[]) {
	const outbox = outboxTable(db);
	const rows = ids.length
		? await outbox
				.where('docId')
				.anyOf([...ids])
				.toArray()
		: [];
	const queued = new Map(rows.map((r) => [r.docId, r]));
	const wanted = new Set(ids);
	for (const batch of await outbox.where('docId').startsWith('batch:').toArray())
		for (const id of batch.docIds ?? []) if (wanted.has(id) && !queued.has(id)) queued.set(id, batch);
	return queued;
}

/**
 * Before logs are deleted (and their deletion queued): writes down the revision each has on the server,
 * the parent of its deletion. Only for logs without a syncRevs row that are on the server: not queued,
 * or queued again by "Turn on sync" (`resend`). `pulledRev`: the revision of a log pulled in the batch
 * being applied (not in IndexedDB yet). Inside the caller's transaction (reviewLogs, syncOutbox, syncRevs).
 */
export async function rememberLogRevs(
	db: KartkaDB,
	logs: readonly SyncedLogRow[],
	pulledRev?: (uid: string) => string | undefined
): Promise<void> {
	const withUid = logs.filter((l): l is SyncedLogRow & { uid: string } => !!l.uid);
	if (withUid.length === 0) return;
	const ids = withUid.map((l) => docId('log', l.uid));
	const revs = syncRevsTable(db);
	const hasRow = new Set((await revs.bulkGet(ids)).filter((r) => r !== undefined).map((r) => r.docId));
	const queued = await queuedRows(db, ids);
	const rows: SyncRevRow[] = [];
	withUid.forEach((log, i) => {
		const id = ids[i]!;
		const row = queued.get(id);
		if (hasRow.has(id) || (row && !row.resend)) return;
		const rev = pulledRev?.(log.uid) ?? impliedLogRev(log);
		if (rev) rows.push({ docId: id, rev, history: historyAfter(rev, []) });
	});
	await revs.bulkPut(rows);
}
