import type { SchemaStep } from '../db';

/**
 * Version 9: faster sync of review logs (issue 14's first-sync target; docs/sync.md "Speed").
 * Chromium's IndexedDB writes one entry per index for every log put, and a first sync writes 100,000
 * logs on the way down: each index costs about a sixth of writing them. The plain `reviewedMs` index
 * goes: every read by time now walks `[deckId+reviewedMs]` deck by deck (db/logs-by-time.repo.ts).
 * Only an index is dropped (IndexedDB deletes it): no row changes, so there is no upgrade function.
 * (Version 9 also stops writing a syncRevs row for each review log whose revision follows from its
 * content; rows written before stay valid and are still read first: sync-log-revs.repo.ts.)
 */
export const step: SchemaStep = {
	stores: {
		reviewLogs: '++id, cardId, [deckId+studyDay], [deckId+reviewedMs], &uid'
	}
};
