/**
 * The device's side of replication over Dexie: reads the outbox into documents (push), remembers the
 * revisions the server has, and hands pulled batches to sync-apply.repo.ts. Implements LocalSyncStore.
 */
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
	countPending,
	deviceIdOf,
	expandBatches,
	getSyncMeta,
	logsByUid,
	outboxTable,
	syncRevsTable,
	type OutboxRow,
	type SyncRevRow
} from './sync-tracking.repo';

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

	async pending(limit: number, afterSeq?: number): Promise<PendingBatch> {
		const { db } = this;
		const me = await deviceIdOf(db);
		await expandBatches(db);
		return db.transaction('r', db.tables, async () => {
			const outbox = outboxTable(db);
			const after = afterSeq === undefined ? outbox.orderBy('seq') : outbox.where('seq').above(afterSeq);
			const rows = await after.limit(limit).toArray();
			if (rows.length === 0) return { docs: [], uptoSeq: 0 };
			const known = this.pushing;
			const revs = await syncRevsTable(db).bulkGet(
				rows.map((r) => r.docId).filter((id) => !known || known.has(id))
			);
			const revOf = new Map<string, SyncRevRow>();
			for (const rev of revs) if (rev) revOf.set(rev.docId, rev);
			const docs: OutgoingDoc[] = [];
			const notes = await this.notesFor(rows);
			// One query for all the batch's logs (a lookup per log is far slower on a first sync).
			const uids = rows
				.map((r) => kindOfDocId(r.docId))
				.filter((k) => k?.kind === 'log')
				.map((k) => k!.key);
			const logs = new Map((await logsByUid(db, uids, me)).map((l) => [l.uid!, l]));
			for (const row of rows) {
				// Logs are built without awaiting (see sync-apply.repo.ts on early commits).
				const found = kindOfDocId(row.docId);
				const log = found?.kind === 'log' ? logs.get(found.key) : undefined;
				const built =
					found?.kind === 'log' ? { body: log ? logBody(log) : null } : await this.build(row, me, notes);
				if (built === undefined) continue; // nothing to send for it (e.g. a file over the cap)
				const rev = revOf.get(row.docId);
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
		me: string,
		notes: Map<string, { note: SyncedNoteRow; createdMs: number }>
	): Promise<{ body: SyncBody | null; attachment?: OutgoingDoc['attachment'] } | undefined> {
		const { db } = this;
		const found = kindOfDocId(row.docId);
		if (!found) return undefined;
		const { kind, key } = found;
		if (isExamKind(kind)) return buildExamKindDoc(db, kind, key, row.changedMs, me);
		if (kind === 'note') {
			const entry = notes.get(key);
			// Awaits one Dexie request so that the transaction stays open (see above).
			await db.notes.get(key);
			return {
				body: entry
					? noteBody(entry.note, entry.createdMs, row.changedMs, me)
					: noteTombstone(key, row.changedMs, me)
			};
		}
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

	async markPushed(written: WrittenRev[], uptoSeq: number): Promise<void> {
		const { db } = this;
		await db.transaction('rw', [syncRevsTable(db), outboxTable(db)], async () => {
			await syncRevsTable(db).bulkPut(written.map((w) => ({ docId: w.id, rev: w.rev, history: w.history })));
			await outboxTable(db).where('seq').belowOrEqual(uptoSeq).delete();
		});
	}

	async knownRevs(ids: string[]): Promise<Map<string, string>> {
		const known = this.pulling?.docIds;
		const rows = await syncRevsTable(this.db).bulkGet(known ? ids.filter((id) => known.has(id)) : ids);
		return new Map(rows.filter((r) => r !== undefined).map((r) => [r.docId, r.rev]));
	}

	async applyRemote(docs: IncomingDoc[], checkpoint: string): Promise<void> {
		// A pulled document is merged with this device's queued change of it: batches first.
		await expandBatches(this.db);
		const pulling = this.pulling;
		await applyRemoteBatch(this.db, docs, checkpoint, pulling?.uids ?? undefined);
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
