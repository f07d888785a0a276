/**
 * Undoing an answer in ONE transaction: the card as it was before the answer, its review log removed,
 * refused if the card changed since (another tab). Loaded on first use through review.repo.ts `undoAnswer`
 * (not needed for the study screen's first card: issue 13); the service worker installs it with the study
 * screen (pwa/study-shell.server.ts), so an undo offline finds it.
 */
import { canUndo, undoOutcome } from '$lib/domain/answer';
import { CardChangedError, KartkaError } from '$lib/domain/errors';
import { Queue, type CardRow } from '$lib/domain/model';
import type { KartkaDB } from './db';
import {
	loadLogRevs,
	outboxTable,
	syncMetaTable,
	syncRevsTable,
	trackRemovedLog
} from './sync-tracking.repo';

/** Restores the card as it was before `logId` and removes that log, in one transaction. */
export async function undoAnswerNow(db: KartkaDB, logId: number, nowMs: number): Promise<CardRow> {
	const tables = [db.cards, db.reviewLogs, outboxTable(db), syncMetaTable(db), syncRevsTable(db)];
	const remember = await loadLogRevs();
	return db.transaction('rw', tables, async () => {
		const log = await db.reviewLogs.get(logId);
		if (!log)
			throw new KartkaError(
				'undo-gone',
				'Nothing to undo: that answer is no longer stored (another tab undid it, or a backup was restored there). Your session goes on.'
			);
		const current = await db.cards.get(log.cardId);
		// A bulk suspension keeps the card's rev (schema v11): a card suspended since its answer changed too.
		if (!canUndo(current, log) || current?.queue === Queue.Suspended) throw new CardChangedError(log.cardId);
		const card = undoOutcome(current, log);
		await db.cards.put(card);
		await db.reviewLogs.delete(logId);
		await trackRemovedLog(db, log, nowMs, remember);
		return card;
	});
}
