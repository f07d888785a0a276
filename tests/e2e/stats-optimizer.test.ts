// The FSRS optimizer in real Chromium: the shipped wasm worker fits parameters that beat the defaults on
// held-out reviews of a simulated student; the Settings screen's "Optimize" shows progress, can be
// cancelled, explains when there are too few reviews, keeps better parameters and offers rescheduling;
// and it all works offline under the service worker, still cross-origin isolated.
import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { evaluateWeights, splitByCard } from '$lib/domain/optimizer/evaluation';
import { buildTrainingSet, packItems } from '$lib/domain/optimizer/training-items';
import { simulateReviews } from '../helpers/simulate-reviews';
import { axeViolations } from './axe';
import { collectPageErrors, launchChromium, newPhoneContext, screenshot, waitForHome } from './browser';
import { readStore } from './idb';
import { waitForFullCache, waitForWorker } from './pwa-helpers';
import { seedSimulation, simulationEndingToday } from './stats-seed';

let browser: Browser;
beforeAll(async () => {
	browser = await launchChromium();
});
afterAll(async () => {
	await browser?.close();
});

const built = (dir: string, pattern: RegExp) => {
	const file = readdirSync(`build/_app/immutable/${dir}`).find((f) => pattern.test(f));
	if (!file) throw new Error(`No ${pattern} in build/_app/immutable/${dir}: build first.`);
	return `/_app/immutable/${dir}/${file}`;
};

async function openSettings(page: Page): Promise<void> {
	await page.goto('/');
	// The prerendered deck links show before the app's worker has created the database.
	await waitForHome(page);
	await page.goto('/settings');
	await page.getByRole('button', { name: 'Optimize' }).waitFor();
}

/** Samples the progress bar until the run ends; returns the values seen. */
async function watchProgress(page: Page, until: () => Promise<boolean>): Promise<number[]> {
	const seen: number[] = [];
	for (let i = 0; i < 1200 && !(await until()); i++) {
		const value = await page
			.locator('progress')
			.getAttribute('value', { timeout: 100 })
			.catch(() => null);
		if (value !== null && Number(value) !== seen.at(-1)) seen.push(Number(value));
		await page.waitForTimeout(50);
	}
	return seen;
}

