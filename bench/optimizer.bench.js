// FSRS optimizer (fsrs-browser wasm in the built worker) on 10,000 and 100,000 simulated reviews in
// Chromium, and the JavaScript of the first load (home, then study), which this feature must not grow:
// the chart library and the optimizer load only on the screens that use them.
import { readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const BUILD = new URL('../build/_app/immutable/', import.meta.url);
function built(dir, pattern) {
	const file = readdirSync(new URL(`${dir}/`, BUILD)).find((f) => pattern.test(f));
	if (!file) throw new Error(`no ${pattern} in build/_app/immutable/${dir}: run npm run build`);
	return `/_app/immutable/${dir}/${file}`;
}

/** @param {import('./run.js').BenchContext} ctx */
export default async function optimizerBench({ browser, appUrl, harness, print }) {
	const workerUrl = built('workers', /^optimizer\.worker-.*\.js$/);
	const wasmUrl = built('assets', /^fsrs_browser_bg.*\.wasm$/);
	for (const reviews of (process.env.BENCH_OPTIMIZER_REVIEWS ?? '10000,100000').split(',').map(Number)) {
		const r = await harness('optimizer', { reviews, workerUrl, wasmUrl });
		if (r.error) throw new Error(r.error);
		const target = reviews <= 10_000 ? 'target ≤ 3 s' : '';
		print(`optimize ${r.reviews} reviews (${r.items} training items): total`, r.totalMs / 1000, 's', target);
		print('  of which wasm + thread pool start', r.readyMs / 1000, 's');
		print(
			'  of which fitting (fsrs-rs, 5 epochs)',
			r.fitMs / 1000,
			's',
			`${r.threads} threads, isolated: ${r.isolated}`
		);
		print(
			'  log loss default → fitted (same reviews)',
			`${r.before.logLoss.toFixed(4)} → ${r.after.logLoss.toFixed(4)}`
		);
		print(
			'  RMSE (bins) default → fitted',
			`${r.before.rmseBins.toFixed(4)} → ${r.after.rmseBins.toFixed(4)}`
		);
		print('  simulating the log (setup, not a target)', r.prepareMs / 1000, 's');
	}

	// First load: a fresh context (no cache, no service worker yet), home then the study screen.
	const context = await browser.newContext();
	const page = await context.newPage();
	const scripts = new Map();
	page.on('response', async (response) => {
		if (response.request().resourceType() !== 'script') return;
		const body = await response.body().catch(() => Buffer.alloc(0));
		scripts.set(response.url(), body);
	});
	const sum = (bodies) => bodies.reduce((n, b) => n + b.length, 0);
	const gz = (bodies) => bodies.reduce((n, b) => n + gzipSync(b).length, 0);
	await page.goto(`${appUrl}/`);
	// The running app marks <html data-ready> (the prerendered home shows the heading before it).
	await page.locator('html[data-ready]').waitFor({ state: 'attached', timeout: 60_000 });
	await page.waitForLoadState('networkidle');
	const home = [...scripts.values()];
	print(
		'first load JS, home',
		`${(sum(home) / 1024).toFixed(1)} KiB`,
		'',
		`gzip ${(gz(home) / 1024).toFixed(1)} KiB, ${home.length} files`
	);
	await page
		.getByRole('button', { name: /^Study / })
		.first()
		.click();
	await page.getByRole('button', { name: 'Show answer' }).waitFor();
	await page.waitForLoadState('networkidle');
	const all = [...scripts.values()];
	print(
		'first load JS, home + study',
		`${(sum(all) / 1024).toFixed(1)} KiB`,
		'',
		`gzip ${(gz(all) / 1024).toFixed(1)} KiB, ${all.length} files`
	);
	const text = all.map((b) => b.toString('latin1')).join('\n');
	const chartLib = /uPlot|uplot/.test(text);
	const optimizer = /wbg_rayon|fsrs_browser|kartka-optimize/.test(text);
	print('chart library in first load (home + study)', chartLib ? 'YES' : 'no');
	print('optimizer in first load (home + study)', optimizer ? 'YES' : 'no');
	await context.close();
	if (chartLib || optimizer)
		throw new Error('The chart library or the optimizer leaked into the first load.');
}
