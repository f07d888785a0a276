/** Reads for the Anki export of one deck: notes (deck-export.repo), its answers, and its media files. */
import type { DeckRow, MediaRow, NoteRow, ReviewLogRow } from '$lib/domain/model';
import type { KartkaDB } from './db';
import { deckWithNotes } from './deck-export.repo';
import { mediaOfDeck } from './media.repo';

export interface DeckForAnki {
	deck: DeckRow;
	notes: NoteRow[];
	reviews: ReviewLogRow[];
	media: MediaRow[];
}

export async function deckForAnki(
	db: KartkaDB,
	deckId: string,
	withReviews: boolean
): Promise<DeckForAnki | null> {
	const found = await deckWithNotes(db, deckId);
	if (!found) return null;
	const [reviews, media] = await Promise.all([
		withReviews
			? db.reviewLogs.where('[deckId+reviewedMs]').between([deckId, -Infinity], [deckId, Infinity]).toArray()
			: Promise.resolve([]),
		mediaOfDeck(db, deckId)
	]);
	return { ...found, reviews, media };
}
