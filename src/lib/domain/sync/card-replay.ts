/**
 * A card's schedule is derived: the replay of its review logs in time order from a new card. After a
 * pull, every card a batch touched is recomputed this way, so answers given on two devices offline both
 * count, in the order they were given, and none twice (logs are keyed by their unique id). Pure.
 */
import { applyRecordedCap, type CapFields } from '../exam-cap-log';
import type { Scheduler } from '../fsrs-adapter';
import type { ReviewLogRow } from '../model';
import { newCardSchedule, pickSchedule, type CardSchedule } from '../schedule';

type ReplayLog = Pick<ReviewLogRow, 'rating' | 'kind' | 'reviewedMs' | 'after'> &
	CapFields & { uid?: string };

/** Time order; equal times (two devices, same millisecond) by log id, the same on every device. */
export function compareLogs(a: ReplayLog, b: ReplayLog): number {
	if (a.reviewedMs !== b.reviewedMs) return a.reviewedMs - b.reviewedMs;
	const ua = a.uid ?? '';
	const ub = b.uid ?? '';
	return ua < ub ? -1 : ua > ub ? 1 : 0;
}

export interface ReplayStep {
	before: CardSchedule;
	after: CardSchedule;
}

export interface CardReplay {
	schedule: CardSchedule;
	/** One step per log, in the order of `sortedLogs`. */
	steps: ReplayStep[];
	sortedLogs: ReplayLog[];
}

/**
 * Replays `logs` (any order) from a new card created at `createdMs`. Practice answers leave the card as
 * it was; manual changes (a schedule set by hand) and exam caps of answers are applied as recorded.
 */
export function replayCardLogs<T extends ReplayLog>(
	scheduler: Scheduler,
	cardId: string,
	createdMs: number,
	logs: readonly T[]
): { schedule: CardSchedule; steps: ReplayStep[]; sortedLogs: T[] } {
	const sortedLogs = [...logs].sort(compareLogs);
	let schedule = newCardSchedule(createdMs);
	const steps: ReplayStep[] = [];
	for (const log of sortedLogs) {
		const before = schedule;
		if (log.kind === 'manual') schedule = pickSchedule(log.after);
		else if (log.kind !== 'practice')
			schedule = applyRecordedCap(scheduler.answer(cardId, before, log.rating, log.reviewedMs).schedule, log);
		steps.push({ before, after: schedule });
	}
	return { schedule, steps, sortedLogs };
}

/**
 * When a card was created (its due time as a new card): recorded on the card, else the first log's
 * `before`, else the due time of a card never answered.
 */
export function cardCreatedMs(
	card: { createdMs?: number; state: number; dueMs: number; lastReviewMs: number | null },
	sortedLogs: readonly Pick<ReviewLogRow, 'before'>[]
): number {
	if (card.createdMs !== undefined) return card.createdMs;
	const first = sortedLogs[0];
	if (first && first.before.state === 0) return first.before.dueMs;
	if (card.state === 0) return card.dueMs;
	return card.lastReviewMs ?? 0;
}
