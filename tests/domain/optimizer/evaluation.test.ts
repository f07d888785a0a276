import { describe, expect, it } from 'vitest';
import { createRecallPredictor, defaultWeights } from '$lib/domain/fsrs-adapter';
import { evaluateWeights, fittedIsBetter, splitByCard } from '$lib/domain/optimizer/evaluation';
import { buildTrainingSet } from '$lib/domain/optimizer/training-items';
import { simulateReviews, TRUE_WEIGHTS } from '../../helpers/simulate-reviews';

describe('evaluating parameters on review histories', () => {
	it('scores only answers on a later day, with the forgetting curve of the memory built so far', () => {
		const predict = createRecallPredictor(defaultWeights());
		expect(predict([{ rating: 3, deltaDays: 0 }])).toBeNull();
		expect(
			predict([
				{ rating: 3, deltaDays: 0 },
				{ rating: 3, deltaDays: 0 }
			])
		).toBeNull();
		// After one "Good", stability is w2 (2.3065 days): recall after exactly that long is 0.9.
		const w = defaultWeights();
		expect(
			predict([
				{ rating: 3, deltaDays: 0 },
				{ rating: 3, deltaDays: 1 }
			])
		).toBeGreaterThan(0.9);
		const oneStability = createRecallPredictor(w.map((x, i) => (i === 2 ? 3 : x)));
		expect(
			oneStability([
				{ rating: 3, deltaDays: 0 },
				{ rating: 3, deltaDays: 3 }
			])
		).toBeCloseTo(0.9, 6);
	});

	it('computes log loss and binned RMSE by hand for two items', () => {
		const w = defaultWeights().map((x, i) => (i === 2 ? 3 : x));
		const items = [
			[
				{ rating: 3 as const, deltaDays: 0 },
				{ rating: 3 as const, deltaDays: 3 }
			], // p = 0.9, recalled
			[
				{ rating: 3 as const, deltaDays: 0 },
				{ rating: 1 as const, deltaDays: 3 }
			] // p = 0.9, forgotten
		];
		const e = evaluateWeights(items, w);
		expect(e.count).toBe(2);
		expect(e.logLoss).toBeCloseTo(-(Math.log(0.9) + Math.log(0.1)) / 2, 5);
		// One bin: mean prediction 0.9, mean outcome 0.5.
		expect(e.rmseBins).toBeCloseTo(0.4, 5);
	});

	it('keeps fitted parameters only when they predict better', () => {
		const current = { logLoss: 0.4, rmseBins: 0.05, count: 100 };
		expect(fittedIsBetter(current, { logLoss: 0.39, rmseBins: 0.06, count: 100 })).toBe(true);
		expect(fittedIsBetter(current, { logLoss: 0.41, rmseBins: 0.01, count: 100 })).toBe(false);
		expect(fittedIsBetter(current, { logLoss: NaN, rmseBins: NaN, count: 0 })).toBe(false);
	});

	it('on a simulated student, the true parameters beat the defaults on held-out cards', () => {
		const sim = simulateReviews({ targetReviews: 6000, seed: 7 });
		expect(sim.logs.length).toBeGreaterThanOrEqual(6000);
		const set = buildTrainingSet(sim.logs);
		const { heldOut } = splitByCard(set.items, set.itemCards);
		const truth = evaluateWeights(heldOut, TRUE_WEIGHTS);
		const defaults = evaluateWeights(heldOut, null);
		expect(truth.count).toBeGreaterThan(300);
		expect(truth.logLoss).toBeLessThan(defaults.logLoss);
	});
});
