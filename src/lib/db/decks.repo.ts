/** Decks and their notes. */
import type { DeckRow, NoteRow } from '$lib/domain/model';
import type { KartkaDB } from './db';
import { cardsOfDeck } from './cards-of-decks.repo';

export function listDecks(db: KartkaDB): Promise<DeckRow[]> {
	return db.decks.orderBy('id').toArray();
}

export function getDeck(db: KartkaDB, deckId: string): Promise<DeckRow | undefined> {
	return db.decks.get(deckId);
}

export function getNotes(db: KartkaDB, ids: string[]): Promise<(NoteRow | undefined)[]> {
	return db.notes.bulkGet(ids);
}

export function countCards(db: KartkaDB, deckId: string): Promise<number> {
	return cardsOfDeck(db, deckId).count();
}

/** Content hashes of installed decks, to tell whether a shipped deck file changed. */
export async function installedHashes(db: KartkaDB): Promise<Map<string, string>> {
	const decks = await db.decks.toArray();
	return new Map(decks.map((d) => [d.id, d.contentHash]));
}
