/**
 * An imported review history as one self-contained job: each card's past answers and the settings of
 * its deck, plain data that crosses to the import worker by structured clone. Running it is pure
 * (replay.ts with the deck's scheduler), so the worker and an in-place run (tests, no Worker) give the
 * same schedules and logs.
 */
import { schedulerForDeck } from '../deck-scheduler';
import { KartkaError } from '../errors';
import type { Scheduler } from '../fsrs-adapter';
import { replayCard, type PastAnswer, type ReplayedCard } from '../replay';
import type { SchedulerSettings } from '../scheduler-settings';

export interface HistoryReplayJob {
	/** The settings each deck's history is replayed under (an existing deck keeps its own). */
	decks: { deckId: string; settings: SchedulerSettings }[];
	cards: { cardId: string; noteId: string; deckId: string; answers: PastAnswer[] }[];
}

/** Replays every card of the job; `onProgress` gets the fraction done now and then (large histories). */
export function runHistoryReplay(
	job: HistoryReplayJob,
	onProgress?: (fraction: number) => void
): ReplayedCard[] {
	const schedulers = new Map<string, { scheduler: Scheduler; cutoff: number }>(
		job.decks.map(({ deckId, settings }) => [
			deckId,
			{
				scheduler: schedulerForDeck({ deckSettings: settings, examCap: null }),
				cutoff: settings.dayCutoffHour
			}
		])
	);
	const total = job.cards.length;
	return job.cards.map(({ answers, ...card }, i) => {
		if (onProgress && i % 500 === 0) onProgress(i / total);
		const deck = schedulers.get(card.deckId);
		if (!deck)
			throw new KartkaError('internal', `No settings for deck ${card.deckId} in the review-history replay.`);
		return replayCard(deck.scheduler, card, answers, deck.cutoff);
	});
}
