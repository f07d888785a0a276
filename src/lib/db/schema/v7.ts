import type { SchemaStep } from '../db';

/**
 * Version 7: faster bulk writes (issue 13 item 5, issue 11's bulk actions; docs/performance.md).
 * Chromium's IndexedDB writes one entry per index for every card put, so each index costs an import
 * of 30,000 cards (or a suspend of 10,000) about a sixth of its time. Two card indexes go:
 * - `noteId`: a note's cards are a key range of card ids (`${noteId}#${ord}`, db/cards-of-notes.repo.ts);
 * - `[queue+dueMs]`: no read used it since version 4's upgrade.
 * Only indexes are dropped (IndexedDB deletes them): no row changes, so there is no upgrade function.
 */
export const step: SchemaStep = {
	stores: {
		cards: 'id, deckId, [deckId+queue+dueMs], [deckId+queue+newPosition]'
	}
};
