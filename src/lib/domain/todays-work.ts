/**
 * What a deck's review logs of one study day say about the daily limits: how many new cards were
 * introduced, how many reviews were done, and which notes were studied (their other cards are buried).
 * Practice logs do not count: practice never moves a schedule. Pure.
 */
import type { ReviewLogRow } from './model';
import { CardState } from './schedule';

export interface TodaysWork {
	/** New cards answered for the first time today. */
	newStudied: number;
	/** Cards answered today that were in the review state. */
	reviewsDone: number;
	/** Notes with a card answered today. */
	notesStudied: Set<string>;
	/** The note of each new card introduced today (one entry per card), to count them within a scope. */
	newCardNotes: string[];
}

export function todaysWork(logs: readonly ReviewLogRow[]): TodaysWork {
	const work: TodaysWork = { newStudied: 0, reviewsDone: 0, notesStudied: new Set(), newCardNotes: [] };
	for (const log of logs) {
		if (log.kind !== 'review') continue;
		work.notesStudied.add(log.noteId);
		if (log.before.state === CardState.New) {
			work.newStudied++;
			work.newCardNotes.push(log.noteId);
		} else if (log.before.state === CardState.Review) work.reviewsDone++;
	}
	return work;
}
