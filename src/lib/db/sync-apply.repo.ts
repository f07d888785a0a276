/**
 * Pull: a batch of server documents applied in ONE transaction with the checkpoint, then every card the
 * batch touched recomputed from its logs (sync-replay.repo.ts). A document this device also changed
 * and has not sent yet is merged with the same rules the server conflicts use (conflict-rules.ts), and
 * stays queued so that the merged version is sent on top of the server's.
 */
import { mergeVersions } from '$lib/domain/sync/conflict-rules';
import {
	deckFromBody,
	deckBody,
	logFromBody,
	noteBody,
	noteFromBody,
	settingBody,
	type SyncedCardRow,
	type SyncedNoteRow
} from '$lib/domain/sync/row-docs';
import { docId as syncDocId } from '$lib/domain/sync/doc-ids';
import { kindOfDocId, type CardBody, type NoteBody, type SyncBody } from '$lib/domain/sync/sync-docs';
import type { IncomingDoc } from '$lib/domain/sync/sync-store';
import type { ExamKindBody } from '$lib/domain/sync/exam-docs';
import type { KartkaDB } from './db';
import { missingCards, recomputeCards, replayOrderCreatedMs, UNREPLAYED } from './sync-replay.repo';
import {
	deviceIdOf,
	expandBatches,
	getSyncMeta,
	logsByUid,
	outboxTable,
	putSyncMeta,
	type OutboxRow,
	type SyncedLogRow
} from './sync-tracking.repo';
import { cardIdsOfNote, cardsOfNotes } from './cards-of-notes.repo';
import { applySuspension } from '$lib/domain/sync/bulk-sync';
import {
	deleteLogsOfCards,
	HELD_CARD_DOCS,
	holdSuspensions,
	removeDeletedDeck
} from './sync-apply-deletions.repo';
import { afterExamBatch, applyExamKindDoc, isExamKind } from './sync-exam.repo';
import { putBatchRevs } from './sync-log-revs.repo';

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

/** The version to keep: the server's, or merged with this device's unsent change of the same document. */
function withLocal(remote: SyncBody, local: SyncBody | undefined): SyncBody {
	return local ? (mergeVersions([local, remote]) ?? remote) : remote;
}

/**
 * Not async: inside a transaction, awaiting a promise that made no Dexie request lets the browser commit
 * the transaction early. Returns the one write it may need (a deletion), for the caller to await.
 */
function applyLog(ctx: BatchContext, doc: IncomingDoc, uid: string): Promise<void> | undefined {
	const { body } = doc;
	const existing = ctx.logs.get(uid);
	if (!body) {
		if (!existing) return;
		ctx.logs.delete(uid);
		ctx.touchedCards.add(existing.cardId);
		if (existing.id === undefined) ctx.newLogs = ctx.newLogs.filter((l) => l !== existing);
		else return ctx.db.reviewLogs.delete(existing.id);
		return;
	}
	if (existing || body.kind !== 'log') return; // immutable: a log we have is the log
	// Deleted here and the deletion not sent yet: it goes to the server on top of this revision.
	if (ctx.pending.has(doc.id)) return;
	ctx.pulledRevs.set(uid, doc.rev);
	const log = { ...logFromBody(uid, body), afterRev: UNREPLAYED } as SyncedLogRow;
	ctx.logs.set(uid, log);
	ctx.newLogs.push(log);
	ctx.touchedCards.add(body.cardId);
}

async function deleteNote(ctx: BatchContext, noteId: string, deletedMs: number) {
	const cardIds = await cardIdsOfNote(ctx.db, noteId);
	const gone = await deleteLogsOfCards(ctx, cardIds, deletedMs);
	ctx.newLogs = ctx.newLogs.filter((l) => !gone.has(l));
	if (holdSuspensions(ctx.held, await ctx.db.cards.bulkGet(cardIds))) ctx.heldChanged = true;
	await ctx.db.cards.bulkDelete(cardIds);
	await ctx.db.notes.delete(noteId);
}

/** Not async when it reads nothing (see applyLog): returns the reads and writes it needs, if any. */
function applyNote(ctx: BatchContext, docId: string, noteId: string, remote: NoteBody) {
	const local = ctx.localNotes.get(noteId);
	const pending = ctx.pending.get(docId);
	if (!pending || !local) return placeNote(ctx, noteId, remote, local);
	const merge = (createdMs: number) =>
		withLocal(remote, noteBody(local, createdMs, pending.changedMs, ctx.me)) as NoteBody;
	if (local.createdMs !== undefined) return placeNote(ctx, noteId, merge(local.createdMs), local);
	return replayOrderCreatedMs(ctx.db, [noteId]).then((created) =>
		placeNote(ctx, noteId, merge(created.get(noteId) ?? local.updatedMs), local)
	);
}

