/** Reads for exporting one deck: the deck and its current notes (in deck order). */
import type { DeckRow, NoteRow } from '$lib/domain/model';
import type { KartkaDB } from './db';

export async function deckWithNotes(
	db: KartkaDB,
	deckId: string
): Promise<{ deck: DeckRow; notes: NoteRow[] } | null> {
	return db.transaction('r', db.decks, db.notes, async () => {
		const deck = await db.decks.get(deckId);
		if (!deck) return null;
		const notes = (await db.notes.where('deckId').equals(deckId).toArray()).filter((n) => !n.removed);
		notes.sort((a, b) => a.position - b.position);
		return { deck, notes };
	});
}
