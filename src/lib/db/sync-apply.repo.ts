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
import type { KartkaDB } from './db';
import { ensureCards, recomputeCards, replayOrderCreatedMs, UNREPLAYED } from './sync-replay.repo';
import {
	deviceIdOf,
	getSyncMeta,
	logsByUid,
	outboxTable,
	putSyncMeta,
	syncRevsTable,
	type OutboxRow,
	type SyncedLogRow
} from './sync-tracking.repo';
import { cardIdsOfNote } from './cards-of-notes.repo';
import { applySuspension } from '$lib/domain/sync/bulk-sync';
import { deleteLogsOfCards, HELD_CARD_DOCS, removeDeletedDeck } from './sync-apply-deletions.repo';

export interface BatchContext {
	db: KartkaDB;
	me: string;
	pending: Map<string, OutboxRow>;
	touchedCards: Set<string>;
	/** The batch's logs already on this device, by uid (read in one query). */
	logs: Map<string, SyncedLogRow>;
	newLogs: SyncedLogRow[];
	/** Suspensions that arrived before their card (its note came later): applied when it is created. */
	held: Record<string, CardBody>;
	heldChanged: boolean;
}

/** The version to keep: the server's, or merged with this device's unsent change of the same document. */
function withLocal(remote: SyncBody, local: SyncBody | undefined): SyncBody {
	return local ? (mergeVersions([local, remote]) ?? remote) : remote;
}

/**
 * Not async: inside a transaction, awaiting a promise that made no Dexie request lets the browser commit
 * the transaction early. Returns the one write it may need (a deletion), for the caller to await.
 */
function applyLog(ctx: BatchContext, uid: string, body: SyncBody | null): Promise<void> | undefined {
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
	const log = { ...logFromBody(uid, body), afterRev: UNREPLAYED } as SyncedLogRow;
	ctx.logs.set(uid, log);
	ctx.newLogs.push(log);
	ctx.touchedCards.add(body.cardId);
}

async function deleteNote(ctx: BatchContext, noteId: string, deletedMs: number) {
	const cardIds = await cardIdsOfNote(ctx.db, noteId);
	const gone = await deleteLogsOfCards(ctx, cardIds, deletedMs);
	ctx.newLogs = ctx.newLogs.filter((l) => !gone.has(l));
	await ctx.db.cards.bulkDelete(cardIds);
	await ctx.db.notes.delete(noteId);
}

async function applyNote(ctx: BatchContext, docId: string, noteId: string, remote: NoteBody) {
	const local = (await ctx.db.notes.get(noteId)) as SyncedNoteRow | undefined;
	const pending = ctx.pending.get(docId);
	let localBody: NoteBody | undefined;
	if (pending && local) {
		const created =
			local.createdMs ?? (await replayOrderCreatedMs(ctx.db, [noteId])).get(noteId) ?? local.updatedMs;
		localBody = noteBody(local, created, pending.changedMs, ctx.me);
	}
	const merged = withLocal(remote, localBody) as NoteBody;
	if (merged.deleted) return deleteNote(ctx, noteId, merged.editedMs);
	const row = noteFromBody(noteId, merged);
	// Keep the device's own creation time of existing cards (the same value, made here first).
	if (local?.createdMs !== undefined) row.createdMs = local.createdMs;
	await ctx.db.notes.put(row);
	for (const id of await ensureCards(ctx.db, row, row.createdMs ?? merged.createdMs)) {
		ctx.touchedCards.add(id);
		const held = ctx.held[id];
		if (held) {
			delete ctx.held[id];
			ctx.heldChanged = true;
			await applyCard(ctx, syncDocId('card', id), id, held);
		}
	}
}

async function applyCard(ctx: BatchContext, docId: string, cardId: string, remote: CardBody) {
	const card = (await ctx.db.cards.get(cardId)) as SyncedCardRow | undefined;
	if (!card) {
		// Its note has not arrived yet (pushed after the suspension): keep the later of the two for it.
		const before = ctx.held[cardId];
		ctx.held[cardId] = before ? (mergeVersions([before, remote]) as CardBody) : remote;
		ctx.heldChanged = true;
		return;
	}
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
	await ctx.db.cards.put(applySuspension(card, merged));
	ctx.touchedCards.add(cardId);
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

export async function applyRemoteBatch(db: KartkaDB, docs: IncomingDoc[], checkpoint: string): Promise<void> {
	// Only our own writes came back: nothing to apply but the checkpoint.
	if (docs.length === 0) return putSyncMeta(db, 'pullCheckpoint', checkpoint);
	await db.transaction('rw', db.tables, async () => {
		const pendingRows = await outboxTable(db)
			.where('docId')
			.anyOf(docs.map((d) => d.id))
			.toArray();
		const uids = docs
			.map((d) => kindOfDocId(d.id))
			.filter((k) => k?.kind === 'log')
			.map((k) => k!.key);
		const me = await deviceIdOf(db);
		const known = await logsByUid(db, uids, me);
		const ctx: BatchContext = {
			db,
			me,
			pending: new Map(pendingRows.map((r) => [r.docId, r])),
			touchedCards: new Set(),
			logs: new Map(known.map((l) => [l.uid!, l])),
			newLogs: [],
			held: { ...((await getSyncMeta<Record<string, CardBody>>(db, HELD_CARD_DOCS)) ?? {}) },
			heldChanged: false
		};
		for (const doc of docs) {
			const found = kindOfDocId(doc.id);
			if (!found) continue;
			if (found.kind === 'log') {
				const deletion = applyLog(ctx, found.key, doc.body);
				if (deletion) await deletion;
			} else if (!doc.body) {
				// Deleted on the server by CouchDB itself (not one of our tombstones): nothing to change here.
			} else if (doc.body.kind === 'note') await applyNote(ctx, doc.id, found.key, doc.body);
			else if (doc.body.kind === 'card') await applyCard(ctx, doc.id, found.key, doc.body);
			else await applyOther(ctx, doc.id, found.key, doc.body, doc);
		}
		// The new logs are replayed in memory with their cards' other logs and written once, replayed.
		await recomputeCards(db, ctx.touchedCards, ctx.newLogs);
		await syncRevsTable(db).bulkPut(docs.map((d) => ({ docId: d.id, rev: d.rev, history: d.history })));
		if (ctx.heldChanged) await putSyncMeta(db, HELD_CARD_DOCS, ctx.held);
		await putSyncMeta(db, 'pullCheckpoint', checkpoint);
	});
}
