// Click "Browse" → first rows painted (median of 5), split into the heading, row 2 in the DOM, painted;
// each timed from the click's input event (browse-first-paint.js).
import { clickBrowseToFirstRows, median } from './browse-first-paint.js';

/** @param {import('./run.js').BenchContext} ctx */
export default async function browseFirst({ context, appUrl, harness, print }) {
	const first = await context.newPage();
	await first.goto(`${appUrl}/`);
	// A kept profile (BENCH_PROFILE_DIR) may hold the worker and caches of an earlier build: start clean.
	await first.evaluate(async () => {
		for (const r of await navigator.serviceWorker.getRegistrations()) await r.unregister();
		for (const k of await caches.keys()) await caches.delete(k);
	});
	await first.reload();
	await first.locator('html[data-ready]').waitFor({ state: 'attached', timeout: 60_000 });
	await first.close();
	const seeded = await harness('study-seed', {
		cards: Number(process.env.BENCH_CARDS ?? 100_000),
		logs: Number(process.env.BENCH_LOGS ?? 1_000_000)
	});
	print('seeding', seeded.seconds, 's');
	const all = [];
	for (let i = 0; i < Number(process.env.RUNS ?? 5); i++) {
		const page = await context.newPage();
		await page.goto(`${appUrl}/`);
		await page.locator('html[data-ready]').waitFor({ state: 'attached', timeout: 60_000 });
		await page.getByRole('heading', { name: 'Your decks' }).waitFor();
		await page.waitForTimeout(Number(process.env.WAIT_MS ?? 1500));
		// How many scripts the page had loaded before the click (more: Browse's code was preloaded).
		const jsBefore = await page.evaluate(
			() => performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.js')).length
		);
		const visit = await clickBrowseToFirstRows(page);
		const jsAfter = await page.evaluate(
			() => performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.js')).length
		);
		all.push({ ...visit, jsBefore, jsAfter });
		await page.close();
	}
	console.log(JSON.stringify(all));
	const med = (/** @type {string} */ k) => median(all.map((/** @type {any} */ x) => x[k]));
	print('click event → h1 Browse', med('headingMs'), 'ms');
	print('click event → row 2 in DOM', med('rowMs'), 'ms');
	print('click event → painted', med('fromInputMs'), 'ms', 'target ≤ 200 ms');
	print("the bench's click() call → painted", med('fromCallMs'), 'ms');
}
