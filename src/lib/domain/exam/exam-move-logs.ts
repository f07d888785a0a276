/**
 * The due dates an exam plan brings forward are recorded as 'manual' review logs (as Browse's "Set due
 * date" records its own, Anki's Manual revlog entry): replay applies a manual log's schedule as
 * recorded, so a card stays equal to the replay of its logs, and another device that receives the logs
 * gives the card the same due date. Pure.
 */
import type { CardRow, ReviewLogRow } from '../model';
import { pickSchedule } from '../schedule';
import { studyDayOf } from '../study-day';

/** One manual log per card whose schedule the plan changed (`puts` may also hold reorderings only). */
export function examMoveLogs(
	stored: readonly CardRow[],
	puts: readonly CardRow[],
	nowMs: number,
	dayCutoffHour: number
): Omit<ReviewLogRow, 'id'>[] {
	const before = new Map(stored.map((c) => [c.id, c]));
	const logs: Omit<ReviewLogRow, 'id'>[] = [];
	for (const card of puts) {
		const old = before.get(card.id);
		if (!old || (old.dueMs === card.dueMs && old.scheduledDays === card.scheduledDays)) continue;
		logs.push({
			cardId: card.id,
			noteId: card.noteId,
			deckId: card.deckId,
			rating: 1, // not an answer: statistics skip manual logs, replay applies `after` as recorded
			kind: 'manual',
			reviewedMs: nowMs,
			studyDay: studyDayOf(nowMs, dayCutoffHour),
			durationMs: 0,
			before: pickSchedule(old),
			after: pickSchedule(card),
			afterRev: card.rev
		});
	}
	return logs;
}
