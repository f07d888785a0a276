/**
 * "Optimize": fits personal FSRS parameters to the student's own review history and keeps them only if
 * they predict that history better than the parameters in force (as Anki does). The fitting itself is
 * passed in (the wasm worker in the app), so that this flow does not depend on the browser.
 */
import type { KartkaDB } from '$lib/db/db';
import { getGlobalSettings, patchGlobalSettings } from '$lib/db/settings.repo';
import { allReviewLogs } from '$lib/db/stats.repo';
import { weightsAreValid } from '$lib/domain/fsrs-adapter';
import { evaluateWeights, fittedIsBetter, type Evaluation } from '$lib/domain/optimizer/evaluation';
import {
	buildTrainingSet,
	optimizerReadiness,
	packItems,
	type PackedItems,
	type Readiness
} from '$lib/domain/optimizer/training-items';

export type FitFunction = (packed: PackedItems) => Promise<{ weights: number[]; elapsedMs: number }>;

export type OptimizeOutcome =
	| { kind: 'too-few'; readiness: Readiness }
	| {
			kind: 'fitted';
			/** The parameters in force before (null: the defaults) and their fit to the history. */
			previous: number[] | null;
			before: Evaluation;
			fitted: number[];
			after: Evaluation;
			/** True when the fitted parameters predicted better and were saved. */
			kept: boolean;
			elapsedMs: number;
			reviews: number;
	  };

export async function optimizeParameters(db: KartkaDB, fit: FitFunction): Promise<OptimizeOutcome> {
	const set = buildTrainingSet(await allReviewLogs(db));
	const readiness = optimizerReadiness(set);
	if (!readiness.ready) return { kind: 'too-few', readiness };
	const { weights: raw, elapsedMs } = await fit(packItems(set.items));
	const fitted = raw.map((w) => Math.round(w * 10_000) / 10_000);
	if (!weightsAreValid(fitted))
		throw new Error('The optimizer returned parameters the scheduler cannot use.');
	const global = await getGlobalSettings(db);
	const previous = global.weights ?? null;
	const before = evaluateWeights(set.items, previous);
	const after = evaluateWeights(set.items, fitted);
	const kept = fittedIsBetter(before, after);
	if (kept)
		// A patch (one transaction): the settings form may have saved other fields while the optimizer ran.
		await patchGlobalSettings(db, { weights: fitted });
	return { kind: 'fitted', previous, before, fitted, after, kept, elapsedMs, reviews: set.longTermCount };
}
