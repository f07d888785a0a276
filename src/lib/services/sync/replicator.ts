/**
 * Kartka's replication client: the documented CouchDB replication protocol for our own documents.
 * Push: local changes -> `_revs_diff` (skipped for batches of new documents) -> `_bulk_docs` with `new_edits: false` (our revisions, with
 * their history). Pull: `_changes` since the checkpoint (style=all_docs: every leaf) -> `_bulk_get` of
 * what is new -> conflicts merged by the rules of domain/sync/conflict-rules.ts and the resolution
 * written back -> one local transaction per batch, with the checkpoint. Every loop is bounded (batch
 * size, batch count); a cut connection loses at most the batch in flight, which is sent again (same
 * deterministic revisions: never a duplicate) or fetched again from the checkpoint (never a gap).
 */
import { KartkaError } from '$lib/domain/errors';
import { historyAfter, nextRev, revisionsOf } from '$lib/domain/sync/revisions';
import type { CouchHttp } from './couch-http';
import { encodeAttachment } from './attachments';
import type { LocalSyncStore, OutgoingDoc, PendingBatch, WrittenRev } from '$lib/domain/sync/sync-store';
import { fetchBatch, type ChangesAnswer, type CouchDoc } from './pull-fetch';

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

const DEFAULT_BATCH = 500;
const DEFAULT_MAX_BATCHES = 10_000;

function toCouch(doc: OutgoingDoc, rev: string): CouchDoc {
	const out: CouchDoc = { ...(doc.body ?? {}), _id: doc.id, _rev: rev };
	out._revisions = revisionsOf(rev, doc.history);
	if (!doc.body) out._deleted = true;
	if (doc.attachment) out._attachments = { file: encodeAttachment(doc.attachment) };
	return out;
}

/**
 * Push. A batch of nothing but new documents without files goes straight to `_bulk_docs` (`new_edits:
 * false` leaves a revision the server already has unchanged, so re-sending such a batch after a cut is
 * harmless); any other batch asks `_revs_diff` first, as CouchDB's replicator does.
 * The next batch is read while the server stores this one, and this one is marked pushed while the next
 * is sent. The read comes before this batch's revisions are recorded, so a document it shares with an
 * earlier batch of this push (changed again meanwhile, or undone) takes its base revision from what this
 * push wrote, never the stale one it read (the earlier attempt without this ended with different counts
 * in the two-browser test: an answer undone mid-push was taken for never sent). The last, empty read
 * is done again after the last batch is recorded, so that nothing changed meanwhile waits a sync.
 */
export async function push(
	http: CouchHttp,
	store: LocalSyncStore,
	options: ReplicateOptions = {}
): Promise<{ pushed: number; written: Map<string, string> }> {
	const batchSize = options.batchSize ?? DEFAULT_BATCH;
	let pushed = 0;
	const allWritten = new Map<string, WrittenRev>();
	let marking: Promise<void> = Promise.resolve();
	let read: Promise<PendingBatch> | null = store.pending(batchSize);
	let readAfterMark = true;
	let large = false;
	try {
		for (let batchNo = 0; batchNo < (options.maxBatches ?? DEFAULT_MAX_BATCHES); batchNo++) {
			let batch: PendingBatch | null = read ? await read : null;
			if (!batch || (batch.docs.length === 0 && !readAfterMark)) {
				await marking;
				readAfterMark = true;
				batch = await (read = store.pending(batchSize));
			}
			if (batch.docs.length === 0) break;
			// A full batch: more to come. The next read is not issued yet, so it sees the whole set.
			if (!large && batch.docs.length >= batchSize && store.beginLargePush) {
				large = true;
				await store.beginLargePush();
			}
			const revs = new Map<string, string>();
			const written: WrittenRev[] = [];
			for (const doc of batch.docs) {
				const mine = allWritten.get(doc.id);
				const baseRev = mine?.rev ?? doc.baseRev;
				const history = mine?.history ?? doc.history;
				// Created and undone before it ever reached the server: nothing to send.
				if (!doc.body && !baseRev) continue;
				const rev = nextRev(baseRev, doc.body, !doc.body);
				revs.set(doc.id, rev);
				doc.baseRev = baseRev;
				doc.history = history;
				written.push({ id: doc.id, rev, history: historyAfter(rev, history) });
			}
			// A short batch was all there was: no read ahead (an incremental sync reads twice, as before).
			read = batch.docs.length >= batchSize ? store.pending(batchSize, batch.uptoSeq) : null;
			read?.catch(() => undefined); // awaited above; a failure is reported there
			readAfterMark = false;
			if (revs.size > 0) await send(http, batch.docs, revs);
			await marking;
			marking = store.markPushed(written, batch.uptoSeq);
			marking.catch(() => undefined); // awaited before the next one and at the end
			for (const w of written) allWritten.set(w.id, w);
			pushed += batch.docs.length;
			options.onProgress?.({ phase: 'push', done: pushed });
		}
		await marking;
	} finally {
		// Nothing of this push may outlive it (see allOrFirstError).
		await Promise.allSettled([read, marking]);
		if (large) store.endLargePush?.();
	}
	return { pushed, written: new Map([...allWritten].map(([id, w]) => [id, w.rev])) };
}

