/** Messages between the page and builtin-decks.worker.ts (shipped decks installed off the main thread). */
import type { DeckSummary } from './deck-summary.service';
import type { StudyStart } from './study-start.service';

export type ToDeckWorker =
	/**
	 * Start installing; `wanted`: decks screens wait for, first asked first installed; `counts`: also read
	 * the decks' counts once installed (the home screen shows them: read here, off the page's main thread);
	 * `studyStart`: the deck a study screen opens, whose first queue is read here once it is installed.
	 */
	| { type: 'start'; nowMs: number; wanted: string[]; counts: boolean; studyStart: string | null }
	/** A screen opened this deck while installation runs: it goes next. */
	| { type: 'want'; deckId: string };

export type FromDeckWorker =
	/** What the study screen needs for its first card, read right after its deck was written (before the
	 * `pending` message that no longer lists that deck). */
	| { type: 'study-start'; start: StudyStart }
	/** The decks still to install (empty at the end). */
	| { type: 'pending'; ids: string[] }
	/** Installed; `counts`: every deck's summary right after, when the start asked for them. */
	| { type: 'done'; counts: DeckSummary[] | null }
	| { type: 'failed'; message: string };
