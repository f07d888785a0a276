/**
 * Rescheduling after a change of desired retention or parameters: a card's schedule is recomputed by
 * replaying its own answers through the scheduler with the new settings, as if they had been in force
 * all along (as ts-fsrs's `reschedule` and Anki's "reschedule cards on change" do). Pure.
 */
import type { Scheduler } from '../fsrs-adapter';
import type { ReviewLogRow } from '../model';
import { CardState, pickSchedule, type CardSchedule } from '../schedule';

type LogLike = Pick<ReviewLogRow, 'rating' | 'kind' | 'reviewedMs' | 'before' | 'after'> & { id?: number };

/**
 * The card's schedule under `scheduler`, or null when its logs do not explain it (history that does not
 * start from a new card, or a replay that ends in another state): such cards are left as they are.
 * Practice answers never moved the schedule and are skipped; manual changes are applied as recorded.
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
	let schedule: CardSchedule = pickSchedule(first.before);
	for (const log of sorted) {
		schedule =
			log.kind === 'manual'
				? pickSchedule(log.after)
				: scheduler.answer(cardId, schedule, log.rating, log.reviewedMs).schedule;
	}
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
