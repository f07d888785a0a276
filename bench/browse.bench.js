// Browse on a synthetic collection of 100,000 cards and 1,000,000 review logs, in Chromium: searches
// (beside the raw indexed reads), first rows painted in the built app, scrolling all rows (long tasks),
// and a bulk suspend of 10,000 cards in one transaction.

import { clickBrowseToFirstRows, median } from './browse-first-paint.js';

/** @param {import('./run.js').BenchContext} ctx */
export default async function browseBench({ context, appUrl, harness, print }) {
	const first = await context.newPage();
	await first.goto(`${appUrl}/`);
	await first.locator('html[data-ready]').waitFor({ state: 'attached', timeout: 60_000 });
	await first.getByRole('heading', { name: 'Your decks' }).waitFor();
	await first.close();

	const cards = Number(process.env.BENCH_CARDS ?? 100_000);
	const logs = Number(process.env.BENCH_LOGS ?? 1_000_000);
	const seeded = await harness('study-seed', { cards, logs });
	print(`seeding ${cards} cards + ${logs} logs (setup, not a target)`, seeded.seconds, 's');

	const b = await harness('browse');
	print('search rows loaded (whole collection, once per visit)', b.loadMs, 'ms', `${b.rows} cards`);
	for (const [query, s] of Object.entries(b.searches)) {
		print(`search "${query}" (${s.found} found): p50`, s.p50, 'ms', 'target ≤ 100 ms');
		print(`search "${query}": p95`, s.p95, 'ms');
	}
	print('raw indexed read for tag:cause is:due (tag keys + due keys): p50', b.rawTagDueP50, 'ms');
	print('raw read of every note (a free word has no index): p50', b.rawAllNotesP50, 'ms');
	print(
		`bulk suspend of ${b.bulkCards} cards (one transaction): p50`,
		b.suspendP50,
		'ms',
		'target ≤ 1000 ms'
	);
	print(`undo of that suspend (one transaction): p50`, b.undoP50, 'ms');
	print(`raw bulkGet + bulkPut of the same ${b.bulkCards} cards: p50`, b.rawPutP50, 'ms');
	if (b.readSelectionP50 !== undefined) {
		print(
			`  of a suspend: read the ${b.bulkCards} cards' keys + their suspension rows (key ranges): p50`,
			b.readSelectionP50,
			'ms'
		);
		print(`  of a suspend: put ${b.bulkCards} suspension rows through Dexie: p50`, b.putSuspensionsP50, 'ms');
		if (b.nativePutSuspensionsP50 !== undefined)
			print(`  the same ${b.bulkCards} puts, a native loop: p50`, b.nativePutSuspensionsP50, 'ms');
	}

	// The built app: navigation to the first 50 rows painted (median of 5 visits from home, each timed from
	// the click's input event: browse-first-paint.js), then scrolling through every row on the last one.
	/** @type {import('playwright-core').Page | undefined} */
	let page;
	/** @type {Awaited<ReturnType<typeof clickBrowseToFirstRows>>[]} */
	const visits = [];
	for (let i = 0; i < 5; i++) {
		await page?.close();
		page = await context.newPage();
		await page.goto(`${appUrl}/`);
		await page.locator('html[data-ready]').waitFor({ state: 'attached', timeout: 60_000 });
		await page.getByRole('heading', { name: 'Your decks' }).waitFor();
		visits.push(await clickBrowseToFirstRows(page));
	}
	if (!page) throw new Error('no visit');
	const started = Date.now();
	const paintedMs = median(visits.map((v) => v.fromInputMs));
	print('click "Browse" → first rows painted (median of 5)', paintedMs, 'ms', 'target ≤ 200 ms');
	print(
		"  each visit: from the click event / from the bench's click() call",
		visits.map((v) => `${v.fromInputMs}/${v.fromCallMs}`).join(' '),
		'ms'
	);
	await page.waitForFunction(
		() => !document.querySelector('#browse-search-help')?.textContent?.includes('loading'),
		undefined,
		{
			timeout: 300_000
		}
	);
	print('last visit: first rows painted → every row loaded and searchable', Date.now() - started, 'ms');

	const scroll = await page.evaluate(async () => {
		const longTasks = [];
		const observer = new PerformanceObserver((list) =>
			list.getEntries().forEach((e) => longTasks.push(e.duration))
		);
		observer.observe({ type: 'longtask', buffered: false });
		const grid = document.querySelector('[role="grid"]');
		const frame = () => new Promise((r) => requestAnimationFrame(() => r(undefined)));
		const frames = [];
		const steps = 600;
		let last = performance.now();
		for (let i = 1; i <= steps; i++) {
			grid.scrollTop = (grid.scrollHeight - grid.clientHeight) * (i / steps);
			await frame();
			const now = performance.now();
			frames.push(now - last);
			last = now;
		}
		await new Promise((r) => setTimeout(r, 200));
		observer.disconnect();
		frames.sort((a, b) => a - b);
		return {
			rows: Number(grid.getAttribute('aria-rowcount')) - 1,
			longTasks: longTasks.length,
			maxLongTask: Math.max(0, ...longTasks),
			frameP50: frames[Math.floor(frames.length / 2)],
			frameP95: frames[Math.floor(frames.length * 0.95)],
			atBottom: grid.querySelector('[role="row"]:last-child')?.getAttribute('aria-rowindex')
		};
	});
	print(
		`scroll top → bottom of ${scroll.rows} rows in 600 frames: long tasks`,
		scroll.longTasks,
		'',
		'target: none > 50 ms'
	);
	print('scroll: longest task', scroll.maxLongTask, 'ms', 'target ≤ 50 ms');
	print('scroll: frame interval p50', scroll.frameP50, 'ms');
	print('scroll: frame interval p95', scroll.frameP95, 'ms');
	await page.close();
}
