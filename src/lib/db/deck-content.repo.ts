/**
 * Writes a deck's content (from a shipped deck file or an import) in ONE transaction. What is put,
 * suspended, restored or deleted is decided by domain/deck-merge.ts; this file only reads and writes.
 */
import { mergeDeckContent, diffNotes, type ContentSummary, type MergeOptions } from '$lib/domain/deck-merge';
import type { DeckRow, NoteRow } from '$lib/domain/model';
import type { KartkaDB } from './db';

export type ApplyOptions = MergeOptions;

export async function applyDeckContent(
	db: KartkaDB,
	deck: DeckRow,
	notes: NoteRow[],
	options: ApplyOptions
): Promise<ContentSummary> {
	return db.transaction('rw', db.decks, db.notes, db.cards, db.reviewLogs, async () => {
		const previous = await db.decks.get(deck.id);
		await db.decks.put(previous ? { ...previous, ...deck, createdMs: previous.createdMs } : deck);
		const oldNotes = await db.notes.where('deckId').equals(deck.id).toArray();
		const oldCards = await db.cards.where('deckId').equals(deck.id).toArray();
		const merge = mergeDeckContent(oldNotes, oldCards, notes, options);
		if (options.missing === 'delete') {
			await db.notes.bulkDelete(merge.noteDeletes);
			await db.cards.bulkDelete(merge.cardDeletes);
			await db.reviewLogs.where('cardId').anyOf(merge.cardDeletes).delete();
		}
		await db.notes.bulkPut(merge.notePuts);
		await db.cards.bulkPut(merge.cardPuts);
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
