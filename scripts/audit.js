#!/usr/bin/env node
// npm run audit: measures the built app as it ships (build/ served by scripts/serve.js) and prints figures:
//   1. Lighthouse 12.8, mobile profile (its default: Moto G Power, slow 4G, 4x CPU, simulated), on each route
//   2. the JavaScript a first visit loads for home + study, gzip-compressed, app code and deck data apart,
//      and what the service worker precaches in the background
//   3. time to the first card on an offline cold start (browser restarted, network off, 4x CPU throttling)
// Targets (issue 4): performance >= 0.95, accessibility = 1, best practices = 1, JS <= 90 kB gzip.
// Usage: node scripts/audit.js [--runs 5] [--skip-lighthouse] [--only-lighthouse] [--dir build] [--pages /,/settings]
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromium } from 'playwright-core';
import { deckManifest } from './deck-manifest.js';
import { serveBuild } from './serve.js';

const argv = process.argv.slice(2);
/** @param {string} name @param {string} fallback */
const option = (name, fallback) =>
	argv.includes(`--${name}`) ? (argv[argv.indexOf(`--${name}`) + 1] ?? fallback) : fallback;
const buildDir = resolve(option('dir', fileURLToPath(new URL('../build', import.meta.url))));
/** The project the build came from (its decks/ and Vite's manifest in .svelte-kit/). */
const root = dirname(buildDir);
const CHROME = process.env.CHROME_PATH ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// The flags of tests/e2e/browser.ts: run as root with no network access to Google services.
const FLAGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run'
];
const TARGETS = { performance: 0.95, accessibility: 1, 'best-practices': 1 };
const JS_TARGET_KB = 90;

const runs = Number(option('runs', '5')) || 5;
const skipLighthouse = argv.includes('--skip-lighthouse');
const onlyLighthouse = argv.includes('--only-lighthouse');

/** @param {string} label @param {string} value @param {string} [note] */
function print(label, value, note = '') {
	console.log(`  ${label.padEnd(52)} ${value.padStart(12)}${note ? `   ${note}` : ''}`);
}
const kB = (/** @type {number} */ bytes) => `${(bytes / 1000).toFixed(1)} kB`;
const median = (/** @type {number[]} */ xs) =>
	[...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const gzipSize = (/** @type {string} */ path) => gzipSync(readFileSync(path)).length;

if (!existsSync(join(buildDir, 'index.html'))) throw new Error('No build: run "npm run build" first.');
const firstDeck = Object.values(deckManifest(join(root, 'decks')))[0]?.id;
if (!firstDeck) throw new Error('No deck in decks/: the study route needs one.');
const server = await serveBuild({ dir: buildDir });
const studyPath = `/study?deck=${encodeURIComponent(firstDeck)}`;
let failed = false;

try {
	if (!skipLighthouse) await lighthouseScores();
	if (!onlyLighthouse) {
		await firstVisitJs();
		await offlineColdStart();
	}
} finally {
	await server.close();
}
process.exitCode = failed ? 1 : 0;

async function lighthouseScores() {
	console.log('\nLighthouse 12.8, mobile profile (simulated slow 4G, 4x CPU)');
	const chrome = await chromeLauncher.launch({ chromePath: CHROME, chromeFlags: FLAGS });
	try {
		const pages = option('pages', `/,${studyPath},/settings`).split(',');
		for (const path of pages) {
			const result = await lighthouse(`${server.url}${path}`, {
				port: chrome.port,
				output: 'json',
				logLevel: 'error',
				onlyCategories: Object.keys(TARGETS)
			});
			const lhr = result?.lhr;
			if (!lhr) throw new Error(`Lighthouse returned nothing for ${path}`);
			console.log(` ${path}`);
			for (const [id, target] of Object.entries(TARGETS)) {
				const score = lhr.categories[id]?.score ?? 0;
				const ok = score >= target;
				if (!ok) failed = true;
				const misses = ok ? '' : failing(lhr, id);
				print(
					lhr.categories[id]?.title ?? id,
					score.toFixed(2),
					`${ok ? 'ok' : 'BELOW'} (target ${target})${misses}`
				);
			}
			for (const id of [
				'first-contentful-paint',
				'largest-contentful-paint',
				'total-blocking-time',
				'cumulative-layout-shift'
			])
				print(`  ${lhr.audits[id]?.title}`, String(lhr.audits[id]?.displayValue ?? '?'));
		}
	} finally {
		chrome.kill();
	}
}

/** @param {any} lhr @param {string} category the audits that lost points */
function failing(lhr, category) {
	const refs = lhr.categories[category]?.auditRefs ?? [];
	const lost = refs
		.filter((/** @type {any} */ r) => r.weight > 0 && (lhr.audits[r.id]?.score ?? 1) < 1)
		.map((/** @type {any} */ r) => r.id);
	return lost.length ? `: ${lost.join(', ')}` : '';
}

/** JS the page itself loads (not the worker's background precache) on a first visit: home, then a study session. */
async function firstVisitJs() {
	console.log('\nJavaScript on a first visit (gzip -6 of each file)');
	const deckFiles = deckChunks();
	const browser = await chromium.launch({ executablePath: CHROME, args: FLAGS });
	try {
		const context = await browser.newContext({ baseURL: server.url });
		const page = await context.newPage();
		/** @type {Set<string>} */
		const scripts = new Set();
		page.on('response', (response) => {
			const url = new URL(response.url());
			if (response.request().resourceType() === 'script' && url.origin === server.url)
				scripts.add(url.pathname);
		});
		await page.goto('/');
		await page.getByRole('heading', { name: 'Your decks' }).waitFor();
		const home = new Set(scripts);
		await page
			.getByRole('button', { name: /^Study / })
			.first()
			.click();
		await page.getByRole('button', { name: 'Show answer' }).waitFor();
		await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
			timeout: 60_000
		});

		const size = (/** @type {Iterable<string>} */ paths, /** @type {boolean} */ decks) =>
			[...paths]
				.filter((p) => deckFiles.has(p) === decks)
				.reduce((sum, p) => sum + gzipSize(join(buildDir, p)), 0);
		const appHome = size(home, false);
		const appTotal = size(scripts, false);
		const decksTotal = size(scripts, true);
		print('app JS, home', kB(appHome));
		print(
			'app JS, home + study',
			kB(appTotal),
			appTotal <= JS_TARGET_KB * 1000 ? `ok (target ${JS_TARGET_KB} kB)` : `ABOVE target ${JS_TARGET_KB} kB`
		);
		if (appTotal > JS_TARGET_KB * 1000) failed = true;
		print(
			'shipped deck data (JS chunks, loaded once into IndexedDB)',
			kB(decksTotal),
			`${deckFiles.size} decks`
		);

		// Everything the worker downloads after load so that the next visit works offline.
		const precached = await page.evaluate(async () => {
			const names = (await caches.keys()).filter((n) => n.startsWith('kartka-precache-'));
			const cache = await caches.open(names[0] ?? '');
			return (await cache.keys()).map((r) => new URL(r.url).pathname);
		});
		const files = precached.map((p) =>
			p === '/' ? '/index.html' : existsSync(join(buildDir, p)) ? p : `${p}.html`
		);
		const bytes = files.reduce(
			(sum, p) => sum + (existsSync(join(buildDir, p)) ? gzipSize(join(buildDir, p)) : 0),
			0
		);
		print('service worker precache (background, gzip)', kB(bytes), `${precached.length} files`);
		await context.close();
	} finally {
		await browser.close();
	}
}

