/**
 * "Reschedule existing cards" after desired retention or parameters change: every card in the review
 * state is given the schedule its own history yields under the settings now in force for its deck.
 * ONE transaction for all cards: a student never sees half the collection on the old schedule.
 * The scheduler is the deck's own (schedulerForDeck), so an active exam plan keeps its cap.
 */
import { schedulerForDeck, studySettings } from '$lib/domain/deck-scheduler';
import { Queue, queueForState, type CardRow, type ReviewLogRow } from '$lib/domain/model';
import { replaySchedule, scheduleChanged } from '$lib/domain/replay';
import { CardState, pickSchedule } from '$lib/domain/schedule';
import type { KartkaDB } from './db';
import { cardsOfDeck } from './cards-of-decks.repo';
import { readStudySettingsInput, studySettingsTables } from './settings.repo';

export interface RescheduleSummary {
	/** Review cards whose due date or memory changed. */
	rescheduled: number;
	/** Review cards already on the schedule the new settings give. */
	unchanged: number;
	/** Review cards without a complete history (e.g. imported schedules): left as they were. */
	skipped: number;
}

export async function rescheduleReviewCards(
	db: KartkaDB,
	options: { deckId?: string; nowMs?: number } = {}
): Promise<RescheduleSummary> {
	const summary: RescheduleSummary = { rescheduled: 0, unchanged: 0, skipped: 0 };
	const nowMs = options.nowMs ?? Date.now();
	await db.transaction('rw', studySettingsTables(db), async () => {
		const decks =
			options.deckId === undefined ? await db.decks.toArray() : [await db.decks.get(options.deckId)];
		for (const deck of decks) {
			if (!deck) continue;
			const scheduler = schedulerForDeck(
				studySettings(await readStudySettingsInput(db, deck.id, nowMs), nowMs)
			);
			const cards = (await cardsOfDeck(db, deck.id).toArray()).filter((c) => c.state === CardState.Review);
			if (cards.length === 0) continue;
			const logsByCard = new Map<string, ReviewLogRow[]>();
			// One index range per deck (a lookup per card is far slower on large collections).
			const logs = await db.reviewLogs
				.where('[deckId+reviewedMs]')
				.between([deck.id, -Infinity], [deck.id, Infinity])
				.toArray();
			for (const log of logs) logsByCard.set(log.cardId, [...(logsByCard.get(log.cardId) ?? []), log]);
			const puts: CardRow[] = [];
			for (const card of cards) {
				const next = replaySchedule(scheduler, card.id, card, logsByCard.get(card.id) ?? []);
				if (!next) summary.skipped++;
				else if (!scheduleChanged(pickSchedule(card), next)) summary.unchanged++;
				else {
					summary.rescheduled++;
					const queue = card.queue === Queue.Suspended ? Queue.Suspended : queueForState(next.state);
					puts.push({ ...card, ...next, queue, rev: card.rev + 1 });
				}
			}
			await db.cards.bulkPut(puts);
		}
	});
	return summary;
}
