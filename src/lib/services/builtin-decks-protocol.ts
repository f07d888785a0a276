/** Messages between the page and builtin-decks.worker.ts (shipped decks installed off the main thread). */
import type { DeckSummary } from './deck-summary.service';

export type ToDeckWorker =
	/**
	 * Start installing; `wanted`: decks screens wait for, first asked first installed; `counts`: also read
	 * the decks' counts once installed (the home screen shows them: read here, off the page's main thread).
	 */
	| { type: 'start'; nowMs: number; wanted: string[]; counts: boolean }
	/** A screen opened this deck while installation runs: it goes next. */
	| { type: 'want'; deckId: string };

export type FromDeckWorker =
	/** The decks still to install (empty at the end). */
	| { type: 'pending'; ids: string[] }
	/** Installed; `counts`: every deck's summary right after, when the start asked for them. */
	| { type: 'done'; counts: DeckSummary[] | null }
	| { type: 'failed'; message: string };
