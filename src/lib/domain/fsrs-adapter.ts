/**
 * The only module that imports ts-fsrs. It converts between our plain rows (epoch ms, study days)
 * and the library's objects, and moves the library's UTC day counting onto the user's local study
 * day (with its cutoff hour) by feeding it a "study-day clock" (see toStudyDayClock).
 */
import {
	checkParameters,
	computeDecayFactor,
	default_w,
	fsrs,
	forgetting_curve,
	FSRSAlgorithm,
	migrateParameters,
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
	/** Set by an exam plan's cap when it brought the review forward: recorded in the log (exam-cap-log.ts). */
	examCap?: { dueMs: number; scheduledDays: number };
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

	function toLibrary(cardId: string, c: CardSchedule, nowMs: number): CardWithId {
		// A clock gone backwards (or a review synced from a device ahead of this one) would put the last
		// review in the future, which the library refuses (negative elapsed days): count it as made now.
		const lastReviewMs = c.lastReviewMs === null ? null : Math.min(c.lastReviewMs, nowMs);
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
			last_review: lastReviewMs === null ? undefined : new Date(toStudyDayClock(lastReviewMs, cutoff))
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
		const log = engine.repeat(toLibrary(cardId, card, nowMs), new Date(shifted));
		const out = {} as Record<Rating, AnswerOutcome>;
		for (const rating of RATINGS)
			out[rating] = fromLibrary(log[rating as Grade].card, nowMs, shifted, rating);
		return out;
	}

	function answer(cardId: string, card: CardSchedule, rating: Rating, nowMs: number): AnswerOutcome {
		const shifted = toStudyDayClock(nowMs, cutoff);
		const next = engine.next(toLibrary(cardId, card, nowMs), new Date(shifted), rating as Grade);
		return fromLibrary(next.card, nowMs, shifted, rating);
	}

	function retrievability(card: CardSchedule, atMs: number): number {
		if (card.state === CardState.New || card.lastReviewMs === null || card.stability <= 0) return 0;
		const elapsedDays = Math.max(0, studyDayOf(atMs, cutoff) - studyDayOf(card.lastReviewMs, cutoff));
		return forgetting_curve(params.w, elapsedDays, card.stability);
	}

	return { preview, answer, retrievability };
}

// --- Personal parameters (issue 7): additive helpers for the optimizer, statistics and rescheduling ---

/** One answer of a card's history, as the optimizer sees it: days since the previous answer. */
export interface MemoryReview {
	rating: Rating;
	/** Study days since the previous answer of the card (0 for the first, and for same-day answers). */
	deltaDays: number;
}

/** The library's default FSRS-6 parameters (21 weights), as a plain array. */
export function defaultWeights(): number[] {
	return [...default_w];
}

/** The parameters in force: personal ones (migrated from older 17/19-weight sets) or the defaults. */
function effectiveWeights(weights: readonly number[] | null | undefined): number[] {
	return weights && weights.length > 0 ? migrateParameters([...weights]) : defaultWeights();
}

/** True when `weights` is a set of parameters the scheduler accepts (right length, finite numbers). */
export function weightsAreValid(weights: readonly number[]): boolean {
	if (![17, 19, 21].includes(weights.length) || !weights.every((w) => Number.isFinite(w))) return false;
	try {
		checkParameters(migrateParameters([...weights]));
		return true;
	} catch {
		return false;
	}
}

/**
 * Predicts recall for the LAST review of each history from the reviews before it, with `weights`
 * (short-term memory on, as the scheduler runs). Returns null when the last review is on the same day
 * as the one before (the model predicts days, not minutes): such reviews are not scored.
 */
export function createRecallPredictor(
	weights: readonly number[]
): (history: readonly MemoryReview[]) => number | null {
	const w = effectiveWeights(weights);
	const algorithm = new FSRSAlgorithm(generatorParameters({ w, enable_short_term: true }));
	return (history) => {
		const last = history.at(-1);
		if (!last || history.length < 2 || last.deltaDays <= 0) return null;
		let state: { stability: number; difficulty: number } | null = null;
		for (let i = 0; i < history.length - 1; i++) {
			const review = history[i]!;
			state = algorithm.next_state(state, i === 0 ? 0 : review.deltaDays, review.rating);
		}
		return forgetting_curve(w, last.deltaDays, state!.stability);
	};
}

/** FSRS-6 decay of a parameter set (w20): how steeply recall falls with time; it shapes workload. */
export function decayOf(weights: readonly number[] | null | undefined): number {
	return computeDecayFactor(effectiveWeights(weights)).decay;
}
