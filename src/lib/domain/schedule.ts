/** Plain scheduling rows stored in IndexedDB: numbers only (epoch ms and days), never library objects. */

export const CardState = { New: 0, Learning: 1, Review: 2, Relearning: 3 } as const;
export type CardState = (typeof CardState)[keyof typeof CardState];

export const Rating = { Again: 1, Hard: 2, Good: 3, Easy: 4 } as const;
export type Rating = (typeof Rating)[keyof typeof Rating];
export const RATINGS: readonly Rating[] = [1, 2, 3, 4];
export const RATING_NAMES: Record<Rating, 'Again' | 'Hard' | 'Good' | 'Easy'> = {
	1: 'Again',
	2: 'Hard',
	3: 'Good',
	4: 'Easy'
};

export interface CardSchedule {
	state: CardState;
	/** When the card is next due (epoch ms). Review cards fall due at the start of a local study day. */
	dueMs: number;
	stability: number;
	difficulty: number;
	/** Interval in study days chosen at the last answer (0 while learning). */
	scheduledDays: number;
	/** Index of the current (re)learning step. */
	learningSteps: number;
	reps: number;
	lapses: number;
	lastReviewMs: number | null;
}

export function newCardSchedule(createdMs: number): CardSchedule {
	return {
		state: CardState.New,
		dueMs: createdMs,
		stability: 0,
		difficulty: 0,
		scheduledDays: 0,
		learningSteps: 0,
		reps: 0,
		lapses: 0,
		lastReviewMs: null
	};
}

export function pickSchedule<T extends CardSchedule>(row: T): CardSchedule {
	const { state, dueMs, stability, difficulty, scheduledDays, learningSteps, reps, lapses, lastReviewMs } =
		row;
	return { state, dueMs, stability, difficulty, scheduledDays, learningSteps, reps, lapses, lastReviewMs };
}