describe('FSRS optimizer (wasm, in a worker)', () => {
	it('fits a simulated student: lower log loss than the defaults on held-out reviews', async () => {
		const sim = simulateReviews({ targetReviews: 6000, seed: 21 });
		const set = buildTrainingSet(sim.logs);
		const { train, heldOut } = splitByCard(set.items, set.itemCards);
		const packed = packItems(train);
		const context = await newPhoneContext(browser);
		const page = await context.newPage();
		await openSettings(page);
		expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
		const result = await page.evaluate(
			async ({ workerUrl, wasmUrl, ratings, deltaDays, lengths }) => {
				const worker = new Worker(workerUrl, { type: 'module' });
				const progress: number[] = [];
				let timer = 0;
				const weights = await new Promise<number[]>((resolve, reject) => {
					worker.onmessage = ({ data }) => {
						if (data.type === 'progress-source')
							timer = setInterval(() => {
								const [done, total] = new Uint32Array(data.memory.buffer, data.pointer, 2);
								if (total && done !== progress.at(-1)) progress.push(done! / total);
							}, 20) as unknown as number;
						else if (data.type === 'done') resolve(data.weights);
						else reject(new Error(data.message));
					};
					worker.postMessage({
						type: 'kartka-optimize',
						ratings: new Uint32Array(ratings),
						deltaDays: new Uint32Array(deltaDays),
						lengths: new Uint32Array(lengths),
						wasmUrl,
						enableShortTerm: true
					});
				});
				clearInterval(timer);
				worker.terminate();
				return { weights, progress };
			},
			{
				workerUrl: built('workers', /^optimizer\.worker-.*\.js$/),
				wasmUrl: built('assets', /^fsrs_browser_bg.*\.wasm$/),
				ratings: [...packed.ratings],
				deltaDays: [...packed.deltaDays],
				lengths: [...packed.lengths]
			}
		);
		expect(result.weights).toHaveLength(21);
		const fitted = evaluateWeights(heldOut, result.weights);
		const defaults = evaluateWeights(heldOut, null);
		expect(fitted.count).toBeGreaterThan(500);
		expect(fitted.logLoss).toBeLessThan(defaults.logLoss);
		// Progress was readable while training ran, and went forward.
		expect(result.progress.length).toBeGreaterThan(1);
		expect(result.progress.at(-1)!).toBeGreaterThan(result.progress[0]!);
		await context.close();
	});

	it('explains when there are too few reviews', async () => {
		const context = await newPhoneContext(browser);
		const page = await context.newPage();
		await openSettings(page);
		await page.getByRole('button', { name: 'Optimize' }).click();
		await page.getByText(/Not enough reviews yet: the optimizer needs at least 400 reviews/).waitFor();
		expect(await axeViolations(page)).toEqual([]);
		await context.close();
	});

	it('Optimize on the Settings screen: progress advances, better parameters are kept, cards can be rescheduled', async () => {
		const context = await newPhoneContext(browser);
		const page = await context.newPage();
		const errors = collectPageErrors(page);
		await openSettings(page);
		await seedSimulation(page, simulationEndingToday(5000, 9));
		await page.reload();
		await page.getByRole('button', { name: 'Optimize' }).click();
		const result = page.getByText(/parameters (predict your reviews better|already predict)/);
		const values = await watchProgress(page, () => result.isVisible());
		await result.waitFor({ timeout: 120_000 });
		expect(values.length).toBeGreaterThan(1);
		expect(values).toEqual([...values].sort((a, b) => a - b));
		expect(values.at(-1)!).toBeGreaterThan(values[0]!);
		await page.getByRole('row', { name: /Log loss/ }).waitFor();
		await page.getByText('The new parameters predict your reviews better: they are now in use.').waitFor();
		const [setting] = await readStore<{ key: string; value: { weights: number[] } }>(page, 'settings').then(
			(rows) => rows.filter((r) => r.key === 'scheduler')
		);
		expect(setting?.value.weights).toHaveLength(21);
		expect(await axeViolations(page)).toEqual([]);
		await screenshot(page, 'settings-optimized');

		await page.getByRole('button', { name: 'Reschedule cards' }).click();
		await page.getByText(/\d+ cards? rescheduled, \d+ already on schedule/).waitFor();
		expect(errors).toEqual([]);
		await context.close();
	});

	it('Cancel stops a run and changes nothing', async () => {
		const context = await newPhoneContext(browser);
		const page = await context.newPage();
		await openSettings(page);
		await seedSimulation(page, simulationEndingToday(20_000, 4));
		await page.reload();
		await page.getByRole('button', { name: 'Optimize' }).click();
		await page.locator('progress').waitFor();
		await page.getByRole('button', { name: 'Cancel' }).click();
		await page.getByText('Optimization cancelled; nothing changed.').waitFor();
		const rows = await readStore<{ key: string; value: { weights?: number[] } }>(page, 'settings');
		expect(rows.find((r) => r.key === 'scheduler')?.value.weights ?? null).toBeNull();
		await context.close();
	});

	it('works offline under the service worker, still cross-origin isolated', async () => {
		const context = await newPhoneContext(browser);
		const page = await context.newPage();
		await openSettings(page);
		await waitForWorker(page);
		// The optimizer's worker and wasm are cached in the background once the first visit settled (issue 13).
		await waitForFullCache(page);
		await seedSimulation(page, simulationEndingToday(3000, 13));
		await context.setOffline(true);
		await page.reload();
		await page.getByRole('button', { name: 'Optimize' }).waitFor();
		expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
		expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
		await page.getByRole('button', { name: 'Optimize' }).click();
		await page
			.getByText(/parameters (predict your reviews better|already predict)/)
			.waitFor({ timeout: 120_000 });
		await page.goto('/stats');
		await page.locator('[data-testid="chart-forecast"] canvas').waitFor();
		await context.close();
	});
});
