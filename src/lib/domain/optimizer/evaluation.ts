/**
 * How well a parameter set predicts a student's reviews: log loss (the optimizer's own objective) and
 * RMSE over bins of predicted recall (what Anki shows as "RMSE (bins)"). Only answers on a later day
 * than the one before are scored. Lower is better for both. Pure.
 */
import { createRecallPredictor, type MemoryReview } from '../fsrs-adapter';
import { Rating } from '../schedule';

export interface Evaluation {
	logLoss: number;
	rmseBins: number;
	/** Reviews scored. */
	count: number;
}

const EPSILON = 1e-4;
const BINS = 20;

export function evaluateWeights(
	items: readonly MemoryReview[][],
	weights: readonly number[] | null
): Evaluation {
	const predict = createRecallPredictor(weights ?? []);
	let loss = 0;
	let count = 0;
	const binPredicted = new Array<number>(BINS).fill(0);
	const binActual = new Array<number>(BINS).fill(0);
	const binCount = new Array<number>(BINS).fill(0);
	for (const item of items) {
		const p = predict(item);
		if (p === null) continue;
		const recalled = item.at(-1)!.rating !== Rating.Again ? 1 : 0;
		const clamped = Math.min(1 - EPSILON, Math.max(EPSILON, p));
		loss -= recalled * Math.log(clamped) + (1 - recalled) * Math.log(1 - clamped);
		const bin = Math.min(BINS - 1, Math.floor(p * BINS));
		binPredicted[bin]! += p;
		binActual[bin]! += recalled;
		binCount[bin]!++;
		count++;
	}
	if (count === 0) return { logLoss: NaN, rmseBins: NaN, count };
	let squared = 0;
	for (let b = 0; b < BINS; b++) {
		const n = binCount[b]!;
		if (n > 0) squared += n * ((binPredicted[b]! - binActual[b]!) / n) ** 2;
	}
	return { logLoss: loss / count, rmseBins: Math.sqrt(squared / count), count };
}

/** New parameters are kept only if they predict the same reviews better than the ones in force. */
export function fittedIsBetter(current: Evaluation, fitted: Evaluation): boolean {
	return (
		Number.isFinite(fitted.logLoss) && (!Number.isFinite(current.logLoss) || fitted.logLoss < current.logLoss)
	);
}

/**
 * Splits items by card into a training and a held-out part (every `heldOutEvery`-th card held out), so
 * that no history of a held-out card is seen in training. `cards[i]` is the card of `items[i]`.
 */
export function splitByCard<T>(
	items: readonly T[],
	cards: readonly string[],
	heldOutEvery = 5
): { train: T[]; heldOut: T[] } {
	const order = new Map<string, number>();
	const train: T[] = [];
	const heldOut: T[] = [];
	items.forEach((item, i) => {
		const card = cards[i]!;
		if (!order.has(card)) order.set(card, order.size);
		(order.get(card)! % heldOutEvery === heldOutEvery - 1 ? heldOut : train).push(item);
	});
	return { train, heldOut };
}
