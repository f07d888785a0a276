/**
 * A deck's cards, read through the prefix of the `[deckId+queue+dueMs]` index: schema v8 dropped the
 * cards' own `deckId` index, so that every card written (an import, a bulk suspend) costs one index
 * record less (docs/performance.md). Every card has a numeric `queue` and `dueMs`, so each card is in
 * that index exactly once.
 *
 * The bounds are explicit rather than Dexie's "virtual index" (`where('deckId')`), which bounds the
 * range with one shared `Dexie.maxKey` array twice: fake-indexeddb, strict to the spec, refuses that key.
 * `[deckId]` sorts before every `[deckId, queue, dueMs]` and `[deckId, []]` after it (an array sorts after
 * every number). The collection is ordered by queue and due time; `cardsOfDeckById` gives them in id
 * order, as the dropped index did, for readers that hand a deck's cards to domain rules.
 */
import type { KartkaDB } from './db';

const BY_DECK = '[deckId+queue+dueMs]';
const INCLUSIVE = { includeLowers: true, includeUppers: true };

function deckRange(deckId: string): [string[], [string, never[]]] {
	return [[deckId], [deckId, []]];
}

export function cardsOfDeck(db: KartkaDB, deckId: string) {
	const [lower, upper] = deckRange(deckId);
	return db.cards.where(BY_DECK).between(lower, upper, true, true);
}

/** A deck's cards in id order (sorted in memory: one read of the deck either way). */
export function cardsOfDeckById(db: KartkaDB, deckId: string) {
	return cardsOfDeck(db, deckId).sortBy('id');
}

export function cardsOfDecks(db: KartkaDB, deckIds: readonly string[]) {
	return db.cards.where(BY_DECK).inAnyRange([...new Set(deckIds)].map(deckRange), INCLUSIVE);
}
