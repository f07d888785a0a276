import type { SchemaStep } from '../db';

/** Version 1: the study loop. */
export const step: SchemaStep = {
	stores: {
		decks: 'id',
		notes: 'id, deckId, *tags',
		// [deckId+queue+dueMs]: learning and review cards due before a time, per deck;
		// [deckId+queue+newPosition]: new cards in deck order; [queue+dueMs]: the same across decks.
		cards: 'id, noteId, deckId, [deckId+queue+dueMs], [deckId+queue+newPosition], [queue+dueMs]',
		// [deckId+studyDay]: today's answers per deck (daily limits, burying); cardId: replay and undo.
		reviewLogs: '++id, cardId, [deckId+studyDay], [deckId+reviewedMs], reviewedMs',
		settings: 'key'
	}
};
