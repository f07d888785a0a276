/**
 * What a desired retention costs: an estimate of daily reviews, so that the settings screen can show
 * the change in workload before the student commits to it. Pure.
 *
 * FSRS schedules a card when its predicted recall falls to the desired retention R: with the forgetting
 * curve R(t) = (1 + f·t/S)^(-d), the interval is S·(R^(-1/d) − 1)/f, i.e. the same multiple of stability
 * for every card. In a steady state each review card is seen once per interval, and each lapse (share
 * 1 − R) adds its relearning steps. This leaves out new cards (the same at any R) and the lower stability
 * after a lapse, so it is an estimate, labelled as such.
 */
export interface WorkloadInput {
	/** Stabilities (days) of the cards in the review state. */
	stabilitiesDays: readonly number[];
	/** FSRS-6 decay (w20, positive). */
	decay: number;
	maximumIntervalDays: number;
	relearningSteps: number;
}

/** Interval (days, unrounded) at which recall falls to `retention` for a memory of stability 1 day. */
export function intervalMultiplier(retention: number, decay: number): number {
	const factor = Math.pow(0.9, -1 / decay) - 1;
	return (Math.pow(retention, -1 / decay) - 1) / factor;
}

/** Expected reviews per day for the given cards at `retention`. */
export function dailyReviews(input: WorkloadInput, retention: number): number {
	const multiplier = intervalMultiplier(retention, input.decay);
	const perReview = 1 + (1 - retention) * input.relearningSteps;
	let total = 0;
	for (const s of input.stabilitiesDays) {
		const interval = Math.min(input.maximumIntervalDays, Math.max(1, s * multiplier));
		total += perReview / interval;
	}
	return total;
}

/**
 * Workload at `retention` relative to `baseline` (1 = same, 1.5 = 50% more reviews). With no review
 * cards yet, the ratio for a typical card (stability 10 days) is used.
 */
export function workloadRatio(input: WorkloadInput, retention: number, baseline: number): number {
	const cards = input.stabilitiesDays.length > 0 ? input : { ...input, stabilitiesDays: [10] };
	const base = dailyReviews(cards, baseline);
	return base > 0 ? dailyReviews(cards, retention) / base : 1;
}