async function send(http: CouchHttp, docs: OutgoingDoc[], revs: Map<string, string>) {
	let toSend = docs.filter((d) => revs.has(d.id));
	// New documents (first revision, deterministic: sent again after a cut, it is the same one) go
	// straight to `_bulk_docs`: `new_edits: false` leaves a revision the server already has unchanged. A
	// first sync's notes skip a round trip that way (10,000 notes spent 2.5 s in it). Anything else asks
	// `_revs_diff` first, and a file is never uploaded twice.
	if (!toSend.every((d) => d.baseRev === null && !d.attachment)) {
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

/** Echo-only batches (our own writes coming back) save their checkpoint at most this often. */
const ECHO_CHECKPOINT_EVERY = 20;

/**
 * Pull. `justWritten` (id -> revision) is what the push before it wrote: those echoes are recognised
 * without reading IndexedDB. A batch of nothing but echoes writes nothing locally; its checkpoint is
 * saved with the next real batch, every ECHO_CHECKPOINT_EVERY batches, and at the end (re-reading
 * echoes after a cut is harmless). The remote checkpoint is read while the first `_changes` is asked.
 * The next batch is downloaded while this one is applied; batches are still applied one after the
 * other, each in its own transaction with its checkpoint, so a cut loses at most what was in flight.
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
	const since = remote && local ? local : '0';
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
	const fetchFrom = (from: string, answer = changesSince(from)) => {
		const fetched = fetchBatch(http, store, answer, batchSize, options.justWritten);
		fetched.catch(() => undefined); // awaited below; a failure is reported there
		return fetched;
	};
	let next = fetchFrom(since, early && since === local ? early : undefined);
	let large = false;
	try {
		for (let batchNo = 0; batchNo < (options.maxBatches ?? DEFAULT_MAX_BATCHES); batchNo++) {
			const batch = await next;
			if (!batch) break;
			next = batch.last ? Promise.resolve(null) : fetchFrom(batch.lastSeq);
			// Documents to apply and more than one more batch of them to come (CouchDB says how many;
			// pouchdb-server may not). Not for echoes of our own push, which are recognised in memory.
			const more = batch.pending ?? Infinity;
			if (!large && batch.incoming.length > 0 && !batch.last && more > batchSize && store.beginLargePull) {
				large = true;
				await store.beginLargePull(batch.pending);
			}
			conflictsResolved += batch.conflictsResolved;
			if (batch.incoming.length === 0 && !batch.last && ++echoBatches < ECHO_CHECKPOINT_EVERY) {
				unsaved = batch.lastSeq;
			} else {
				// The local apply and the remote checkpoint at once: the local checkpoint is the one resumed from.
				await allOrFirstError([store.applyRemote(batch.incoming, batch.lastSeq), saveRemote(batch.lastSeq)]);
				unsaved = null;
				echoBatches = 0;
			}
			pulled += batch.incoming.length;
			options.onProgress?.({ phase: 'pull', done: pulled, remaining: batch.pending });
			if (batch.last) break;
		}
	} finally {
		// Nothing of this pull may outlive it (see allOrFirstError), not even a download.
		await next.catch(() => undefined);
		if (large) store.endLargePull?.();
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
	const first = await push(http, store, options);
	let pushed = first.pushed;
	const { pulled, conflictsResolved } = await pull(http, store, { ...options, justWritten: first.written });
	// What the pull queued (the deletion of answers to a note deleted elsewhere, a merged version) goes
	// out now, not at the next sync: another device could otherwise keep an orphaned answer until then.
	if (pulled > 0 && (await store.pendingCount()) > 0) pushed += (await push(http, store, options)).pushed;
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
