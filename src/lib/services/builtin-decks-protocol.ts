/** Messages between the page and builtin-decks.worker.ts (shipped decks installed off the main thread). */
export type ToDeckWorker =
	/** Start installing; `wanted`: decks screens wait for, first asked first installed. */
	| { type: 'start'; nowMs: number; wanted: string[] }
	/** A screen opened this deck while installation runs: it goes next. */
	| { type: 'want'; deckId: string };

export type FromDeckWorker =
	/** The decks still to install (empty at the end). */
	{ type: 'pending'; ids: string[] } | { type: 'done' } | { type: 'failed'; message: string };
