/**
 * A person's edits that sync: a note's text, a card's suspension, and choosing a conflicting version
 * ("Use this one"). Each is ONE transaction with its outbox record.
 */
import { KartkaError } from '$lib/domain/errors';
import { Queue, queueForState } from '$lib/domain/model';
import { docId } from '$lib/domain/sync/doc-ids';
import type { SyncedCardRow, SyncedNoteRow } from '$lib/domain/sync/row-docs';
import { applySuspension } from '$lib/domain/sync/bulk-sync';
import type { KartkaDB } from './db';
import { replayOrderCreatedMs } from './sync-replay.repo';
import { deviceIdOf, outboxTable, syncMetaTable, trackChanges } from './sync-tracking.repo';

const tablesFor = (db: KartkaDB) => [db.notes, db.cards, db.reviewLogs, outboxTable(db), syncMetaTable(db)];

async function writeNoteText(
	db: KartkaDB,
	noteId: string,
	fields: Record<string, string>,
	nowMs: number,
	clearConflicts: boolean
) {
	const note = (await db.notes.get(noteId)) as SyncedNoteRow | undefined;
	if (!note) throw new KartkaError('note-missing', 'This note no longer exists.');
	const createdMs =
		note.createdMs ?? (await replayOrderCreatedMs(db, [noteId])).get(noteId) ?? note.updatedMs;
	const edited: SyncedNoteRow = {
		...note,
		fields: { ...fields },
		createdMs,
		updatedMs: nowMs,
		editedMs: nowMs,
		editedBy: await deviceIdOf(db),
		...(clearConflicts ? { conflicts: [] } : {})
	};
	await db.notes.put(edited);
	await trackChanges(db, [docId('note', noteId)], nowMs);
}

/** Replaces a note's fields (its cards keep their progress). */
export async function editNoteFields(
	db: KartkaDB,
	noteId: string,
	fields: Record<string, string>,
	nowMs: number
) {
	await db.transaction('rw', tablesFor(db), () => writeNoteText(db, noteId, fields, nowMs, false));
}

/** "Use this one": a version that lost a conflict becomes the note's text; the conflict is settled. */
export async function useConflictingVersion(db: KartkaDB, noteId: string, index: number, nowMs: number) {
	await db.transaction('rw', tablesFor(db), async () => {
		const note = (await db.notes.get(noteId)) as SyncedNoteRow | undefined;
		const chosen = note?.conflicts?.[index];
		if (!chosen) throw new KartkaError('conflict-missing', 'That version is no longer there.');
		await writeNoteText(db, noteId, chosen.fields, nowMs, true);
	});
}

/** Suspends or unsuspends a card by a person's choice (its schedule and history are kept). */
export async function setCardSuspended(db: KartkaDB, cardId: string, suspended: boolean, nowMs: number) {
	await db.transaction('rw', tablesFor(db), async () => {
		const card = (await db.cards.get(cardId)) as SyncedCardRow | undefined;
		if (!card) throw new KartkaError('card-missing', 'This card no longer exists.');
		const note = await db.notes.get(card.noteId);
		const queue = suspended || note?.removed ? Queue.Suspended : queueForState(card.state);
		// The same fields a pulled suspension sets (the 'user' reason with it), so both devices agree.
		const changed = applySuspension(card, { suspended, changedMs: nowMs, changedBy: await deviceIdOf(db) });
		await db.cards.put({ ...changed, queue, rev: card.rev + 1 });
		await trackChanges(db, [docId('card', cardId)], nowMs);
	});
}
