/**
 * Kartka's replication client: the documented CouchDB replication protocol for our own documents.
 * Push: local changes -> `_revs_diff` (skipped for batches of new logs) -> `_bulk_docs` with `new_edits: false` (our revisions, with
 * their history). Pull: `_changes` since the checkpoint (style=all_docs: every leaf) -> `_bulk_get` of
 * what is new -> conflicts merged by the rules of domain/sync/conflict-rules.ts and the resolution
 * written back -> one local transaction per batch, with the checkpoint. Every loop is bounded (batch
 * size, batch count); a cut connection loses at most the batch in flight, which is sent again (same
 * deterministic revisions: never a duplicate) or fetched again from the checkpoint (never a gap).
 */
import { KartkaError } from '$lib/domain/errors';
import { mergeVersions } from '$lib/domain/sync/conflict-rules';
import { compareLeaves, historyAfter, nextRev, revisionsOf } from '$lib/domain/sync/revisions';
import { parseSyncBody, type SyncBody } from '$lib/domain/sync/sync-docs';
import type { CouchHttp } from './couch-http';
import { decodeAttachment, encodeAttachment } from './attachments';
import type { IncomingDoc, LocalSyncStore, OutgoingDoc, WrittenRev } from '$lib/domain/sync/sync-store';

export interface SyncProgress {
	phase: 'push' | 'pull';
	/** Documents done in this phase so far. */
	done: number;
	/** Documents the server still has to send, when it says (CouchDB's `pending`). */
	remaining?: number;
}

export interface ReplicateOptions {
	batchSize?: number;
	/** Upper bound on batches per phase, so a misbehaving server cannot keep the loop going forever. */
	maxBatches?: number;
	onProgress?: (progress: SyncProgress) => void;
}

export interface SyncSummary {
	pushed: number;
	pulled: number;
	conflictsResolved: number;
}

type CouchDoc = Record<string, unknown> & { _id: string; _rev: string; _deleted?: boolean };
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

const DEFAULT_BATCH = 500;
const DEFAULT_MAX_BATCHES = 10_000;

function seqText(seq: unknown): string {
	return typeof seq === 'string' ? seq : JSON.stringify(seq);
}

function toCouch(doc: OutgoingDoc, rev: string): CouchDoc {
	const out: CouchDoc = { ...(doc.body ?? {}), _id: doc.id, _rev: rev };
	out._revisions = revisionsOf(rev, doc.history);
	if (!doc.body) out._deleted = true;
	if (doc.attachment) out._attachments = { file: encodeAttachment(doc.attachment) };
	return out;
}

/**
 * Push. A batch of nothing but new review logs goes straight to `_bulk_docs` (`new_edits: false` leaves a
 * revision the server already has unchanged, so re-sending such a batch after a cut is harmless); any
 * other batch asks `_revs_diff` first, as CouchDB's replicator does. (Reading the next batch while the
 * server stores this one was tried and dropped: the two-browser test then ended with different counts.)
 */
export async function push(
	http: CouchHttp,
	store: LocalSyncStore,
	options: ReplicateOptions = {}
): Promise<{ pushed: number; written: Map<string, string> }> {
	const batchSize = options.batchSize ?? DEFAULT_BATCH;
	let pushed = 0;
	const allWritten = new Map<string, string>();
	for (let batchNo = 0; batchNo < (options.maxBatches ?? DEFAULT_MAX_BATCHES); batchNo++) {
		const batch = await store.pending(batchSize);
		if (batch.docs.length === 0) break;
		const revs = new Map<string, string>();
		const written: WrittenRev[] = [];
		for (const doc of batch.docs) {
			// Created and undone before it ever reached the server: nothing to send.
			if (!doc.body && !doc.baseRev) continue;
			const rev = nextRev(doc.baseRev, doc.body, !doc.body);
			revs.set(doc.id, rev);
			written.push({ id: doc.id, rev, history: historyAfter(rev, doc.history) });
		}
		if (revs.size > 0) await send(http, batch.docs, revs);
		await store.markPushed(written, batch.uptoSeq);
		for (const w of written) allWritten.set(w.id, w.rev);
		pushed += batch.docs.length;
		options.onProgress?.({ phase: 'push', done: pushed });
	}
	return { pushed, written: allWritten };
}

