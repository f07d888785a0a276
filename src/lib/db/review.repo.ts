/**
 * Answering and undoing, each in ONE transaction that writes the card and its review log together
 * (as Anki's scheduler does), refused if the card changed since it was shown (another tab).
 */
import { answerOutcome, canUndo, undoOutcome, type AnswerOutcomeInput } from '$lib/domain/answer';
import { KartkaError } from '$lib/domain/errors';
import type { CardRow, ReviewLogRow } from '$lib/domain/model';
import type { KartkaDB } from './db';
import {
	outboxTable,
	syncMetaTable,
	syncRevsTable,
	trackNewLog,
	trackRemovedLog,
	loadLogRevs
} from './sync-tracking.repo';

export class CardChangedError extends Error {
	constructor(readonly cardId: string) {
		super('This card was changed elsewhere (another tab?) since it was shown. Your answer was not saved.');
		this.name = 'CardChangedError';
	}
}

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
		if (!current || current.rev !== shown.rev) throw new CardChangedError(shown.id);
		const { card, log } = answerOutcome({ ...input, current });
		await db.cards.put(card);
		log.id = await db.reviewLogs.add(log);
		await trackNewLog(db, log);
		return { card, log };
	});
}

/** Restores the card as it was before `logId` and removes that log, in one transaction. */
export async function undoAnswer(db: KartkaDB, logId: number, nowMs = Date.now()): Promise<CardRow> {
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
		if (!canUndo(current, log)) throw new CardChangedError(log.cardId);
		const card = undoOutcome(current, log);
		await db.cards.put(card);
		await db.reviewLogs.delete(logId);
		await trackRemovedLog(db, log, nowMs, remember);
		return card;
	});
}

/** A card's logs in answer order (for replay checks and statistics). */
export function logsOfCard(db: KartkaDB, cardId: string): Promise<ReviewLogRow[]> {
	return db.reviewLogs.where('cardId').equals(cardId).sortBy('reviewedMs');
}
