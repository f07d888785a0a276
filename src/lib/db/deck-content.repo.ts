/**
 * Writes a deck's content (from a shipped deck file or an import) in ONE transaction. What is put,
 * suspended, restored or deleted is decided by domain/deck-merge.ts; this file only reads and writes.
 */
import { mergeDeckContent, diffNotes, type ContentSummary, type MergeOptions } from '$lib/domain/deck-merge';
import type { CardRow, DeckRow, NoteRow } from '$lib/domain/model';
import { docId } from '$lib/domain/sync/doc-ids';
import type { KartkaDB } from './db';
import { cardsOfDeck } from './cards-of-decks.repo';
import { outboxTable, syncMetaTable, trackChanges } from './sync-tracking.repo';
import { trackBatch } from './sync-outbox-batches.repo';

export type ApplyOptions = MergeOptions & {
	/** Last change to each card before it is written (an import's replayed history: one write per card). */
	adjustCard?: (card: CardRow) => CardRow;
};

/**
 * Which of `ids` (notes not in this deck now) exist in another deck. Imported and shipped note ids are
 * `<deck id>/<key>`: then ONE key-range read of that prefix answers it, where a lookup per note (20,000
 * for a large import) cost more than writing the notes. Other ids are looked up one by one.
 */
function notesElsewhere(db: KartkaDB, deckId: string, ids: string[]): Promise<Set<string>> {
	const prefix = `${deckId}/`;
	const prefixed = new Set(ids.filter((id) => id.startsWith(prefix)));
	const others = ids.filter((id) => !id.startsWith(prefix));
	// Dexie promises only (`.then`), never `async`: see cards-of-notes.repo.ts on early commits.
	return db.notes
		.where(':id')
		.startsWith(prefix)
		.primaryKeys()
		.then((keys) =>
			db.notes.bulkGet(others).then((rows) => {
				const found = new Set((keys as string[]).filter((key) => prefixed.has(key)));
				for (const n of rows) if (n !== undefined) found.add(n.id);
				return found;
			})
		);
}

export async function applyDeckContent(
	db: KartkaDB,
	deck: DeckRow,
	notes: NoteRow[],
	options: ApplyOptions
): Promise<ContentSummary> {
	const tables = [db.decks, db.notes, db.cards, db.reviewLogs, outboxTable(db), syncMetaTable(db)];
	return db.transaction('rw', tables, async () => {
		const previous = await db.decks.get(deck.id);
		await db.decks.put(previous ? { ...previous, ...deck, createdMs: previous.createdMs } : deck);
		const oldNotes = await db.notes.where('deckId').equals(deck.id).toArray();
		const oldCards = await cardsOfDeck(db, deck.id).toArray();
		// Notes the user moved to another deck (issue 11) stay where the user put them.
		const known = new Set(oldNotes.map((n) => n.id));
		const movedAway = await notesElsewhere(
			db,
			deck.id,
			notes.filter((n) => !known.has(n.id)).map((n) => n.id)
		);
		const merge = mergeDeckContent(oldNotes, oldCards, notes, { ...options, movedAway });
		if (options.missing === 'delete') {
			await db.notes.bulkDelete(merge.noteDeletes);
			await db.cards.bulkDelete(merge.cardDeletes);
			await db.reviewLogs.where('cardId').anyOf(merge.cardDeletes).delete();
		}
		await db.notes.bulkPut(merge.notePuts);
		const { adjustCard } = options;
		await db.cards.bulkPut(adjustCard ? merge.cardPuts.map(adjustCard) : merge.cardPuts);
		// Sync: an imported deck and its changed notes (shipped decks are installed on every device).
		if (deck.origin === 'import') {
			const changed = [
				...merge.notePuts.map((n) => n.id),
				...(options.missing === 'delete' ? merge.noteDeletes : [])
			];
			await trackChanges(db, [docId('deck', deck.id)], options.nowMs);
			await trackBatch(
				db,
				changed.map((id) => docId('note', id)),
				options.nowMs
			);
		}
		return merge.summary;
	});
}

/**
 * What `applyDeckContent` would report for these notes, without writing (the import preview).
 * Same matching and comparison as the write above.
 */
export async function diffDeckContent(
	db: KartkaDB,
	deckId: string,
	notes: NoteRow[]
): Promise<ContentSummary> {
	return diffNotes(await db.notes.where('deckId').equals(deckId).toArray(), notes);
}
