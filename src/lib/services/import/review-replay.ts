/**
 * Anki's review history (revlog) replayed into FSRS state: answering a new card with each past rating,
 * at its time and in order, gives the card's schedule today, and one review log per answer (kind
 * 'review', so statistics count them). Pure: the scheduler and the times come in.
 */
import type { Scheduler } from '$lib/domain/fsrs-adapter';
import type { ReviewLogRow } from '$lib/domain/model';
import { newCardSchedule, type CardSchedule, type Rating } from '$lib/domain/schedule';
import { studyDayOf } from '$lib/domain/study-day';

export interface PastAnswer {
	reviewedMs: number;
	rating: Rating;
	durationMs: number;
}

export interface ReplayedCard {
	cardId: string;
	noteId: string;
	deckId: string;
	schedule: CardSchedule;
	/** In answer order; `afterRev` is relative (1, 2, …): the writer adds the card's rev. */
	logs: Omit<ReviewLogRow, 'id'>[];
}

/** Longest answer time kept (Anki caps its own at 60 s by default; a forgotten phone is not a review). */
const MAX_DURATION_MS = 10 * 60_000;

export function replayCard(
	scheduler: Scheduler,
	card: { cardId: string; noteId: string; deckId: string },
	answers: PastAnswer[],
	dayCutoffHour: number
): ReplayedCard {
	const ordered = [...answers].sort((a, b) => a.reviewedMs - b.reviewedMs);
	let schedule: CardSchedule = newCardSchedule(ordered[0]?.reviewedMs ?? 0);
	const logs: Omit<ReviewLogRow, 'id'>[] = [];
	for (const [i, answer] of ordered.entries()) {
		const before = schedule;
		schedule = scheduler.answer(card.cardId, before, answer.rating, answer.reviewedMs).schedule;
		logs.push({
			cardId: card.cardId,
			noteId: card.noteId,
			deckId: card.deckId,
			rating: answer.rating,
			kind: 'review',
			reviewedMs: answer.reviewedMs,
			studyDay: studyDayOf(answer.reviewedMs, dayCutoffHour),
			durationMs: Math.min(MAX_DURATION_MS, Math.max(0, Math.round(answer.durationMs))),
			before,
			after: schedule,
			afterRev: i + 1
		});
	}
	return { ...card, schedule, logs };
}
