#!/usr/bin/env node
// npm run bench: runs every bench/*.bench.js (or those named on the command line) in Debian's Chromium and
// prints their figures. Each bench module exports `default async function (ctx)` with
//   ctx.browser     a playwright-core Browser
//   ctx.appUrl      the built app (build/) served as it ships
//   ctx.harness(name, params?) opens bench/harness/<name>.html (TS compiled by Vite, `$lib` resolves)
//                   and resolves to what the page puts in `window.__benchResult` (set `window.__benchDone = true`)
//   ctx.print(label, value, unit?, note?)  prints one figure line
import { readdirSync } from 'node:fs';
import { createServer } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { fileURLToPath } from 'node:url';
import { serveBuild } from '../scripts/serve.js';
import { deckManifest } from '../scripts/deck-manifest.js';
import { chromium } from 'playwright-core';

const root = fileURLToPath(new URL('..', import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(new URL('.', import.meta.url))
	.filter((f) => f.endsWith('.bench.js'))
	.filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
	.sort();

const app = await serveBuild({ dir: `${root}/build` });
const vite = await createServer({
	root,
	configFile: false,
	logLevel: 'error',
	plugins: [svelte()],
	resolve: { alias: { $lib: `${root}/src/lib` } },
	define: { __KARTKA_DECKS__: JSON.stringify(deckManifest(`${root}/decks`)) },
	server: { host: '127.0.0.1', port: 0, strictPort: false }
});
await vite.listen();
const harnessUrl = vite.resolvedUrls?.local[0]?.replace(/\/$/, '') ?? '';
const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
	args: [
		'--headless',
		'--no-sandbox',
		'--disable-gpu',
		'--disable-quic',
		'--disable-background-networking',
		'--disable-component-update',
		'--disable-sync',
		'--no-first-run'
	]
});

/** @param {string} label @param {number|string} value @param {string} [unit] @param {string} [note] */
function print(label, value, unit = '', note = '') {
	const shown = typeof value === 'number' ? (Math.abs(value) >= 100 ? value.toFixed(0) : value.toFixed(2)) : value;
	console.log(`  ${label.padEnd(58)} ${`${shown} ${unit}`.padStart(16)}${note ? `   ${note}` : ''}`);
}

/** @param {string} name @param {Record<string, string|number>} [params] */
async function harness(name, params = {}) {
	const page = await browser.newPage();
	page.on('console', (m) => m.type() === 'error' && console.error(`  [${name}] ${m.text()}`));
	page.on('pageerror', (e) => console.error(`  [${name}] ${e.message}`));
	const query = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]));
	await page.goto(`${harnessUrl}/bench/harness/${name}.html?${query}`);
	await page.waitForFunction(() => /** @type {any} */ (window).__benchDone === true, undefined, {
		timeout: 600_000,
		polling: 250
	});
	const result = await page.evaluate(() => /** @type {any} */ (window).__benchResult);
	await page.close();
	return result;
}

let failed = false;
try {
	for (const file of files) {
		console.log(`\n${file.replace('.bench.js', '')}`);
		const mod = await import(new URL(file, import.meta.url).href);
		try {
			await mod.default({ browser, appUrl: app.url, harness, print });
		} catch (error) {
			failed = true;
			console.error(`  FAILED: ${error instanceof Error ? error.stack : error}`);
		}
	}
} finally {
	await browser.close();
	await vite.close();
	await app.close();
}
process.exit(failed ? 1 : 0);
