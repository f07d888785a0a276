/** Reads the candidates of today's queue by index (no table scans), for the pure StudyQueue. */
import { Queue } from '$lib/domain/model';
import type { SchedulerSettings } from '$lib/domain/scheduler-settings';
import { endOfStudyDayAt, studyDayOf } from '$lib/domain/study-day';
import type { QueueInput } from '$lib/domain/study-queue';
import { todaysWork } from '$lib/domain/todays-work';
import type { KartkaDB } from './db';
import { limitUnsuspended, withoutSuspended } from './suspended-cards.repo';

/** Extra candidates read beyond the daily limits, so that burying siblings does not starve the queue. */
const SIBLING_SLACK = 2;

export async function loadQueueInput(
	db: KartkaDB,
	deckId: string,
	nowMs: number,
	settings: SchedulerSettings
): Promise<QueueInput> {
	const cutoff = settings.dayCutoffHour;
	const endOfDayMs = endOfStudyDayAt(nowMs, cutoff);
	const today = studyDayOf(nowMs, cutoff);
	return db.transaction('r', db.cards, db.reviewLogs, async () => {
		const todaysLogs = await db.reviewLogs.where('[deckId+studyDay]').equals([deckId, today]).toArray();
		const work = todaysWork(todaysLogs);
		const newStudiedToday = work.newStudied;
		const reviewsDoneToday = work.reviewsDone;
		const notesStudiedToday = work.notesStudied;
		const reviewLeft = Math.max(0, settings.reviewsPerDay - reviewsDoneToday);
		const newLeft = Math.max(0, settings.newCardsPerDay - newStudiedToday);
		const byDue = db.cards.where('[deckId+queue+dueMs]');
		// The queue indexes hold suspended cards under their state queue (schema v11): they are left out.
		const [learning, review, fresh] = await Promise.all([
			byDue
				.between([deckId, Queue.Learning, -Infinity], [deckId, Queue.Learning, endOfDayMs])
				.toArray()
				.then(withoutSuspended),
			limitUnsuspended(
				(limit) =>
					byDue
						.between([deckId, Queue.Review, -Infinity], [deckId, Queue.Review, endOfDayMs])
						.limit(limit)
						.toArray(),
				reviewLeft * SIBLING_SLACK + notesStudiedToday.size
			),
			limitUnsuspended(
				(limit) =>
					db.cards
						.where('[deckId+queue+newPosition]')
						.between([deckId, Queue.New, -Infinity], [deckId, Queue.New, Infinity])
						.limit(limit)
						.toArray(),
				newLeft * SIBLING_SLACK + notesStudiedToday.size
			)
		]);
		return {
			nowMs,
			endOfDayMs,
			settings,
			learning,
			review,
			fresh,
			newStudiedToday,
			reviewsDoneToday,
			notesStudiedToday
		};
	});
}

/** When the next learning or review card of the deck falls due after `afterMs` (null if none). */
export async function nextDueMs(db: KartkaDB, deckId: string, afterMs: number): Promise<number | null> {
	const byDue = db.cards.where('[deckId+queue+dueMs]');
	const [learning, review] = await Promise.all(
		[Queue.Learning, Queue.Review].map((queue) =>
			limitUnsuspended(
				(limit) =>
					byDue
						.between([deckId, queue, afterMs], [deckId, queue, Infinity], false, true)
						.limit(limit)
						.toArray(),
				1
			).then((first) => first[0])
		)
	);
	const due = [learning?.dueMs, review?.dueMs].filter((d): d is number => d !== undefined);
	return due.length ? Math.min(...due) : null;
}
