import type { SchemaStep } from '../db';

/**
 * Version 8: one index record less per card written (issue 11's bulk suspend, issue 13 item 5's imports;
 * docs/performance.md). Chromium writes a record per index for every card put, so the cards' `deckId`
 * index cost a suspend of 10,000 cards, or an import of 30,000, a record per card. A deck's cards are
 * read through the prefix of `[deckId+queue+dueMs]` instead (db/cards-of-decks.repo.ts): every card has
 * a numeric queue and due time, so every card is in that index.
 * Only an index is dropped (IndexedDB deletes it): no row changes, so there is no upgrade function.
 */
export const step: SchemaStep = {
	stores: {
		cards: 'id, [deckId+queue+dueMs], [deckId+queue+newPosition]'
	}
};
