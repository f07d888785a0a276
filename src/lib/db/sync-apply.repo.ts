/**
 * Pull: a batch of server documents applied in ONE transaction with the checkpoint, then every card the
 * batch touched recomputed from its logs (sync-replay.repo.ts). The batch's reads are made here at once;
 * each document is applied by sync-apply-docs.repo.ts, which merges a document this device also changed and
 * has not sent yet with the same rules the server conflicts use (conflict-rules.ts).
 */
import type { SyncedCardRow, SyncedNoteRow } from '$lib/domain/sync/row-docs';
import { kindOfDocId, type CardBody } from '$lib/domain/sync/sync-docs';
import type { IncomingDoc } from '$lib/domain/sync/sync-store';
import type { KartkaDB } from './db';
import { recomputeCards } from './sync-replay.repo';
import {
	deviceIdOf,
	getSyncMeta,
	outboxTable,
	putSyncMeta,
	type OutboxRow,
	type SyncedLogRow
} from './sync-tracking.repo';
import { expandBatches } from './sync-outbox-batches.repo';
import { logsByUid } from './sync-logs-by-uid.repo';
import { cardsOfNotes } from './cards-of-notes.repo';
import { HELD_CARD_DOCS } from './sync-apply-deletions.repo';
import { afterExamBatch } from './sync-exam.repo';
import { putBatchRevs } from './sync-log-revs.repo';
import { applyDoc } from './sync-apply-docs.repo';

export interface BatchContext {
	db: KartkaDB;
	me: string;
	pending: Map<string, OutboxRow>;
	touchedCards: Set<string>;
	/** The batch's logs already on this device, by uid (read in one query). */
	logs: Map<string, SyncedLogRow>;
	newLogs: SyncedLogRow[];
	/** Revisions of the batch's pulled logs by uid (a log deleted before it is written needs its own). */
	pulledRevs: Map<string, string>;
	/** Suspensions that arrived before their card (its note came later): applied when it is created. */
	held: Record<string, CardBody>;
	heldChanged: boolean;
	/** The batch's notes as stored here, and the ordinals of their cards (one query each, not per note). */
	localNotes: Map<string, SyncedNoteRow>;
	cardOrds: Map<string, Set<number>>;
	/** Rows written once at the end of the documents (a bulk write each, not one per note). */
	notePuts: SyncedNoteRow[];
	newCards: Map<string, SyncedCardRow>;
	/** Decks whose exam plan a pulled document changed (sync-exam.repo.ts). */
	examDecks?: Set<string>;
}

/**
 * `presentUids`: every log uid this device can have (see logsByUid), and `revDocIds`: every document id
 * with a syncRevs row, when a large pull has read them. `deviceId`: this device's, when the caller knows it.
 */
export async function applyRemoteBatch(
	db: KartkaDB,
	docs: IncomingDoc[],
	checkpoint: string,
	presentUids?: ReadonlySet<string>,
	revDocIds?: ReadonlySet<string>,
	deviceId?: string
): Promise<void> {
	// Only our own writes came back: nothing to apply but the checkpoint.
	if (docs.length === 0) return putSyncMeta(db, 'pullCheckpoint', checkpoint);
	await db.transaction('rw', db.tables, async () => {
		// A pulled document is merged with this device's queued change of it: batches first (in this
		// transaction: one of its own would wait behind the previous batch's).
		await expandBatches(db);
		const kinds = docs.map((d) => kindOfDocId(d.id));
		const keysOf = (kind: string) => kinds.filter((k) => k?.kind === kind).map((k) => k!.key);
		const uids = keysOf('log');
		const noteIds = keysOf('note');
		const me = deviceId ?? (await deviceIdOf(db));
		// The batch's reads are asked at once: one wait for IndexedDB, not six. Each is a Dexie request
		// (even for none), see applyLog.
		const [pendingRows, known, localNotes, batchCards, held] = await Promise.all([
			outboxTable(db)
				.where('docId')
				.anyOf(docs.map((d) => d.id))
				.toArray(),
			logsByUid(db, uids, me, presentUids),
			db.notes.bulkGet(noteIds),
			cardsOfNotes(db, noteIds),
			getSyncMeta<Record<string, CardBody>>(db, HELD_CARD_DOCS)
		]);
		const cardOrds = new Map<string, Set<number>>();
		for (const card of batchCards) {
			const ords = cardOrds.get(card.noteId);
			if (ords) ords.add(card.ord);
			else cardOrds.set(card.noteId, new Set([card.ord]));
		}
		const ctx: BatchContext = {
			db,
			me,
			pending: new Map(pendingRows.map((r) => [r.docId, r])),
			touchedCards: new Set(),
			logs: new Map(known.map((l) => [l.uid!, l])),
			newLogs: [],
			pulledRevs: new Map(),
			held: { ...(held ?? {}) },
			heldChanged: false,
			localNotes: new Map(
				(localNotes as (SyncedNoteRow | undefined)[]).filter((n) => !!n).map((n) => [n!.id, n!])
			),
			cardOrds,
			notePuts: [],
			newCards: new Map()
		};
		for (const doc of docs) {
			const work = applyDoc(ctx, doc);
			if (work) await work;
		}
		await Promise.all([db.notes.bulkPut(ctx.notePuts), db.cards.bulkAdd([...ctx.newCards.values()])]);
		await afterExamBatch(
			ctx,
			[...ctx.newCards.values()].map((c) => c.deckId)
		);
		// The new logs are replayed in memory with their cards' other logs and written once, replayed;
		// the revisions and the checkpoint are written meanwhile (other tables: the order does not matter).
		await Promise.all([
			recomputeCards(db, ctx.touchedCards, ctx.newLogs),
			putBatchRevs(db, docs, revDocIds),
			ctx.heldChanged ? putSyncMeta(db, HELD_CARD_DOCS, ctx.held) : undefined,
			putSyncMeta(db, 'pullCheckpoint', checkpoint)
		]);
	});
}
