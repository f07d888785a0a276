/**
 * The device's side of replication over Dexie: reads the outbox into documents (push), remembers the
 * revisions the server has, and hands pulled batches to sync-apply.repo.ts. Implements LocalSyncStore.
 */
import { KartkaError } from '$lib/domain/errors';
import { replayOrderCreatedMs } from './sync-replay.repo';
import { kindOfDocId, MAX_MEDIA_BYTES, type MediaBody, type SyncBody } from '$lib/domain/sync/sync-docs';
import type {
	IncomingDoc,
	LocalSyncStore,
	OutgoingDoc,
	PendingBatch,
	WrittenRev
} from '$lib/domain/sync/sync-store';
import {
	deckBody,
	logBody,
	noteBody,
	noteTombstone,
	settingBody,
	type SyncedCardRow,
	type SyncedNoteRow
} from '$lib/domain/sync/row-docs';
import type { KartkaDB } from './db';
import { applyRemoteBatch } from './sync-apply.repo';
import { buildExamKindDoc, isExamKind } from './sync-exam.repo';
import {
	deviceIdOf,
	getSyncMeta,
	outboxTable,
	syncRevsTable,
	type OutboxRow,
	type SyncRevRow
} from './sync-tracking.repo';
import { countPending, expandBatches } from './sync-outbox-batches.repo';
import { logsByUid } from './sync-logs-by-uid.repo';

/** A note's document: the row read with the batch (notesFor), or its tombstone. */
function noteDoc(
	key: string,
	row: OutboxRow,
	me: string,
	notes: Map<string, { note: SyncedNoteRow; createdMs: number }>
): SyncBody {
	const entry = notes.get(key);
	return entry
		? noteBody(entry.note, entry.createdMs, row.changedMs, me)
		: noteTombstone(key, row.changedMs, me);
}

export class DexieSyncStore implements LocalSyncStore {
	/**
	 * During a large pull (beginLargePull): the document ids with a known revision and the log uids on
	 * this device, read once, plus what the pull has applied since. Only ids in them are looked up one by
	 * one; an id outside them cannot be on the device, except through a change made meanwhile by another
	 * tab, which at worst applies a document again (idempotent) or refuses a batch (the unique uid index),
	 * never writes it twice.
	 */
	private pulling: { docIds: Set<string> | null; uids: Set<string> | null } | null = null;

	constructor(private readonly db: KartkaDB) {}

	/**
	 * Each set is read only when reading it costs less than the lookups it saves: the pull is expected to
	 * bring more documents than the table holds rows (always on a new device). Reading a large uid index
	 * walks it key by key.
	 */
	async beginLargePull(expectedDocs = Infinity): Promise<void> {
		const { db } = this;
		await db.transaction('r', [syncRevsTable(db), db.reviewLogs], async () => {
			const revRows = await syncRevsTable(db).count();
			const logRows = await db.reviewLogs.count();
			const docIds =
				revRows <= expectedDocs ? ((await syncRevsTable(db).toCollection().primaryKeys()) as string[]) : null;
			const uids = logRows <= expectedDocs ? ((await db.reviewLogs.orderBy('uid').keys()) as string[]) : null;
			this.pulling = { docIds: docIds && new Set(docIds), uids: uids && new Set(uids) };
		});
	}

	endLargePull(): void {
		this.pulling = null;
	}

	/**
	 * During a large push: the document ids with a known revision, read once, so that a batch of new
	 * documents does not look up each one. The push itself knows what it wrote since (replicator.ts).
	 */
	private pushing: Set<string> | null = null;

	async beginLargePush(): Promise<void> {
		this.pushing = new Set((await syncRevsTable(this.db).toCollection().primaryKeys()) as string[]);
	}

	endLargePush(): void {
		this.pushing = null;
	}

	deviceId(): Promise<string> {
		return deviceIdOf(this.db);
	}

	/** This device's id, read once per store (it never changes once made). */
	private me: string | null = null;

