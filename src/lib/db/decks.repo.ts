/** Deck list and per-deck counts for the home screen. */
import type { DeckRow, NoteRow } from '$lib/domain/model';
import { StudyQueue, type QueueCounts } from '$lib/domain/study-queue';
import type { KartkaDB } from './db';
import { loadQueueInput } from './queue.repo';
import { settingsForDeck } from './settings.repo';

export interface DeckSummary {
	deck: DeckRow;
	counts: QueueCounts;
	totalCards: number;
}

export function listDecks(db: KartkaDB): Promise<DeckRow[]> {
	return db.decks.orderBy('id').toArray();
}

export function getDeck(db: KartkaDB, deckId: string): Promise<DeckRow | undefined> {
	return db.decks.get(deckId);
}

export async function deckSummaries(db: KartkaDB, nowMs: number): Promise<DeckSummary[]> {
	const decks = await listDecks(db);
	return Promise.all(
		decks.map(async (deck) => {
			const settings = await settingsForDeck(db, deck.id);
			const input = await loadQueueInput(db, deck.id, nowMs, settings);
			const totalCards = await db.cards.where('deckId').equals(deck.id).count();
			return { deck, counts: new StudyQueue(input).counts(), totalCards };
		})
	);
}

export function getNotes(db: KartkaDB, ids: string[]): Promise<(NoteRow | undefined)[]> {
	return db.notes.bulkGet(ids);
}

/** Content hashes of installed decks, to tell whether a shipped deck file changed. */
export async function installedHashes(db: KartkaDB): Promise<Map<string, string>> {
	const decks = await db.decks.toArray();
	return new Map(decks.map((d) => [d.id, d.contentHash]));
}
