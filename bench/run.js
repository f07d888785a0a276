#!/usr/bin/env node
// npm run bench: runs every bench/*.bench.js (or those named on the command line) in Debian's Chromium and
// prints their figures. Each bench module exports `default async function (ctx)` with
//   ctx.browser     a playwright-core Browser
//   ctx.context     a playwright BrowserContext shared by all benches (one origin, one IndexedDB)
//   ctx.appUrl      the built app (build/) served as it ships, on the SAME origin as the harness pages,
//                   so a harness can seed the app's own IndexedDB and the app can then be measured on it
//   ctx.harness(name, params?) opens bench/harness/<name>.html (TS compiled by Vite, `$lib` resolves)
//                   and resolves to what the page puts in `window.__benchResult` (set `window.__benchDone = true`)
//   ctx.print(label, value, unit?, note?)  prints one figure line
import { readdirSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer } from 'vite';
import sirv from 'sirv';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { fileURLToPath } from 'node:url';
import { deckManifest } from '../scripts/deck-manifest.js';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/chromium.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(new URL('.', import.meta.url))
	.filter((f) => f.endsWith('.bench.js'))
	.filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
	.sort();

// One origin for both: Vite (in middleware mode) compiles the harness pages and our TS modules; every
// other path is the built app from build/, as scripts/serve.js serves it.
const vite = await createServer({
	root,
	configFile: false,
	logLevel: 'error',
	appType: 'mpa',
	plugins: [svelte()],
	resolve: { alias: { $lib: `${root}/src/lib` } },
	define: { __KARTKA_DECKS__: JSON.stringify(deckManifest(`${root}/decks`)) },
	server: { middlewareMode: true, hmr: false },
	// Pre-bundle every harness's dependencies up front: a dependency discovered later would make Vite
	// re-optimize and fail the pages already loaded ("Outdated Optimize Dep").
	optimizeDeps: { entries: ['bench/harness/*.html'], include: ['dexie', 'ts-fsrs'] }
});
const built = sirv(process.env.BENCH_BUILD_DIR ?? `${root}/build`, {
	single: '404.html',
	extensions: ['html']
});
const VITE_PATHS = /^\/(bench|src|node_modules|@vite|@fs|@id|@react-refresh)\b/;
const server = createHttpServer((req, res) => {
	res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
	res.setHeader('Cross-Origin-Embedder-Policy', 'require-corp');
	if (VITE_PATHS.test(req.url ?? '')) vite.middlewares(req, res);
	else built(req, res, () => ((res.statusCode = 404), res.end()));
});
await new Promise((ok) =>
	server.listen(Number(process.env.BENCH_PORT ?? 0), '127.0.0.1', () => ok(undefined))
);
const address = server.address();
const appUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
const app = { url: appUrl, close: () => new Promise((ok) => server.close(() => ok(undefined))) };
const harnessUrl = appUrl;
const launch = { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS };
// BENCH_PROFILE_DIR (with a fixed BENCH_PORT: IndexedDB is per origin) keeps the browser profile, and so a
// seeded collection, from one run to the next: for trying changes without seeding again each time.
// Benches that use ctx.browser (authoring, optimizer) need a plain run: a kept profile has no Browser.
const profileDir = process.env.BENCH_PROFILE_DIR;
const persistent = profileDir
	? await chromium.launchPersistentContext(profileDir, { ...launch, viewport: { width: 390, height: 844 } })
	: null;
const browser = persistent
	? /** @type {import('playwright-core').Browser} */ (persistent.browser())
	: await chromium.launch(launch);

/** @param {string} label @param {number|string} value @param {string} [unit] @param {string} [note] */
function print(label, value, unit = '', note = '') {
	const shown =
		typeof value === 'number' ? (Math.abs(value) >= 100 ? value.toFixed(0) : value.toFixed(2)) : value;
	console.log(`  ${label.padEnd(58)} ${`${shown} ${unit}`.padStart(16)}${note ? `   ${note}` : ''}`);
}

/** @param {string} name @param {Record<string, string|number>} [params] */
async function harness(name, params = {}) {
	const page = await context.newPage();
	page.on('console', (m) => m.type() === 'error' && console.error(`  [${name}] ${m.text()}`));
	page.on('pageerror', (e) => console.error(`  [${name}] ${e.message}`));
	page.on('response', (r) => r.status() >= 400 && console.error(`  [${name}] ${r.status()} ${r.url()}`));
	const query = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]));
	await page.goto(`${harnessUrl}/bench/harness/${name}.html?${query}`);
	await page.waitForFunction(() => /** @type {any} */ (window).__benchDone === true, undefined, {
		// A full-size benchmark on a loaded machine can take longer: BENCH_TIMEOUT_MS raises the limit.
		timeout: Number(process.env.BENCH_TIMEOUT_MS ?? 600_000),
		polling: 250
	});
	const result = await page.evaluate(() => /** @type {any} */ (window).__benchResult);
	await page.close();
	return result;
}

const context = persistent ?? (await browser.newContext({ viewport: { width: 390, height: 844 } }));
let failed = false;
try {
	for (const file of files) {
		console.log(`\n${file.replace('.bench.js', '')}`);
		const mod = await import(new URL(file, import.meta.url).href);
		try {
			await mod.default({ browser, context, appUrl: app.url, harness, print });
		} catch (error) {
			failed = true;
			console.error(`  FAILED: ${error instanceof Error ? error.stack : error}`);
		}
	}
} finally {
	await (persistent ?? browser).close();
	await vite.close();
	await app.close();
}
process.exit(failed ? 1 : 0);
