/**
 * What an answer, an undo and a practice answer do to a card and its history, as pure functions: the
 * repos only read the card, call these, and write the result in one transaction. `buildReviewLog` is the
 * ONE place a review log is made (answers, practice and imported history all go through it).
 */
import { capFields, type CapFields } from './exam-cap-log';
import type { Scheduler } from './fsrs-adapter';
import { Queue, queueForState, type CardRow, type ReviewKind, type ReviewLogRow } from './model';
import { Rating, pickSchedule, type CardSchedule } from './schedule';
import { studyDayOf } from './study-day';

export interface ReviewLogInput {
	card: Pick<CardRow, 'id' | 'noteId' | 'deckId'>;
	rating: Rating;
	kind: ReviewKind;
	reviewedMs: number;
	dayCutoffHour: number;
	durationMs: number;
	before: CardSchedule;
	after: CardSchedule;
	afterRev: number;
	/** Longest answer time kept; longer times are cut to it (default: no cap). */
	maxDurationMs?: number;
	/** What an exam plan's cap set on `after`, if it moved it (replay applies it as recorded). */
	cap?: CapFields;
}

export function buildReviewLog(input: ReviewLogInput): ReviewLogRow {
	const durationMs = Math.max(0, Math.round(input.durationMs));
	return {
		cardId: input.card.id,
		noteId: input.card.noteId,
		deckId: input.card.deckId,
		rating: input.rating,
		kind: input.kind,
		reviewedMs: input.reviewedMs,
		studyDay: studyDayOf(input.reviewedMs, input.dayCutoffHour),
		durationMs: input.maxDurationMs === undefined ? durationMs : Math.min(input.maxDurationMs, durationMs),
		before: input.before,
		after: input.after,
		afterRev: input.afterRev,
		...(input.cap?.cappedDueMs !== undefined ? input.cap : {})
	};
}

export interface AnswerOutcomeInput {
	/** The card as stored now (the caller has checked it is the card that was shown). */
	current: CardRow;
	rating: Rating;
	nowMs: number;
	durationMs: number;
	scheduler: Scheduler;
	dayCutoffHour: number;
	kind?: ReviewKind;
}

/** The card after an answer and the log that records it (the log's `id` is set by the writer). */
export function answerOutcome(input: AnswerOutcomeInput): { card: CardRow; log: ReviewLogRow } {
	const { current, rating, nowMs } = input;
	const before = pickSchedule(current);
	const outcome = input.scheduler.answer(current.id, before, rating, nowMs);
	const after = outcome.schedule;
	const card: CardRow = { ...current, ...after, queue: queueForState(after.state), rev: current.rev + 1 };
	const log = buildReviewLog({
		card,
		rating,
		kind: input.kind ?? 'review',
		reviewedMs: nowMs,
		dayCutoffHour: input.dayCutoffHour,
		durationMs: input.durationMs,
		before,
		after,
		afterRev: card.rev,
		// Written with the answer (same row, same transaction): a replay of this log gives this card.
		cap: capFields(outcome)
	});
	return { card, log };
}

/** True when `current` is still the card `log` left behind (nothing else moved it since). */
export function canUndo(current: CardRow | undefined, log: ReviewLogRow): current is CardRow {
	return current !== undefined && current.rev === log.afterRev;
}

/**
 * The card as it was before the answer `log` records (a new `rev`: undo is a change too). An answer
 * never suspends a card: one suspended since (a suspension pulled from another device, a removed text)
 * stays suspended, as every other device has it.
 */
export function undoOutcome(current: CardRow, log: ReviewLogRow): CardRow {
	const queue = current.queue === Queue.Suspended ? Queue.Suspended : queueForState(log.before.state);
	return { ...current, ...log.before, queue, rev: current.rev + 1 };
}

/** A practice answer: a log of kind 'practice' that leaves the card exactly as it was. */
export function practiceLog(
	card: CardRow,
	answer: { rating: Rating; nowMs: number; durationMs: number; dayCutoffHour: number }
): ReviewLogRow {
	const schedule = pickSchedule(card);
	return buildReviewLog({
		card,
		rating: answer.rating,
		kind: 'practice',
		reviewedMs: answer.nowMs,
		dayCutoffHour: answer.dayCutoffHour,
		durationMs: answer.durationMs,
		before: schedule,
		after: schedule,
		afterRev: card.rev
	});
}

/** Cards answered Again today, in reviews or practice (for the "failed today" filter). */
export function failedToday(logs: readonly ReviewLogRow[]): Set<string> {
	// A 'manual' log (Forget, Set due date) records rating 1 but is not an answer.
	return new Set(logs.filter((l) => l.rating === Rating.Again && l.kind !== 'manual').map((l) => l.cardId));
}
