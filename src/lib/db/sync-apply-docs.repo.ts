/**
 * One pulled document applied inside its batch's transaction (sync-apply.repo.ts `applyRemoteBatch`). A
 * document this device also changed and has not sent yet is merged with the same rules the server conflicts
 * use (conflict-rules.ts), and stays queued so that the merged version is sent on top of the server's.
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
import { applySuspension } from '$lib/domain/sync/bulk-sync';
import type { BatchContext } from './sync-apply.repo';
import { missingCards, replayOrderCreatedMs, UNREPLAYED } from './sync-replay.repo';
import type { SyncedLogRow } from './sync-tracking.repo';
import { cardIdsOfNote } from './cards-of-notes.repo';
import { deleteLogsOfCards, holdSuspensions, removeDeletedDeck } from './sync-apply-deletions.repo';
import { applyExamKindDoc, isExamKind } from './sync-exam.repo';

/**
 * Applies `doc`. Not async: returns the reads and writes it needs, if any, for the caller to await (inside a
 * transaction, awaiting a promise that made no Dexie request lets the browser commit the transaction early).
 */
export function applyDoc(ctx: BatchContext, doc: IncomingDoc): Promise<unknown> | undefined {
	const found = kindOfDocId(doc.id);
	if (!found) return;
	if (found.kind === 'log') return applyLog(ctx, doc, found.key);
	if (isExamKind(found.kind))
		return applyExamKindDoc(ctx, doc.id, found.kind, found.key, doc.body as ExamKindBody | null);
	// Deleted on the server by CouchDB itself (not one of our tombstones): nothing to change here.
	if (!doc.body) return;
	if (doc.body.kind === 'note') return applyNote(ctx, doc.id, found.key, doc.body);
	if (doc.body.kind === 'card') return applyCard(ctx, doc.id, found.key, doc.body);
	return applyOther(ctx, doc.id, found.key, doc.body, doc);
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