	/**
	 * Reads the batch in one read-only transaction. Batch rows (trackBatch) are expanded first, but only
	 * when the range read holds one: expanding takes a read-write transaction, which would otherwise wait
	 * for the previous batch's markPushed at every read of a push.
	 */
	async pending(limit: number, afterSeq?: number): Promise<PendingBatch> {
		this.me ??= await deviceIdOf(this.db);
		for (let attempt = 0; attempt < 3; attempt++) {
			const batch = await this.readPending(limit, afterSeq, this.me);
			if (batch) return batch;
			await expandBatches(this.db);
		}
		throw new KartkaError('sync-outbox', 'Changes kept being queued while they were read: sync again.');
	}

	private readPending(limit: number, afterSeq: number | undefined, me: string): Promise<PendingBatch | null> {
		const { db } = this;
		return db.transaction('r', db.tables, async () => {
			const outbox = outboxTable(db);
			const after = afterSeq === undefined ? outbox.orderBy('seq') : outbox.where('seq').above(afterSeq);
			const rows = await after.limit(limit).toArray();
			if (rows.some((r) => r.docIds)) return null;
			if (rows.length === 0) return { docs: [], uptoSeq: 0 };
			// One query for all the batch's logs (a lookup per log is far slower on a first sync).
			const uids = rows
				.map((r) => kindOfDocId(r.docId))
				.filter((k) => k?.kind === 'log')
				.map((k) => k!.key);
			// The batch's logs and notes at once (one wait for IndexedDB, not two).
			const [logRows, notes] = await Promise.all([logsByUid(db, uids, me), this.notesFor(rows)]);
			const logs = new Map(logRows.map((l) => [l.uid!, l]));
			// A deleted log's row may have been written during this push (rememberLogRevs): always looked up.
			const known = this.pushing;
			const gone = (id: string) => id.startsWith('log:') && !logs.has(id.slice(4));
			const revs = await syncRevsTable(db).bulkGet(
				rows.map((r) => r.docId).filter((id) => !known || known.has(id) || gone(id))
			);
			const revOf = new Map<string, SyncRevRow>();
			for (const rev of revs) if (rev) revOf.set(rev.docId, rev);
			const docs: OutgoingDoc[] = [];
			for (const row of rows) {
				// Logs and notes are built without awaiting (see sync-apply.repo.ts on early commits): a
				// Dexie request per note only kept the transaction open.
				const found = kindOfDocId(row.docId);
				const log = found?.kind === 'log' ? logs.get(found.key) : undefined;
				const built =
					found?.kind === 'log'
						? { body: log ? logBody(log) : null }
						: found?.kind === 'note'
							? { body: noteDoc(found.key, row, me, notes) }
							: await this.build(row, me);
				if (built === undefined) continue; // nothing to send for it (e.g. a file over the cap)
				const rev = revOf.get(row.docId);
				// A new log whose revision will follow from its row: markPushed then records no revision.
				if (log && !rev && log.kind !== 'manual') this.impliedSeq.set(row.docId, row.seq!);
				docs.push({ id: row.docId, baseRev: rev?.rev ?? null, history: rev?.history ?? [], ...built });
			}
			return { docs, uptoSeq: rows.at(-1)!.seq! };
		});
	}

	/** Notes of the batch with the creation time of their cards (one query each for cards and logs). */
	private async notesFor(rows: OutboxRow[]) {
		const ids = rows
			.map((r) => kindOfDocId(r.docId))
			.filter((k) => k?.kind === 'note')
			.map((k) => k!.key);
		const notes = (await this.db.notes.bulkGet(ids)) as (SyncedNoteRow | undefined)[];
		const created = await replayOrderCreatedMs(this.db, ids);
		return new Map(
			notes
				.filter((n): n is SyncedNoteRow => !!n)
				.map((n) => [n.id, { note: n, createdMs: n.createdMs ?? created.get(n.id) ?? n.updatedMs }])
		);
	}

