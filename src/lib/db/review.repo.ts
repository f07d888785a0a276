/**
 * Answering and undoing, each in ONE transaction that writes the card and its review log together
 * (as Anki's scheduler does), refused if the card changed since it was shown (another tab).
 * Undo's transaction is in review-undo.repo.ts and the answer's sync record in sync-tracking.repo.ts, both
 * loaded when first needed: the study screen's first card loads neither (issue 13: home + study ≤ 90 kB), and
 * fetches both once the card is on screen (`prefetchAnswerAndUndo`), before a student can answer it.
 */
import { answerOutcome, type AnswerOutcomeInput } from '$lib/domain/answer';
import { CardChangedError } from '$lib/domain/errors';
import { Queue, type CardRow, type ReviewLogRow } from '$lib/domain/model';
import type { KartkaDB } from './db';

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
	// Loaded before the transaction: awaiting an import inside it would let IndexedDB commit it early.
	const { trackNewLog } = await loadTracking();
	// The outbox is written in the same transaction: an answer is never saved without its sync record.
	const tables = [db.cards, db.reviewLogs, db.syncOutbox, db.syncMeta];
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

const loadTracking = () => import('./sync-tracking.repo');
const loadUndo = () => import('./review-undo.repo');

/** The answer's sync record and undo's code, loaded on first use and ahead of it once a card is on screen. */
export const prefetchAnswerAndUndo = () => Promise.all([loadTracking(), loadUndo()]);

/** Restores the card as it was before `logId` and removes that log, in one transaction. */
export async function undoAnswer(db: KartkaDB, logId: number, nowMs = Date.now()): Promise<CardRow> {
	const { undoAnswerNow } = await loadUndo();
	return undoAnswerNow(db, logId, nowMs);
}

/** A card's logs in answer order (for replay checks and statistics). */
export function logsOfCard(db: KartkaDB, cardId: string): Promise<ReviewLogRow[]> {
	return db.reviewLogs.where('cardId').equals(cardId).sortBy('reviewedMs');
}
