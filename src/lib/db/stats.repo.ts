/** Reads for statistics and the optimizer: review logs, cards and note tags, for one deck or all. */
import type { CardRow, ReviewLogRow } from '$lib/domain/model';
import type { KartkaDB } from './db';
import { cardsOfDeckById } from './cards-of-decks.repo';
import { logsSinceAllDecks } from './logs-by-time.repo';

/** Logs answered at or after `fromMs` (by the [deckId+reviewedMs] index for one deck). */
export function reviewLogsSince(db: KartkaDB, fromMs: number, deckId?: string): Promise<ReviewLogRow[]> {
	if (deckId === undefined) return logsSinceAllDecks(db, fromMs);
	return db.reviewLogs.where('[deckId+reviewedMs]').between([deckId, fromMs], [deckId, Infinity]).toArray();
}

/** Every review log (the optimizer learns from the whole history). */
export function allReviewLogs(db: KartkaDB, deckId?: string): Promise<ReviewLogRow[]> {
	return reviewLogsSince(db, -Infinity, deckId);
}

export function cardsOf(db: KartkaDB, deckId?: string): Promise<CardRow[]> {
	return deckId === undefined ? db.cards.toArray() : cardsOfDeckById(db, deckId);
}

/** Tags of each note (for retention per tag). */
export async function noteTags(db: KartkaDB, deckId?: string): Promise<Map<string, string[]>> {
	const tags = new Map<string, string[]>();
	const collection = deckId === undefined ? db.notes.toCollection() : db.notes.where('deckId').equals(deckId);
	await collection.each((note) => tags.set(note.id, note.tags));
	return tags;
}