/** Deck chunks, from Vite's manifest of the last build (decks/x.json → its chunk). */
function deckChunks() {
	const manifestPath = join(root, '.svelte-kit/output/client/.vite/manifest.json');
	if (!existsSync(manifestPath)) return new Set();
	/** @type {Record<string, { file: string }>} */
	const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
	return new Set(
		Object.entries(manifest)
			.filter(([source]) => source.startsWith('decks/'))
			.map(([, entry]) => `/${entry.file}`)
	);
}

/**
 * A real cold start: the first visit installs the worker in a fresh profile; the browser is closed; it is
 * started again with the network off and the CPU slowed 4x, and opens the study screen by deep link.
 */
async function offlineColdStart() {
	console.log(`\nOffline cold start, 4x CPU throttling (median of ${runs})`);
	const profile = mkdtempSync(join(tmpdir(), 'kartka-audit-'));
	const launch = (/** @type {boolean} */ offline) =>
		chromium.launchPersistentContext(profile, {
			executablePath: CHROME,
			args: FLAGS,
			offline,
			viewport: { width: 390, height: 844 },
			deviceScaleFactor: 2,
			isMobile: true,
			hasTouch: true,
			baseURL: server.url
		});
	try {
		const first = await launch(false);
		const page = first.pages()[0] ?? (await first.newPage());
		await page.goto('/');
		await page.getByRole('heading', { name: 'Your decks' }).waitFor();
		await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
			timeout: 60_000
		});
		await first.close();

		/** @type {{ card: number[]; decks: number[] }} */
		const times = { card: [], decks: [] };
		for (let i = 0; i < runs; i++) {
			for (const [kind, path, ready] of /** @type {const} */ ([
				['card', studyPath, 'Show answer'],
				['decks', '/', 'Study ']
			])) {
				const context = await launch(true);
				const tab = context.pages()[0] ?? (await context.newPage());
				const cdp = await context.newCDPSession(tab);
				await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
				// Time from navigation start until the control appears in the DOM.
				await tab.addInitScript((ready) => {
					const w = /** @type {any} */ (window);
					new MutationObserver((_, observer) => {
						const found = [...document.querySelectorAll('button')].some(
							(b) =>
								b.textContent?.trim().startsWith(ready.trim()) ||
								b.getAttribute('aria-label')?.startsWith(ready)
						);
						if (found) {
							w.__readyMs = performance.now();
							observer.disconnect();
						}
					}).observe(document, { childList: true, subtree: true });
				}, ready);
				await tab.goto(path);
				await tab.waitForFunction(() => /** @type {any} */ (window).__readyMs !== undefined, undefined, {
					timeout: 60_000
				});
				times[kind].push(await tab.evaluate(() => /** @type {any} */ (window).__readyMs));
				await context.close();
			}
		}
		const range = (/** @type {number[]} */ xs) =>
			`min ${Math.min(...xs).toFixed(0)}, max ${Math.max(...xs).toFixed(0)} ms`;
		print(
			'deep link /study → first card on screen',
			`${median(times.card).toFixed(0)} ms`,
			range(times.card)
		);
		print('home → deck list on screen', `${median(times.decks).toFixed(0)} ms`, range(times.decks));
	} finally {
		rmSync(profile, { recursive: true, force: true });
	}
}