async function send(http: CouchHttp, docs: OutgoingDoc[], revs: Map<string, string>) {
	let toSend = docs.filter((d) => revs.has(d.id));
	// New review logs (first revision, immutable, only ever deleted by this device) can simply be sent
	// again after a cut: `new_edits: false` leaves a revision the server has unchanged. Anything else
	// asks `_revs_diff` first.
	if (!toSend.every((d) => d.baseRev === null && d.id.startsWith('log:') && !d.attachment)) {
		const diff = await http.post<Record<string, { missing?: string[] }>>(
			'_revs_diff',
			Object.fromEntries([...revs].map(([id, rev]) => [id, [rev]]))
		);
		// After a cut connection, files that already arrived are not sent twice.
		toSend = toSend.filter((d) => diff[d.id]?.missing?.includes(revs.get(d.id)!));
	}
	if (toSend.length === 0) return;
	const result = await http.post<unknown[]>('_bulk_docs', {
		docs: toSend.map((d) => toCouch(d, revs.get(d.id)!)),
		new_edits: false
	});
	const failed = (Array.isArray(result) ? result : []).find(
		(r) => (r as { error?: unknown }).error !== undefined
	) as { id?: string; reason?: string } | undefined;
	if (failed) throw new KartkaError('sync-server', `The server refused ${failed.id}: ${failed.reason ?? ''}`);
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

type ChangesAnswer = { results: ChangesRow[]; last_seq: unknown; pending?: number };

/** Echo-only batches (our own writes coming back) save their checkpoint at most this often. */
const ECHO_CHECKPOINT_EVERY = 20;

/**
 * Pull. `justWritten` (id -> revision) is what the push before it wrote: those echoes are recognised
 * without reading IndexedDB. A batch of nothing but echoes writes nothing locally; its checkpoint is
 * saved with the next real batch, every ECHO_CHECKPOINT_EVERY batches, and at the end (re-reading
 * echoes after a cut is harmless). The remote checkpoint is read while the first `_changes` is asked.
 */
export async function pull(
	http: CouchHttp,
	store: LocalSyncStore,
	options: ReplicateOptions & { justWritten?: Map<string, string> } = {}
) {
	const batchSize = options.batchSize ?? DEFAULT_BATCH;
	const [deviceId, local] = await Promise.all([store.deviceId(), store.pullCheckpoint()]);
	const checkpointId = `_local/kartka-${deviceId}`;
	const changesSince = (since: string) =>
		http.get<ChangesAnswer>('_changes', { since, limit: batchSize, style: 'all_docs' });
	const early = local ? changesSince(local) : null;
	early?.catch(() => undefined);
	const remote = await http.request<{ _rev?: string; last_seq?: string }>('GET', checkpointId, {
		allow404: true
	});
	// A database without our checkpoint (new, or re-created): start over; applying is idempotent.
	let since = remote && local ? local : '0';
	let checkpointRev = remote?._rev;
	let pulled = 0;
	let conflictsResolved = 0;
	let unsaved: string | null = null;
	let echoBatches = 0;
	const saveRemote = async (lastSeq: string) => {
		const saved = await http.request<{ rev: string }>('PUT', checkpointId, {
			body: { _id: checkpointId, ...(checkpointRev ? { _rev: checkpointRev } : {}), last_seq: lastSeq }
		});
		checkpointRev = saved?.rev;
	};
	for (let batchNo = 0; batchNo < (options.maxBatches ?? DEFAULT_MAX_BATCHES); batchNo++) {
		const changes = await (batchNo === 0 && early && since === local ? early : changesSince(since));
		if (!Array.isArray(changes.results) || changes.results.length === 0) break;
		const ids = changes.results.map((r) => r.id);
		const just = options.justWritten;
		const known = await store.knownRevs(just ? ids.filter((id) => !just.has(id)) : ids);
		if (just) for (const id of ids) if (just.has(id)) known.set(id, just.get(id)!);
		const incoming: IncomingDoc[] = [];
		const wanted: { id: string; rev: string }[] = [];
		for (const row of changes.results) {
			const revs = row.changes.map((c) => c.rev);
			if (revs.length === 1 && known.get(row.id) === revs[0]) continue; // our own write, echoed
			if (revs.length === 1 && row.deleted) {
				incoming.push({ id: row.id, rev: revs[0]!, history: [], body: null });
				continue;
			}
			for (const rev of revs) wanted.push({ id: row.id, rev });
		}
		const writes: CouchDoc[] = [];
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
				const resolved = resolve(id, result);
				if (!resolved) continue;
				if (resolved.writes.length > 0) conflictsResolved++;
				writes.push(...resolved.writes);
				if (known.get(id) !== resolved.incoming.rev) incoming.push(resolved.incoming);
			}
		}
		if (writes.length > 0) await http.post('_bulk_docs', { docs: writes, new_edits: false });
		const lastSeq = seqText(changes.last_seq);
		const last = changes.results.length < batchSize;
		if (incoming.length === 0 && !last && ++echoBatches < ECHO_CHECKPOINT_EVERY) {
			unsaved = lastSeq;
		} else {
			// The local apply and the remote checkpoint at once: the local checkpoint is the one resumed from.
			await allOrFirstError([store.applyRemote(incoming, lastSeq), saveRemote(lastSeq)]);
			unsaved = null;
			echoBatches = 0;
		}
		since = lastSeq;
		pulled += incoming.length;
		options.onProgress?.({ phase: 'pull', done: pulled, remaining: changes.pending });
		if (last) break;
	}
	if (unsaved) await allOrFirstError([store.applyRemote([], unsaved), saveRemote(unsaved)]);
	return { pulled, conflictsResolved };
}

/** A full sync: push local changes first (so that the pull sees and resolves any conflict), then pull. */
export async function replicate(
	http: CouchHttp,
	store: LocalSyncStore,
	options: ReplicateOptions = {}
): Promise<SyncSummary> {
	const { pushed, written } = await push(http, store, options);
	const { pulled, conflictsResolved } = await pull(http, store, { ...options, justWritten: written });
	return { pushed, pulled, conflictsResolved };
}

/**
 * Waits for every step, then fails with the first failure. Promise.all would fail as soon as the server
 * step fails (connection lost) while the local write still runs: a write that outlives its sync races
 * the next answer (found by the convergence property test).
 */
async function allOrFirstError(steps: readonly Promise<unknown>[]): Promise<void> {
	const failed = (await Promise.allSettled(steps)).find((r) => r.status === 'rejected');
	if (failed) throw failed.reason;
}