/** The note and its new cards are queued for the batch's bulk writes (applyRemoteBatch). */
function placeNote(ctx: BatchContext, noteId: string, merged: NoteBody, local: SyncedNoteRow | undefined) {
	if (merged.deleted) return deleteNote(ctx, noteId, merged.editedMs);
	const row = noteFromBody(noteId, merged);
	// Keep the device's own creation time of existing cards (the same value, made here first).
	if (local?.createdMs !== undefined) row.createdMs = local.createdMs;
	ctx.notePuts.push(row);
	const cards = missingCards(row, row.createdMs ?? merged.createdMs, ctx.cardOrds.get(noteId) ?? new Set());
	for (const card of cards.added) ctx.newCards.set(card.id, card);
	const held: [string, CardBody][] = [];
	for (const id of cards.ids) {
		ctx.touchedCards.add(id);
		const body = ctx.held[id];
		if (!body) continue;
		delete ctx.held[id];
		ctx.heldChanged = true;
		held.push([id, body]);
	}
	if (held.length === 0) return;
	return (async () => {
		for (const [id, body] of held) await applyCard(ctx, syncDocId('card', id), id, body);
	})();
}

/** Not async for a card this batch creates (it is still in memory), see applyLog. */
function applyCard(ctx: BatchContext, docId: string, cardId: string, remote: CardBody) {
	const created = ctx.newCards.get(cardId);
	if (created) {
		ctx.newCards.set(cardId, suspended(ctx, docId, created, remote));
		ctx.touchedCards.add(cardId);
		return;
	}
	return ctx.db.cards.get(cardId).then((card) => {
		if (!card) {
			// Its note has not arrived yet (pushed after the suspension): keep the later of the two for it.
			const before = ctx.held[cardId];
			ctx.held[cardId] = before ? (mergeVersions([before, remote]) as CardBody) : remote;
			ctx.heldChanged = true;
			return;
		}
		ctx.touchedCards.add(cardId);
		return ctx.db.cards.put(suspended(ctx, docId, card as SyncedCardRow, remote));
	});
}

/** The card with the suspension to keep: the server's, or merged with this device's unsent change. */
function suspended(ctx: BatchContext, docId: string, card: SyncedCardRow, remote: CardBody): SyncedCardRow {
	const pending = ctx.pending.get(docId);
	const localBody: CardBody | undefined = pending
		? {
				kind: 'card',
				suspended: !!card.userSuspended,
				changedMs: card.suspendChangedMs ?? pending.changedMs,
				changedBy: card.suspendChangedBy ?? ctx.me
			}
		: undefined;
	const merged = withLocal(remote, localBody) as CardBody;
	return applySuspension(card, merged);
}

async function applyOther(ctx: BatchContext, docId: string, key: string, remote: SyncBody, doc: IncomingDoc) {
	const { db } = ctx;
	const pending = ctx.pending.get(docId);
	if (remote.kind === 'deck') {
		const local = await db.decks.get(key);
		const merged = withLocal(
			remote,
			pending && local ? deckBody(local, pending.changedMs, ctx.me) : undefined
		);
		if (merged.kind !== 'deck') return;
		if (merged.deleted) return removeDeletedDeck(ctx, key, merged.changedMs);
		const row = deckFromBody(merged, local);
		if (row && row.id === key) await db.decks.put(row);
	} else if (remote.kind === 'setting') {
		const local = await db.settings.get(key);
		const merged = withLocal(
			remote,
			pending && local ? settingBody(key, local.value, pending.changedMs, ctx.me) : undefined
		);
		if (merged.kind === 'setting') await db.settings.put({ key, value: merged.value });
	} else if (remote.kind === 'media' && doc.attachment) {
		await db.media.put({
			name: remote.name,
			mime: remote.mime,
			bytes: doc.attachment.bytes,
			size: doc.attachment.bytes.length,
			sha256: remote.sha256,
			deckIds: remote.deckIds,
			addedMs: remote.addedMs
		});
	}
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
		const uids = docs
			.map((d) => kindOfDocId(d.id))
			.filter((k) => k?.kind === 'log')
			.map((k) => k!.key);
		const noteIds = docs
			.map((d) => kindOfDocId(d.id))
			.filter((k) => k?.kind === 'note')
			.map((k) => k!.key);
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
			const found = kindOfDocId(doc.id);
			if (!found) continue;
			if (found.kind === 'log') {
				const deletion = applyLog(ctx, doc, found.key);
				if (deletion) await deletion;
			} else if (isExamKind(found.kind)) {
				await applyExamKindDoc(ctx, doc.id, found.kind, found.key, doc.body as ExamKindBody | null);
			} else if (!doc.body) {
				// Deleted on the server by CouchDB itself (not one of our tombstones): nothing to change here.
			} else if (doc.body.kind === 'note') {
				const work = applyNote(ctx, doc.id, found.key, doc.body);
				if (work) await work;
			} else if (doc.body.kind === 'card') {
				const work = applyCard(ctx, doc.id, found.key, doc.body);
				if (work) await work;
			} else await applyOther(ctx, doc.id, found.key, doc.body, doc);
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
