/**
 * Rename, move to a group, delete and undo delete: each one transaction, with its sync documents queued
 * in it (the deck document; on delete its tombstone, its notes' tombstones and its logs' deletions; on
 * undo all of them again). A deletion returns everything it removed (a snapshot) so that "Undo" puts it
 * back exactly, history included.
 */
import { KartkaError } from '$lib/domain/errors';
import type { CardRow, DeckRow, MediaRow, NoteRow, ReviewLogRow } from '$lib/domain/model';
import type { ExamPlanRow } from '$lib/domain/exam/exam-plan';
import type { TestResultRow } from '$lib/domain/exam/test-result';
import { docId } from '$lib/domain/sync/doc-ids';
import type { SyncedCardRow } from '$lib/domain/sync/row-docs';
import type { KartkaDB } from './db';
import { cardsOfDeck } from './cards-of-decks.repo';
import { applyHeldSuspensions, holdSuspensionsOfDeleted } from './sync-apply-deletions.repo';
import {
	outboxTable,
	syncMetaTable,
	syncRevsTable,
	trackChanges,
	type SyncedLogRow
} from './sync-tracking.repo';
import { trackBatch } from './sync-outbox-batches.repo';
import { rememberLogRevs } from './sync-log-revs.repo';
import { DELETED_BUILTIN_KEY } from './deleted-builtin.repo';

/** `change` sets the deck's `updatedMs`: the time of the change, for sync's "latest change wins". */
export async function updateDeck(
	db: KartkaDB,
	deckId: string,
	change: (deck: DeckRow) => DeckRow
): Promise<DeckRow> {
	return db.transaction('rw', [db.decks, outboxTable(db), syncMetaTable(db)], async () => {
		const deck = await db.decks.get(deckId);
		if (!deck) throw new KartkaError('deck-missing', 'This deck no longer exists.');
		const next = change(deck);
		await db.decks.put(next);
		await trackChanges(db, [docId('deck', deckId)], next.updatedMs);
		return next;
	});
}

export interface DeletedDeck {
	deck: DeckRow;
	notes: NoteRow[];
	cards: CardRow[];
	logs: ReviewLogRow[];
	examPlans: ExamPlanRow[];
	testResults: TestResultRow[];
	/** Media rows as they were before the deck was taken off them. */
	media: MediaRow[];
}

/** Every table a deck's rows live in: a delete and its undo each touch all of them in one transaction. */
function deckTables(db: KartkaDB) {
	return [
		db.decks,
		db.notes,
		db.cards,
		db.reviewLogs,
		db.examPlans,
		db.testResults,
		db.media,
		db.settings,
		outboxTable(db),
		syncMetaTable(db),
		syncRevsTable(db)
	];
}

/** The sync documents of a deck's rows: the deck, its notes, its logs (and restored suspensions). */
function deckDocIds(s: DeletedDeck): string[] {
	return [
		docId('deck', s.deck.id),
		...s.notes.map((n) => docId('note', n.id)),
		...(s.logs as SyncedLogRow[]).filter((l) => l.uid).map((l) => docId('log', l.uid!)),
		...(s.cards as SyncedCardRow[])
			.filter((c) => c.suspendChangedMs !== undefined)
			.map((c) => docId('card', c.id)),
		// The deck's exam plan and test results go (and come back on undo) with it on every device.
		...s.examPlans.map((p) => docId('exam', p.deckId)),
		...(s.testResults as { uid?: string }[]).filter((r) => r.uid).map((r) => docId('result', r.uid!))
	];
}

/** Deletes a person's deck and queues its deletion for sync (documents built as tombstones at push). */
export function deleteDeckRows(db: KartkaDB, deckId: string, nowMs: number): Promise<DeletedDeck> {
	return db.transaction('rw', deckTables(db), async () => {
		const snapshot = await removeDeckRows(db, deckId);
		if (!snapshot) throw new KartkaError('deck-missing', 'This deck no longer exists.');
		await rememberLogRevs(db, snapshot.logs);
		await holdSuspensionsOfDeleted(db, snapshot.cards);
		// Card documents stay: a suspension of a deleted card has nothing to hide.
		await trackBatch(
			db,
			deckDocIds(snapshot).filter((id) => !id.startsWith('card:')),
			nowMs
		);
		return snapshot;
	});
}

