/** Statistics of cards: how many are in each state, and when they fall due. Pure. */
import { Queue, type CardRow } from '../model';
import { CardState } from '../schedule';
import { studyDayOf } from '../study-day';

export interface CardStateCounts {
	new: number;
	learning: number;
	review: number;
	relearning: number;
	/** Suspended cards (including those of notes removed from their deck), whatever their state. */
	suspended: number;
	total: number;
}

export function cardStateCounts(cards: Iterable<Pick<CardRow, 'state' | 'queue'>>): CardStateCounts {
	const counts: CardStateCounts = { new: 0, learning: 0, review: 0, relearning: 0, suspended: 0, total: 0 };
	for (const card of cards) {
		counts.total++;
		if (card.queue === Queue.Suspended) counts.suspended++;
		else if (card.state === CardState.New) counts.new++;
		else if (card.state === CardState.Learning) counts.learning++;
		else if (card.state === CardState.Review) counts.review++;
		else counts.relearning++;
	}
	return counts;
}

export interface ForecastDay {
	/** Study-day index. */
	day: number;
	/** Cards falling due on that day (day 0 also holds every overdue card). */
	review: number;
	learning: number;
}

/**
 * Cards due on each of the next `days` study days, today first. Overdue cards count for today, as they
 * are in today's queue. New and suspended cards are not due; daily limits are not applied.
 */
export function dueForecast(
	cards: Iterable<Pick<CardRow, 'queue' | 'dueMs'>>,
	nowMs: number,
	cutoffHour: number,
	days = 30
): ForecastDay[] {
	const today = studyDayOf(nowMs, cutoffHour);
	const out: ForecastDay[] = Array.from({ length: days }, (_, i) => ({
		day: today + i,
		review: 0,
		learning: 0
	}));
	for (const card of cards) {
		if (card.queue !== Queue.Review && card.queue !== Queue.Learning) continue;
		const offset = Math.max(0, studyDayOf(card.dueMs, cutoffHour) - today);
		const slot = out[offset];
		if (!slot) continue;
		if (card.queue === Queue.Review) slot.review++;
		else slot.learning++;
	}
	return out;
}
