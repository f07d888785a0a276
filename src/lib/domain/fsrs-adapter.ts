/**
 * The only module that imports ts-fsrs. It converts between our plain rows (epoch ms, study days)
 * and the library's objects, and moves the library's UTC day counting onto the user's local study
 * day (with its cutoff hour) by feeding it a "study-day clock" (see toStudyDayClock).
 */
import {
	fsrs,
	forgetting_curve,
	generatorParameters,
	StrategyMode,
	State,
	type AbstractScheduler,
	type Card,
	type FSRS,
	type Grade,
	type StepUnit
} from 'ts-fsrs';
import { CardState, RATINGS, type CardSchedule, type Rating } from './schedule';
import type { SchedulerSettings } from './scheduler-settings';
import { startOfStudyDay, studyDayOf, toStudyDayClock } from './study-day';

export interface AnswerOutcome {
	rating: Rating;
	schedule: CardSchedule;
	/** Time until the card is due again, in ms (for learning) or study days (for review). */
	intervalMs: number;
	intervalDays: number;
}

type CardWithId = Card & { kartkaCardId: string };

export interface Scheduler {
	/** The four possible outcomes of answering `card` at `nowMs`. */
	preview(cardId: string, card: CardSchedule, nowMs: number): Record<Rating, AnswerOutcome>;
	answer(cardId: string, card: CardSchedule, rating: Rating, nowMs: number): AnswerOutcome;
	/** Predicted probability of recall at `atMs` (0 for a new card). */
	retrievability(card: CardSchedule, atMs: number): number;
}

export function createScheduler(settings: SchedulerSettings): Scheduler {
	const cutoff = settings.dayCutoffHour;
	const params = generatorParameters({
		request_retention: settings.desiredRetention,
		maximum_interval: settings.maximumIntervalDays,
		enable_fuzz: settings.fuzz,
		enable_short_term: true,
		learning_steps: settings.learningSteps as StepUnit[],
		relearning_steps: settings.relearningSteps as StepUnit[],
		...(settings.weights ? { w: settings.weights } : {})
	});
	const engine: FSRS = fsrs(params);
	// Fuzz must be reproducible per card (replaying a card's logs gives the same card), not per clock.
	engine.useStrategy(StrategyMode.SEED, function (this: AbstractScheduler) {
		const card = Reflect.get(this, 'current') as CardWithId; // protected in the library's types
		return `${card.kartkaCardId}:${card.reps}`;
	});

	function toLibrary(cardId: string, c: CardSchedule): CardWithId {
		return {
			kartkaCardId: cardId,
			due: new Date(toStudyDayClock(c.dueMs, cutoff)),
			stability: c.stability,
			difficulty: c.difficulty,
			elapsed_days: 0, // deprecated in ts-fsrs and unused by its scheduler; never stored
			scheduled_days: c.scheduledDays,
			learning_steps: c.learningSteps,
			reps: c.reps,
			lapses: c.lapses,
			state: c.state as unknown as State,
			last_review: c.lastReviewMs === null ? undefined : new Date(toStudyDayClock(c.lastReviewMs, cutoff))
		};
	}

	function fromLibrary(next: Card, nowMs: number, shiftedNowMs: number, rating: Rating): AnswerOutcome {
		const state = next.state as unknown as CardState;
		let dueMs: number;
		if (state === CardState.Review) {
			// Review cards fall due on a study day, at its start.
			dueMs = startOfStudyDay(studyDayOf(nowMs, cutoff) + next.scheduled_days, cutoff);
		} else {
			dueMs = nowMs + (next.due.getTime() - shiftedNowMs);
		}
		return {
			rating,
			intervalMs: dueMs - nowMs,
			intervalDays: state === CardState.Review ? next.scheduled_days : 0,
			schedule: {
				state,
				dueMs,
				stability: next.stability,
				difficulty: next.difficulty,
				scheduledDays: next.scheduled_days,
				learningSteps: next.learning_steps,
				reps: next.reps,
				lapses: next.lapses,
				lastReviewMs: nowMs
			}
		};
	}

	function preview(cardId: string, card: CardSchedule, nowMs: number): Record<Rating, AnswerOutcome> {
		const shifted = toStudyDayClock(nowMs, cutoff);
		const log = engine.repeat(toLibrary(cardId, card), new Date(shifted));
		const out = {} as Record<Rating, AnswerOutcome>;
		for (const rating of RATINGS) out[rating] = fromLibrary(log[rating as Grade].card, nowMs, shifted, rating);
		return out;
	}

	function answer(cardId: string, card: CardSchedule, rating: Rating, nowMs: number): AnswerOutcome {
		const shifted = toStudyDayClock(nowMs, cutoff);
		const next = engine.next(toLibrary(cardId, card), new Date(shifted), rating as Grade);
		return fromLibrary(next.card, nowMs, shifted, rating);
	}

	function retrievability(card: CardSchedule, atMs: number): number {
		if (card.state === CardState.New || card.lastReviewMs === null || card.stability <= 0) return 0;
		const elapsedDays = Math.max(0, studyDayOf(atMs, cutoff) - studyDayOf(card.lastReviewMs, cutoff));
		return forgetting_curve(params.w, elapsedDays, card.stability);
	}

	return { preview, answer, retrievability };
}
