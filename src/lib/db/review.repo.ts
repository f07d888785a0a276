/**
 * Answering and undoing, each in ONE transaction that writes the card and its review log together
 * (as Anki's scheduler does), refused if the card changed since it was shown (another tab).
 */
import { KartkaError } from '$lib/domain/errors';
import type { Scheduler } from '$lib/domain/fsrs-adapter';
import { queueForState, type CardRow, type ReviewKind, type ReviewLogRow } from '$lib/domain/model';
import { pickSchedule, type Rating } from '$lib/domain/schedule';
import { studyDayOf } from '$lib/domain/study-day';
import type { KartkaDB } from './db';

export class CardChangedError extends Error {
	constructor(readonly cardId: string) {
		super('This card was changed elsewhere (another tab?) since it was shown. Your answer was not saved.');
		this.name = 'CardChangedError';
	}
}

export interface AnswerInput {
	/** The card exactly as it was shown: its `rev` must still be current. */
	shown: CardRow;
	rating: Rating;
	nowMs: number;
	durationMs: number;
	scheduler: Scheduler;
	dayCutoffHour: number;
	kind?: ReviewKind;
}

export interface AnswerResult {
	card: CardRow;
	log: ReviewLogRow;
}

export async function answerCard(db: KartkaDB, input: AnswerInput): Promise<AnswerResult> {
	const { shown, rating, nowMs, scheduler } = input;
	return db.transaction('rw', db.cards, db.reviewLogs, async () => {
		const current = await db.cards.get(shown.id);
		if (!current || current.rev !== shown.rev) throw new CardChangedError(shown.id);
		const before = pickSchedule(current);
		const { schedule: after } = scheduler.answer(current.id, before, rating, nowMs);
		const card: CardRow = { ...current, ...after, queue: queueForState(after.state), rev: current.rev + 1 };
		const log: ReviewLogRow = {
			cardId: card.id,
			noteId: card.noteId,
			deckId: card.deckId,
			rating,
			kind: input.kind ?? 'review',
			reviewedMs: nowMs,
			studyDay: studyDayOf(nowMs, input.dayCutoffHour),
			durationMs: Math.max(0, Math.round(input.durationMs)),
			before,
			after,
			afterRev: card.rev
		};
		await db.cards.put(card);
		log.id = await db.reviewLogs.add(log);
		return { card, log };
	});
}

/** Restores the card as it was before `logId` and removes that log, in one transaction. */
export async function undoAnswer(db: KartkaDB, logId: number): Promise<CardRow> {
	return db.transaction('rw', db.cards, db.reviewLogs, async () => {
		const log = await db.reviewLogs.get(logId);
		if (!log)
			throw new KartkaError(
				'undo-gone',
				'Nothing to undo: that answer is no longer stored (another tab undid it, or a backup was restored there). Your session goes on.'
			);
		const current = await db.cards.get(log.cardId);
		if (!current || current.rev !== log.afterRev) throw new CardChangedError(log.cardId);
		const card: CardRow = {
			...current,
			...log.before,
			queue: queueForState(log.before.state),
			rev: current.rev + 1
		};
		await db.cards.put(card);
		await db.reviewLogs.delete(logId);
		return card;
	});
}

/** A card's logs in answer order (for replay checks and statistics). */
export function logsOfCard(db: KartkaDB, cardId: string): Promise<ReviewLogRow[]> {
	return db.reviewLogs.where('cardId').equals(cardId).sortBy('reviewedMs');
}
