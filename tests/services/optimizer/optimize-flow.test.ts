import { describe, expect, it } from 'vitest';
import { KartkaDB } from '$lib/db/db';
import { getGlobalSettings, saveGlobalSettings } from '$lib/db/settings.repo';
import { defaultWeights } from '$lib/domain/fsrs-adapter';
import { optimizeParameters } from '$lib/services/optimizer/optimize.service';
import { simulateReviews, TRUE_WEIGHTS } from '../../helpers/simulate-reviews';

async function dbWithLogs(targetReviews: number): Promise<KartkaDB> {
	const db = new KartkaDB('t-' + crypto.randomUUID());
	const { logs } = simulateReviews({ targetReviews, seed: 3 });
	await db.reviewLogs.bulkAdd(logs.map(({ id: _id, ...log }) => log));
	return db;
}

describe('the Optimize flow (fitting passed in)', () => {
	it('explains when there are too few reviews, without fitting', async () => {
		const db = await dbWithLogs(300);
		let called = false;
		const outcome = await optimizeParameters(
			db,
			async () => ((called = true), { weights: [], elapsedMs: 0 })
		);
		expect(called).toBe(false);
		expect(outcome.kind).toBe('too-few');
		if (outcome.kind === 'too-few') expect(outcome.readiness.have).toBeLessThan(outcome.readiness.need);
	});

	it('keeps parameters that predict the history better, and says so', async () => {
		const db = await dbWithLogs(3000);
		await saveGlobalSettings(db, { desiredRetention: 0.85 });
		const outcome = await optimizeParameters(db, async (packed) => {
			expect(packed.lengths.length).toBeGreaterThan(400);
			return { weights: [...TRUE_WEIGHTS], elapsedMs: 5 };
		});
		expect(outcome.kind).toBe('fitted');
		if (outcome.kind !== 'fitted') return;
		expect(outcome.kept).toBe(true);
		expect(outcome.after.logLoss).toBeLessThan(outcome.before.logLoss);
		const saved = await getGlobalSettings(db);
		expect(saved.weights).toHaveLength(21);
		expect(saved.desiredRetention).toBe(0.85);
	});

	it('keeps the parameters in force when the fitted ones predict worse', async () => {
		const db = await dbWithLogs(3000);
		await saveGlobalSettings(db, { weights: [...TRUE_WEIGHTS] });
		const worse = defaultWeights().map((w, i) => (i === 20 ? 0.8 : w));
		const outcome = await optimizeParameters(db, async () => ({ weights: worse, elapsedMs: 5 }));
		expect(outcome.kind === 'fitted' && outcome.kept).toBe(false);
		expect((await getGlobalSettings(db)).weights).toEqual([...TRUE_WEIGHTS]);
	});
});