	private async build(
		row: OutboxRow,
		me: string
	): Promise<{ body: SyncBody | null; attachment?: OutgoingDoc['attachment'] } | undefined> {
		const { db } = this;
		const found = kindOfDocId(row.docId);
		if (!found) return undefined;
		const { kind, key } = found;
		if (isExamKind(kind)) return buildExamKindDoc(db, kind, key, row.changedMs, me);
		if (kind === 'card') {
			const card = (await db.cards.get(key)) as SyncedCardRow | undefined;
			if (!card) return undefined;
			return {
				body: {
					kind: 'card',
					suspended: !!card.userSuspended,
					changedMs: card.suspendChangedMs ?? row.changedMs,
					changedBy: card.suspendChangedBy ?? me
				}
			};
		}
		if (kind === 'deck') {
			const deck = await db.decks.get(key);
			if (!deck)
				return {
					body: { kind: 'deck', deck: { id: key }, changedMs: row.changedMs, changedBy: me, deleted: true }
				};
			return { body: deckBody(deck, row.changedMs, me) };
		}
		if (kind === 'setting') {
			const setting = await db.settings.get(key);
			return setting ? { body: settingBody(key, setting.value, row.changedMs, me) } : undefined;
		}
		const media = await db.media.get(key);
		if (!media || media.size > MAX_MEDIA_BYTES) return undefined;
		const body: MediaBody = {
			kind: 'media',
			name: media.name,
			mime: media.mime,
			size: media.size,
			sha256: media.sha256,
			deckIds: [...media.deckIds].sort(),
			addedMs: media.addedMs
		};
		return { body, attachment: { contentType: media.mime, bytes: media.bytes } };
	}

	/**
	 * Outbox position of each log sent as new whose revision its row implies (sync-log-revs.repo.ts).
	 * If that outbox row is still there when the batch is recorded, nothing touched the log meanwhile:
	 * its revision needs no row. If not (undone or queued again while it was sent), the row is written.
	 */
	private readonly impliedSeq = new Map<string, number>();

	async markPushed(written: WrittenRev[], uptoSeq: number): Promise<void> {
		const { db } = this;
		await db.transaction('rw', [syncRevsTable(db), outboxTable(db)], async () => {
			const sentRange = outboxTable(db).where('seq').belowOrEqual(uptoSeq);
			const implied = written.some((w) => this.impliedSeq.has(w.id));
			const untouched = new Set(implied ? ((await sentRange.primaryKeys()) as number[]) : []);
			const rows = written.filter((w) => {
				const seq = this.impliedSeq.get(w.id);
				this.impliedSeq.delete(w.id);
				return !(seq !== undefined && w.rev.startsWith('1-') && untouched.has(seq));
			});
			await Promise.all([
				syncRevsTable(db).bulkPut(rows.map((w) => ({ docId: w.id, rev: w.rev, history: w.history }))),
				sentRange.delete()
			]);
		});
	}

	async knownRevs(ids: string[]): Promise<Map<string, string>> {
		const known = this.pulling?.docIds;
		const wanted = known ? ids.filter((id) => known.has(id)) : ids;
		// Nothing to look up (a new device's large pull): no transaction to wait behind the batch applied.
		if (wanted.length === 0) return new Map();
		const rows = await syncRevsTable(this.db).bulkGet(wanted);
		return new Map(rows.filter((r) => r !== undefined).map((r) => [r.docId, r.rev]));
	}

	async applyRemote(docs: IncomingDoc[], checkpoint: string): Promise<void> {
		const pulling = this.pulling;
		if (docs.length > 0) this.me ??= await deviceIdOf(this.db);
		await applyRemoteBatch(
			this.db,
			docs,
			checkpoint,
			pulling?.uids ?? undefined,
			pulling?.docIds ?? undefined,
			this.me ?? undefined
		);
		if (!pulling) return;
		for (const doc of docs) {
			pulling.docIds?.add(doc.id);
			const found = kindOfDocId(doc.id);
			if (found?.kind === 'log') pulling.uids?.add(found.key);
		}
	}

	async pullCheckpoint(): Promise<string | null> {
		return (await getSyncMeta<string>(this.db, 'pullCheckpoint')) ?? null;
	}

	pendingCount(): Promise<number> {
		return countPending(this.db);
	}
}