/**
 * Removes a deck and everything in it, inside the caller's transaction, without queuing anything: the
 * user's delete (above) and a deck deletion pulled from another device (sync-apply.repo). Null if the
 * deck is not there.
 */
export async function removeDeckRows(db: KartkaDB, deckId: string): Promise<DeletedDeck | null> {
	const deck = await db.decks.get(deckId);
	if (!deck) return null;
	const snapshot: DeletedDeck = {
		deck,
		notes: await db.notes.where('deckId').equals(deckId).toArray(),
		cards: await cardsOfDeck(db, deckId).toArray(),
		logs: await db.reviewLogs
			.where('[deckId+reviewedMs]')
			.between([deckId, -Infinity], [deckId, Infinity])
			.toArray(),
		examPlans: await db.examPlans.where('deckId').equals(deckId).toArray(),
		testResults: await db.testResults.where('deckId').equals(deckId).toArray(),
		media: await db.media.where('deckIds').equals(deckId).toArray()
	};
	await db.notes.bulkDelete(snapshot.notes.map((n) => n.id));
	await db.cards.bulkDelete(snapshot.cards.map((c) => c.id));
	await db.reviewLogs.bulkDelete(snapshot.logs.map((l) => l.id!));
	await db.examPlans.bulkDelete(snapshot.examPlans.map((p) => p.deckId));
	await db.testResults.bulkDelete(snapshot.testResults.map((t) => t.id!));
	for (const file of snapshot.media) {
		const rest = file.deckIds.filter((id) => id !== deckId);
		if (rest.length) await db.media.put({ ...file, deckIds: rest });
		else await db.media.delete(file.name);
	}
	await db.decks.delete(deckId);
	// A shipped deck the user deleted is not installed again at the next start.
	if (deck.origin === 'builtin') await setDeletedBuiltin(db, deckId, true);
	return snapshot;
}

/** Undo of a delete: every row back as it was, and every document of the deck queued again. */
export function restoreDeckRows(db: KartkaDB, s: DeletedDeck, nowMs: number): Promise<void> {
	return db.transaction('rw', deckTables(db), async () => {
		if (await db.decks.get(s.deck.id))
			throw new KartkaError('deck-exists', `A deck "${s.deck.title}" exists again: nothing to undo.`);
		await db.decks.add(s.deck);
		await db.notes.bulkAdd(s.notes);
		await db.cards.bulkAdd(s.cards);
		await db.reviewLogs.bulkAdd(s.logs);
		// The plan comes back as a change made now (sync: it wins over the deletion it undoes).
		await db.examPlans.bulkAdd(
			s.examPlans.map((p) => (p.updatedMs < nowMs ? { ...p, updatedMs: nowMs } : p))
		);
		await db.testResults.bulkAdd(s.testResults);
		for (const file of s.media) {
			const now = await db.media.get(file.name);
			// Original order of deckIds, plus any deck that took the file meanwhile.
			const kept = file.deckIds.filter((id) => id === s.deck.id || now?.deckIds.includes(id));
			await db.media.put(now ? { ...now, deckIds: [...new Set([...kept, ...now.deckIds])] } : file);
		}
		if (s.deck.origin === 'builtin') await setDeletedBuiltin(db, s.deck.id, false);
		await trackBatch(db, deckDocIds(s), nowMs);
		await applyHeldSuspensions(db, s.cards, nowMs);
	});
}

async function setDeletedBuiltin(db: KartkaDB, deckId: string, deleted: boolean): Promise<void> {
	const row = await db.settings.get(DELETED_BUILTIN_KEY);
	const ids = new Set(Array.isArray(row?.value) ? (row.value as string[]) : []);
	if (deleted) ids.add(deckId);
	else ids.delete(deckId);
	await db.settings.put({ key: DELETED_BUILTIN_KEY, value: [...ids] });
}
