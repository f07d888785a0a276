/** Decks with what is left to study today, for the home and deck screens. */
import type { KartkaDB } from '$lib/db/db';
import { countCards, listDecks } from '$lib/db/decks.repo';
import { loadQueueInput } from '$lib/db/queue.repo';
import { compareTitles } from '$lib/domain/decks/title-order';
import type { DeckRow } from '$lib/domain/model';
import { StudyQueue, type QueueCounts } from '$lib/domain/study-queue';
import { studySettingsForDeck } from './study-settings.service';

export interface DeckSummary {
	deck: DeckRow;
	counts: QueueCounts;
	totalCards: number;
}

export async function summarizeDeck(db: KartkaDB, deck: DeckRow, nowMs: number): Promise<DeckSummary> {
	const { settings } = await studySettingsForDeck(db, deck.id, nowMs);
	const [input, totalCards] = await Promise.all([
		loadQueueInput(db, deck.id, nowMs, settings),
		countCards(db, deck.id)
	]);
	return { deck, counts: new StudyQueue(input).counts(), totalCards };
}

export async function deckSummaries(db: KartkaDB, nowMs: number): Promise<DeckSummary[]> {
	const decks = (await listDecks(db)).sort((a, b) => compareTitles(a.title, b.title));
	return Promise.all(decks.map((deck) => summarizeDeck(db, deck, nowMs)));
}
