/**
 * The ONE history replayer: a card's answers, in order, run through a scheduler. Used to turn an Anki
 * review history into FSRS state and review logs (import), and to recompute a card's schedule from its
 * own logs under new settings (reschedule). Pure: the scheduler and the times come in.
 */
import { buildReviewLog } from './answer';
import { applyRecordedCap, type CapFields } from './exam-cap-log';
import type { Scheduler } from './fsrs-adapter';
import type { CardRow, ReviewKind, ReviewLogRow } from './model';
import { CardState, newCardSchedule, pickSchedule, type CardSchedule, type Rating } from './schedule';

/**
 * One step of a history: an answer to replay (with the exam cap it had, if any, applied as recorded),
 * or (kind 'manual') a recorded change applied as is.
 */
export interface HistoryStep extends CapFields {
	rating: Rating;
	reviewedMs: number;
	kind?: ReviewKind;
	/** For 'manual' steps: the schedule the change set. */
	after?: CardSchedule;
}

/** The schedule after each step, starting from `start`. Practice steps never move a card and are skipped. */
export function replayHistory(
	scheduler: Scheduler,
	cardId: string,
	start: CardSchedule,
	steps: readonly HistoryStep[]
): { before: CardSchedule; after: CardSchedule }[] {
	let schedule = start;
	const out: { before: CardSchedule; after: CardSchedule }[] = [];
	for (const step of steps) {
		if (step.kind === 'practice') continue;
		const before = schedule;
		schedule =
			step.kind === 'manual' && step.after
				? pickSchedule(step.after)
				: applyRecordedCap(scheduler.answer(cardId, before, step.rating, step.reviewedMs).schedule, step);
		out.push({ before, after: schedule });
	}
	return out;
}

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

/**
 * Anki's review history (revlog) replayed into FSRS state: answering a new card with each past rating,
 * at its time and in order, gives the card's schedule today, and one review log per answer (kind
 * 'review', so statistics count them).
 */
export function replayCard(
	scheduler: Scheduler,
	card: { cardId: string; noteId: string; deckId: string },
	answers: PastAnswer[],
	dayCutoffHour: number
): ReplayedCard {
	const ordered = [...answers].sort((a, b) => a.reviewedMs - b.reviewedMs);
	const start = newCardSchedule(ordered[0]?.reviewedMs ?? 0);
	const steps = replayHistory(scheduler, card.cardId, start, ordered);
	const row: Pick<CardRow, 'id' | 'noteId' | 'deckId'> = {
		id: card.cardId,
		noteId: card.noteId,
		deckId: card.deckId
	};
	const logs = ordered.map((answer, i) =>
		buildReviewLog({
			card: row,
			rating: answer.rating,
			kind: 'review',
			reviewedMs: answer.reviewedMs,
			dayCutoffHour,
			durationMs: answer.durationMs,
			maxDurationMs: MAX_DURATION_MS,
			before: steps[i]!.before,
			after: steps[i]!.after,
			afterRev: i + 1
		})
	);
	return { ...card, schedule: steps.at(-1)?.after ?? start, logs };
}

type LogLike = Pick<ReviewLogRow, 'rating' | 'kind' | 'reviewedMs' | 'before' | 'after'> &
	CapFields & { id?: number };

/**
 * The card's schedule under `scheduler` (as if the settings had been in force all along, like ts-fsrs's
 * `reschedule` and Anki's "reschedule cards on change"), or null when its logs do not explain it
 * (history that does not start from a new card, or a replay that ends in another state): such cards are
 * left as they are. Practice answers never moved the schedule and are skipped; manual changes are
 * applied as recorded.
 */
export function replaySchedule(
	scheduler: Scheduler,
	cardId: string,
	current: CardSchedule,
	logs: readonly LogLike[]
): CardSchedule | null {
	const sorted = logs
		.filter((l) => l.kind !== 'practice')
		.sort((a, b) => a.reviewedMs - b.reviewedMs || (a.id ?? 0) - (b.id ?? 0));
	const first = sorted[0];
	if (!first || first.before.state !== CardState.New) return null;
	const steps = replayHistory(scheduler, cardId, pickSchedule(first.before), sorted);
	const schedule = steps.at(-1)!.after;
	return schedule.state === current.state ? schedule : null;
}

export function scheduleChanged(a: CardSchedule, b: CardSchedule): boolean {
	return (
		a.dueMs !== b.dueMs ||
		a.stability !== b.stability ||
		a.difficulty !== b.difficulty ||
		a.scheduledDays !== b.scheduledDays ||
		a.state !== b.state
	);
}
