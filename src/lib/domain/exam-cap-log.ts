/**
 * An exam plan's cap (exam/exam-scheduler.ts) brings an answer's next review forward. The plan in force
 * at that moment is not known to a later replay of the card's logs (another device after a pull, a
 * reschedule), so the log records what the cap set and replay applies it as recorded. Pure.
 */
import type { AnswerOutcome } from './fsrs-adapter';
import type { ReviewLogRow } from './model';
import { CardState, type CardSchedule } from './schedule';

export type CapFields = Pick<ReviewLogRow, 'cappedDueMs' | 'cappedDays'>;

/** The log fields recording the cap of `outcome` (none when no cap applied). */
export function capFields(outcome: Pick<AnswerOutcome, 'examCap'>): CapFields {
	const cap = outcome.examCap;
	return cap ? { cappedDueMs: cap.dueMs, cappedDays: cap.scheduledDays } : {};
}

/**
 * `schedule` (a replayed answer's) with the recorded cap applied, as the cap did: only to a review card,
 * and only to bring its due time forward (an answer replayed after others that arrived later may
 * already be due sooner; a cap never pushes a review later).
 */
export function applyRecordedCap(schedule: CardSchedule, log: CapFields): CardSchedule {
	const { cappedDueMs, cappedDays } = log;
	if (cappedDueMs === undefined || cappedDays === undefined) return schedule;
	if (schedule.state !== CardState.Review || cappedDueMs >= schedule.dueMs) return schedule;
	return { ...schedule, dueMs: cappedDueMs, scheduledDays: cappedDays };
}
