// Experiment: click "Browse" → first rows painted, split into route code, first heading, rows.
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
		await page.evaluate(() => {
			const w = /** @type {any} */ (window);
			w.__marks = {};
			new MutationObserver(() => {
				const t = performance.now();
				if (!w.__marks.h1 && document.querySelector('h1')?.textContent === 'Browse') w.__marks.h1 = t;
				if (!w.__marks.row && document.querySelector('[role="row"][aria-rowindex="2"]')) w.__marks.row = t;
			}).observe(document.body, { childList: true, subtree: true });
		});
		// How many scripts the page had loaded before the click (more: Browse's code was preloaded).
		const [t0, jsBefore] = await page.evaluate(() => [
			performance.now(),
			performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.js')).length
		]);
		await page.getByRole('link', { name: 'Browse' }).click();
		const r = await page.evaluate(async () => {
			const w = /** @type {any} */ (window);
			while (!document.querySelector('[role="row"][aria-rowindex="2"]'))
				await new Promise((r) => setTimeout(r, 1));
			await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
			const js = performance
				.getEntriesByType('resource')
				.filter((e) => e.name.endsWith('.js'))
				.map((e) => ({ n: e.name.split('/').pop(), s: Math.round(e.startTime), d: Math.round(e.duration) }));
			return { ...w.__marks, painted: performance.now(), js };
		});
		const rel = (x) => Math.round(x - t0);
		all.push({ h1: rel(r.h1), row: rel(r.row), painted: rel(r.painted), jsBefore, jsAfter: r.js.length });
		if (i === 0)
			console.log(
				r.js
					.filter((e) => e.s > t0 - 2000)
					.map((e) => `${e.n} start ${rel(e.s)} dur ${e.d}`)
					.join('\n')
			);
		await page.close();
	}
	console.log(JSON.stringify(all));
	const med = (k) => all.map((x) => x[k]).sort((a, b) => a - b)[Math.floor(all.length / 2)];
	print('click → h1 Browse', med('h1'), 'ms');
	print('click → row 2 in DOM', med('row'), 'ms');
	print('click → painted', med('painted'), 'ms');
}
