/**
 * Answering and undoing, each in ONE transaction that writes the card and its review log together
 * (as Anki's scheduler does), refused if the card changed since it was shown (another tab).
 * Undo's transaction is in review-undo.repo.ts, loaded when first needed: the study screen's first card
 * loads only what its first answer needs (issue 13: home + study ≤ 90 kB), and fetches undo once the card
 * is on screen (`prefetchUndo`).
 */
import { answerOutcome, type AnswerOutcomeInput } from '$lib/domain/answer';
import { CardChangedError } from '$lib/domain/errors';
import { Queue, type CardRow, type ReviewLogRow } from '$lib/domain/model';
import type { KartkaDB } from './db';
import { outboxTable, syncMetaTable, trackNewLog } from './sync-tracking.repo';

export interface AnswerInput extends Omit<AnswerOutcomeInput, 'current'> {
	/** The card exactly as it was shown: its `rev` must still be current. */
	shown: CardRow;
}

export interface AnswerResult {
	card: CardRow;
	log: ReviewLogRow;
}

export async function answerCard(db: KartkaDB, input: AnswerInput): Promise<AnswerResult> {
	const { shown } = input;
	// The outbox is written in the same transaction: an answer is never saved without its sync record.
	const tables = [db.cards, db.reviewLogs, outboxTable(db), syncMetaTable(db)];
	return db.transaction('rw', tables, async () => {
		const current = await db.cards.get(shown.id);
		// A suspension (schema v11) leaves the card row and its rev alone: it is checked on its own.
		const suspendedSince = current?.queue === Queue.Suspended && shown.queue !== Queue.Suspended;
		if (!current || current.rev !== shown.rev || suspendedSince) throw new CardChangedError(shown.id);
		const { card, log } = answerOutcome({ ...input, current });
		await db.cards.put(card);
		log.id = await db.reviewLogs.add(log);
		await trackNewLog(db, log);
		return { card, log };
	});
}

/** Undo's code, loaded on first use (and ahead of it once a card is on screen). */
export const prefetchUndo = () => import('./review-undo.repo');

/** Restores the card as it was before `logId` and removes that log, in one transaction. */
export async function undoAnswer(db: KartkaDB, logId: number, nowMs = Date.now()): Promise<CardRow> {
	const { undoAnswerNow } = await prefetchUndo();
	return undoAnswerNow(db, logId, nowMs);
}

/** A card's logs in answer order (for replay checks and statistics). */
export function logsOfCard(db: KartkaDB, cardId: string): Promise<ReviewLogRow[]> {
	return db.reviewLogs.where('cardId').equals(cardId).sortBy('reviewedMs');
}
