/**
 * Practice answers that do not count: a review log of kind 'practice' and nothing else. The card row is
 * left exactly as it was (its schedule and its `rev`), so practice never moves a card's next review, and
 * statistics and optimization, which read 'review' logs only, never see it. Answers that do count go
 * through review.repo's answerCard like any review.
 */
import { practiceLog } from '$lib/domain/answer';
import type { ReviewLogRow } from '$lib/domain/model';
import type { Rating } from '$lib/domain/schedule';
import type { KartkaDB } from './db';
import {
	outboxTable,
	syncMetaTable,
	syncRevsTable,
	trackNewLog,
	trackRemovedLog,
	loadLogRevs
} from './sync-tracking.repo';

export interface PracticeAnswer {
	cardId: string;
	rating: Rating;
	nowMs: number;
	durationMs: number;
	dayCutoffHour: number;
}

export async function logPracticeAnswer(db: KartkaDB, answer: PracticeAnswer): Promise<ReviewLogRow> {
	const tables = [db.cards, db.reviewLogs, outboxTable(db), syncMetaTable(db)];
	return db.transaction('rw', tables, async () => {
		const card = await db.cards.get(answer.cardId);
		if (!card)
			throw new Error('This card no longer exists (deleted in another tab?). Your answer was not saved.');
		const log = practiceLog(card, answer);
		log.id = await db.reviewLogs.add(log);
		await trackNewLog(db, log);
		return log;
	});
}

/** Removes a practice log (undo); refuses any other kind of log. */
export async function undoPracticeAnswer(db: KartkaDB, logId: number, nowMs = Date.now()): Promise<void> {
	const tables = [db.reviewLogs, outboxTable(db), syncMetaTable(db), syncRevsTable(db)];
	const remember = await loadLogRevs();
	await db.transaction('rw', tables, async () => {
		const log = await db.reviewLogs.get(logId);
		if (!log) throw new Error('Nothing to undo: that answer is already gone.');
		if (log.kind !== 'practice') throw new Error('Only practice answers can be undone here.');
		await db.reviewLogs.delete(logId);
		await trackRemovedLog(db, log, nowMs, remember);
	});
}
