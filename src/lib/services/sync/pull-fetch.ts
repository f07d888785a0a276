/**
 * Pull, the download half: one `_changes` page -> `_bulk_get` of the versions this device lacks ->
 * conflicts merged by the rules of domain/sync/conflict-rules.ts and the resolution written back. Kept
 * apart from replicator.ts (which applies batches in order) so that a download can run while the
 * previous batch is being applied.
 */
import { mergeVersions } from '$lib/domain/sync/conflict-rules';
import { compareLeaves, historyAfter, nextRev, revisionsOf } from '$lib/domain/sync/revisions';
import { parseSyncBody, type SyncBody } from '$lib/domain/sync/sync-docs';
import type { IncomingDoc, LocalSyncStore } from '$lib/domain/sync/sync-store';
import type { CouchHttp } from './couch-http';
import { decodeAttachment } from './attachments';

export type CouchDoc = Record<string, unknown> & { _id: string; _rev: string; _deleted?: boolean };
interface ChangesRow {
	id: string;
	seq: unknown;
	changes: { rev: string }[];
	deleted?: boolean;
}
interface BulkGetResult {
	id: string;
	docs: ({ ok: CouchDoc } | { error: unknown })[];
}

/** Leaves of one document from `_bulk_get`: parsed bodies, attachments decoded. */
function leavesOf(result: BulkGetResult) {
	return result.docs
		.filter((d): d is { ok: CouchDoc } => 'ok' in d)
		.map(({ ok }) => ({
			rev: ok._rev,
			deleted: ok._deleted === true,
			doc: ok,
			body: ok._deleted ? null : parseSyncBody(ok),
			history: ((ok._revisions as { ids?: string[] } | undefined)?.ids ?? []).slice()
		}));
}

/**
 * One document's server versions -> what to apply locally, plus the resolution to write back when
 * several live versions exist (the merged version on the winner, tombstones on the other leaves).
 */
function resolve(id: string, result: BulkGetResult): { incoming: IncomingDoc; writes: CouchDoc[] } | null {
	const leaves = leavesOf(result).sort(compareLeaves);
	const winner = leaves[0];
	if (!winner) return null;
	const live = leaves.filter((l) => !l.deleted && l.body);
	const attachmentOf = (doc: CouchDoc) =>
		decodeAttachment((doc._attachments as Record<string, unknown> | undefined)?.file);
	if (live.length <= 1) {
		const only = live[0] ?? winner;
		return {
			incoming: {
				id,
				rev: only.rev,
				history: only.history,
				body: only.deleted ? null : only.body,
				attachment: only.deleted ? undefined : attachmentOf(only.doc)
			},
			writes: []
		};
	}
	const merged = mergeVersions(live.map((l) => l.body as SyncBody)) ?? (winner.body as SyncBody);
	const rev = nextRev(winner.rev, merged);
	const history = historyAfter(rev, winner.history);
	const writes: CouchDoc[] = [
		{ ...merged, _id: id, _rev: rev, _revisions: revisionsOf(rev, winner.history) }
	];
	if (winner.doc._attachments) writes[0]!._attachments = winner.doc._attachments;
	for (const loser of live.slice(1)) {
		const tomb = nextRev(loser.rev, null, true);
		writes.push({ _id: id, _rev: tomb, _deleted: true, _revisions: revisionsOf(tomb, loser.history) });
	}
	return {
		incoming: { id, rev, history, body: merged, attachment: attachmentOf(winner.doc) },
		writes
	};
}

export type ChangesAnswer = { results: ChangesRow[]; last_seq: unknown; pending?: number };

/** One `_changes` page, downloaded and resolved: what to apply, up to which sequence. */
export interface FetchedBatch {
	incoming: IncomingDoc[];
	conflictsResolved: number;
	lastSeq: string;
	last: boolean;
	pending?: number;
}

/**
 * Downloads one batch: `_changes`, then `_bulk_get` of every version that is not an echo of `justWritten`,
 * then resolves conflicts (written back to the server). Only then does it ask the store which revisions
 * it already has: that read waits for the batch being applied (one IndexedDB transaction at a time), so
 * asking it last lets the whole download run while the previous batch is applied.
 */
export async function fetchBatch(
	http: CouchHttp,
	store: LocalSyncStore,
	changesAnswer: Promise<ChangesAnswer>,
	batchSize: number,
	just: Map<string, string> | undefined
): Promise<FetchedBatch | null> {
	const changes = await changesAnswer;
	const seqText = (seq: unknown) => (typeof seq === 'string' ? seq : JSON.stringify(seq));
	if (!Array.isArray(changes.results) || changes.results.length === 0) return null;
	const deletions: IncomingDoc[] = [];
	const wanted: { id: string; rev: string }[] = [];
	for (const row of changes.results) {
		const revs = row.changes.map((c) => c.rev);
		if (revs.length === 1 && just?.get(row.id) === revs[0]) continue; // our own write, echoed
		if (revs.length === 1 && row.deleted)
			deletions.push({ id: row.id, rev: revs[0]!, history: [], body: null });
		else for (const rev of revs) wanted.push({ id: row.id, rev });
	}
	const resolved: IncomingDoc[] = [];
	const writes: CouchDoc[] = [];
	let conflictsResolved = 0;
	if (wanted.length > 0) {
		const got = await http.post<{ results: BulkGetResult[] }>(
			'_bulk_get',
			{ docs: wanted },
			{ revs: true, attachments: true }
		);
		const byId = new Map<string, BulkGetResult>();
		for (const r of got.results ?? []) {
			const seen = byId.get(r.id);
			byId.set(r.id, seen ? { id: r.id, docs: [...seen.docs, ...r.docs] } : r);
		}
		for (const [id, result] of byId) {
			const one = resolve(id, result);
			if (!one) continue;
			if (one.writes.length > 0) conflictsResolved++;
			writes.push(...one.writes);
			resolved.push(one.incoming);
		}
	}
	if (writes.length > 0) await http.post('_bulk_docs', { docs: writes, new_edits: false });
	const candidates = [...deletions, ...resolved];
	const known = await store.knownRevs(candidates.filter((d) => !just?.has(d.id)).map((d) => d.id));
	const knownRev = (id: string) => just?.get(id) ?? known.get(id);
	return {
		// What this device already has (its own write, or applied before a cut) is not applied again.
		incoming: candidates.filter((d) => knownRev(d.id) !== d.rev),
		conflictsResolved,
		lastSeq: seqText(changes.last_seq),
		last: changes.results.length < batchSize,
		pending: changes.pending
	};
}
