// Study loop on a synthetic collection of 100,000 cards and 1,000,000 review logs, in Chromium:
// queue building, answer-to-next-card-painted latency in the built app, and cold load to first card,
// each beside the raw figure it is bounded by.

/** @param {number[]} xs @param {number} q */
function quantile(xs, q) {
	const s = [...xs].sort((a, b) => a - b);
	return s[Math.min(s.length - 1, Math.floor(q * s.length))];
}

/** @param {import('./run.js').BenchContext} ctx */
export default async function studyBench({ context, appUrl, harness, print }) {
	// First visit: the app creates its database and installs the shipped decks.
	const first = await context.newPage();
	await first.goto(`${appUrl}/`);
	// The running app marks <html data-ready> (the prerendered home shows the heading before it).
	await first.locator('html[data-ready]').waitFor({ state: 'attached', timeout: 60_000 });
	await first
		.getByRole('button', { name: /^Study / })
		.first()
		.waitFor();
	await first.close();

	const cards = Number(process.env.BENCH_CARDS ?? 100_000);
	const logs = Number(process.env.BENCH_LOGS ?? 1_000_000);
	const seeded = await harness('study-seed', { cards, logs });
	print(`seeding ${cards} cards + ${logs} logs (setup, not a target)`, seeded.seconds, 's');

	const q = await harness('study-queue');
	print(`collection`, `${q.cards} cards, ${q.logs} logs`);
	print(
		`today's queue (${q.counts.learning} learning, ${q.counts.review} review, ${q.counts.new} new): p50`,
		q.queueP50,
		'ms',
		'target ≤ 50 ms'
	);
	print("today's queue: p95", q.queueP95, 'ms');
	print(
		'raw Dexie indexed read of the same due cards: p50',
		q.rawP50,
		'ms',
		`ratio ${(q.queueP50 / q.rawP50).toFixed(2)}×`
	);
	print('ts-fsrs next() per review (raw library)', q.rawNextUs, 'µs');
	print(
		'adapter answer() per review (study-day clock, plain rows)',
		q.adapterUs,
		'µs',
		`ratio ${(q.adapterUs / q.rawNextUs).toFixed(2)}×`
	);
	print('answer transaction (card + log): p50', q.answerP50, 'ms');
	print('answer transaction (card + log): p95', q.answerP95, 'ms');

	// Cold load: a new page straight onto the study screen of the big deck, to the first card painted.
	const page = await context.newPage();
	const started = Date.now();
	await page.goto(`${appUrl}/study?deck=bench-100k`);
	await page.getByRole('button', { name: 'Show answer' }).waitFor();
	const coldMs = Date.now() - started;
	print('cold load to first card (navigation → "Show answer")', coldMs, 'ms');

	// Answer → next card, measured inside the page: from the click to the next question in the DOM, and
	// to the frame after it (painted). Clicks fall at a random point of a frame, as a person's do.
	const latencies = await page.evaluate(async (answers) => {
		const nextFrame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
		const find = (name) =>
			[...document.querySelectorAll('button')].find(
				(b) => (b.querySelector('.name')?.textContent ?? b.textContent)?.trim() === name
			);
		const out = [];
		for (let i = 0; i < answers; i++) {
			const show = find('Show answer');
			if (!show) break;
			show.click();
			await nextFrame();
			const good = find('Good');
			if (!good) break;
			await new Promise((r) => setTimeout(r, Math.random() * 16));
			const t0 = performance.now();
			let domMs = 0;
			await new Promise((resolve) => {
				const observer = new MutationObserver(() => {
					if (find('Show answer') || document.querySelector('#summary-title')) {
						observer.disconnect();
						domMs = performance.now() - t0;
						resolve(undefined);
					}
				});
				observer.observe(document.body, { subtree: true, childList: true, characterData: true });
				good.click();
			});
			await nextFrame();
			out.push({ domMs, paintedMs: performance.now() - t0 });
		}
		return out;
	}, 200);
	const dom = latencies.map((l) => l.domMs);
	const painted = latencies.map((l) => l.paintedMs);
	print(`answer → next card in the DOM, over ${dom.length} answers: p50`, quantile(dom, 0.5), 'ms');
	print('answer → next card in the DOM: p95', quantile(dom, 0.95), 'ms');
	print('answer → next card painted: p50', quantile(painted, 0.5), 'ms', 'target ≤ 16 ms');
	print('answer → next card painted: p95', quantile(painted, 0.95), 'ms', 'target ≤ 50 ms');
	await page.close();
}
