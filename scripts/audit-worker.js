// npm run audit, parts 3 and 4 (scripts/audit.js): a first visit's service worker control, and the offline
// cold start to the first card painted. Each prints its figures beside their targets (audit-print.js).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROME, FLAGS, PHONE, median, print, printFloor, range, verdict } from './audit-print.js';
import { rawColdStart } from './audit-raw-cdp.js';

const SW_CONTROL_TARGET_MS = 1500;
const FIRST_CARD_TARGET_MS = 300;

/**
 * @typedef {{ server: { url: string }, runs: number, studyPath: string, fail: () => void,
 *   floorColdStart?: () => Promise<number> }} AuditContext
 * `floorColdStart` (offline cold start only): one cold start of a bare page (scripts/audit-floor.js), taken
 * between the app's own runs so that both see the same load.
 */

/**
 * A first visit in a fresh browser at 4x CPU: time from navigation start until the service worker controls
 * the page (it has installed the shell and claimed the page), i.e. until the app works offline. Two clocks:
 * the browser's own record (DevTools protocol: the worker's version lists the page among the clients it
 * controls; the target), and when the page's main thread hears `controllerchange` (later whenever the page is
 * busy starting up: printed beside it, so neither hides the other).
 *
 * @param {AuditContext} ctx
 */
export async function serviceWorkerControl({ server, runs }) {
	console.log(`\nService worker control of a first visit, 4x CPU throttling (median of ${runs})`);
	/** @type {number[]} */
	const claimed = [];
	/** @type {number[]} */
	const heard = [];
	const browser = await chromium.launch({ executablePath: CHROME, args: FLAGS });
	try {
		for (let i = 0; i < runs; i++) {
			const context = await browser.newContext({ baseURL: server.url });
			const page = await context.newPage();
			const cdp = await context.newCDPSession(page);
			await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
			const { targetInfo } = await cdp.send('Target.getTargetInfo');
			/** @type {number | undefined} */
			let claimedAtEpochMs;
			cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
				if (versions.some((v) => v.controlledClients?.includes(targetInfo.targetId)))
					claimedAtEpochMs ??= Date.now();
			});
			await cdp.send('ServiceWorker.enable');
			await page.addInitScript(() => {
				navigator.serviceWorker?.addEventListener('controllerchange', () => {
					/** @type {any} */ (window).__controlledMs ??= performance.now();
				});
			});
			await page.goto('/');
			await page.waitForFunction(() => /** @type {any} */ (window).__controlledMs !== undefined, undefined, {
				timeout: 60_000
			});
			const { heardMs, originEpochMs } = await page.evaluate(() => ({
				heardMs: /** @type {any} */ (window).__controlledMs,
				originEpochMs: performance.timeOrigin
			}));
			heard.push(heardMs);
			claimed.push(claimedAtEpochMs === undefined ? heardMs : claimedAtEpochMs - originEpochMs);
			await context.close();
		}
	} finally {
		await browser.close();
	}
	const ms = median(claimed);
	print(
		'navigation start → worker controls the page',
		`${ms.toFixed(0)} ms`,
		`${verdict(ms <= SW_CONTROL_TARGET_MS, `≤ ${SW_CONTROL_TARGET_MS} ms`)}; ${range(claimed)}`
	);
	print('  … the page hears it (controllerchange)', `${median(heard).toFixed(0)} ms`, range(heard));
}

/**
 * The first visit of a cold start (part 4, scripts/ab-offline.js, scripts/trace-offline.js): in `profile`,
 * home until the worker controls it, then a card of `studyPath` shown; the browser is closed.
 * @param {string} profile @param {string} baseURL @param {string} studyPath
 */
export async function studyOnce(profile, baseURL, studyPath) {
	const first = await chromium.launchPersistentContext(profile, {
		executablePath: CHROME,
		args: FLAGS,
		...PHONE,
		baseURL
	});
	try {
		const page = first.pages()[0] ?? (await first.newPage());
		await page.goto('/');
		// The running app marks <html data-ready> (the prerendered home shows the heading before it).
		await page.locator('html[data-ready]').waitFor({ state: 'attached', timeout: 60_000 });
		await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
			timeout: 60_000
		});
		await page.goto(studyPath);
		await page.getByRole('button', { name: 'Show answer' }).waitFor({ timeout: 60_000 });
	} finally {
		await first.close();
	}
}

/**
 * A real cold start: the first visit installs the worker in a fresh profile and studies a card (a student
 * who studied once before going offline); the browser is closed; it is started again with the network off
 * and the CPU slowed 4x, and opens the study screen by deep link. "First card painted" is the frame that shows
 * the card with its "Show answer" button (Element Timing's render time of its question): the last session's
 * picture of it (src/lib/pwa/first-card-paint.js, inert) or the app's own. "Ready to answer" is the frame that shows the app's own card; whether the picture was the
 * card the app then showed is counted, so a stale picture cannot pass unseen.
 *
 * @param {AuditContext} ctx
 */
export async function offlineColdStart({ server, runs, studyPath, fail, floorColdStart }) {
	console.log(`\nOffline cold start, 4x CPU throttling (median of ${runs})`);
	const profile = mkdtempSync(join(tmpdir(), 'kartka-audit-'));
	const launchOffline = () =>
		chromium.launchPersistentContext(profile, {
			executablePath: CHROME,
			args: FLAGS,
			offline: true,
			...PHONE,
			baseURL: server.url
		});
	try {
		await studyOnce(profile, server.url, studyPath);

		/** @type {{ card: number[]; bodyFrame: number[]; answerable: number[]; decks: number[] }} */
		const times = { card: [], bodyFrame: [], answerable: [], decks: [] };
		/** @type {{ card: number[]; fcp: number[]; answerable: number[] }} */
		const raw = { card: [], fcp: [], answerable: [] };
		let pictures = 0;
		let pictureWasTheCard = 0;
		let rawPictures = 0;
		let rawPictureWasTheCard = 0;
		/** @type {number[]} */
		const floor = [];
		for (let i = 0; i < runs; i++) {
			if (floorColdStart) floor.push(await floorColdStart());
			// The same cold start without Playwright (audit-raw-cdp.js), interleaved so both see the same load.
			const seen = await rawColdStart(profile, new URL(studyPath, server.url).href, 'Show answer');
			raw.card.push(seen.cardPaintMs ?? seen.readyMs);
			raw.fcp.push(seen.fcpMs ?? NaN);
			raw.answerable.push(seen.readyMs);
			if (seen.picture !== null) {
				rawPictures++;
				if (seen.picture === seen.card) rawPictureWasTheCard++;
			}
			for (const [kind, path, ready] of /** @type {const} */ ([
				['card', studyPath, 'Show answer'],
				['decks', '/', 'Study ']
			])) {
				const context = await launchOffline();
				const tab = context.pages()[0] ?? (await context.newPage());
				const cdp = await context.newCDPSession(tab);
				await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
				// Time from navigation start until the control appears in the DOM.
				await tab.addInitScript((ready) => {
					const w = /** @type {any} */ (window);
					const questionOf = (/** @type {Element} */ el) =>
						el.closest('main')?.querySelector('.question') ?? el.closest('main')?.querySelector('h1');
					const question = (/** @type {Element} */ el) => questionOf(el)?.textContent?.trim() ?? '';
					// What a student sees: the frame in which the card's text was really painted (Element Timing:
					// the attribute is put on the question the moment it is in the page, before any frame).
					new PerformanceObserver((list) => {
						for (const entry of /** @type {any[]} */ (list.getEntries()))
							if (entry.identifier === 'audit-first-card')
								w.__cardPaintMs ??= entry.renderTime || entry.startTime;
					}).observe({ type: 'element', buffered: true });
					const mark = (/** @type {Element} */ button) =>
						questionOf(button)?.setAttribute('elementtiming', 'audit-first-card');
					new MutationObserver((_, observer) => {
						const found = [...document.querySelectorAll('button')].filter(
							(b) =>
								b.textContent?.trim().startsWith(ready.trim()) ||
								b.getAttribute('aria-label')?.startsWith(ready)
						);
						const picture = found.find((b) => b.closest('#first-card-snapshot'));
						const own = found.find((b) => !b.closest('#first-card-snapshot'));
						// The frame that paints it: the next animation frame's start.
						if (found.length > 0 && w.__paintedMs === undefined) {
							w.__paintedMs = null;
							mark(/** @type {Element} */ (found[0]));
							w.__picture = picture ? question(picture) : null;
							requestAnimationFrame((frameMs) => (w.__paintedMs = frameMs));
						}
						if (own) {
							observer.disconnect();
							w.__card = question(own);
							requestAnimationFrame((frameMs) => (w.__readyMs = frameMs));
						}
					}).observe(document, { childList: true, subtree: true });
				}, ready);
				await tab.goto(path);
				await tab.waitForFunction(() => /** @type {any} */ (window).__readyMs !== undefined, undefined, {
					timeout: 60_000
				});
				// The element entry follows the card's frame.
				await tab
					.waitForFunction(() => /** @type {any} */ (window).__cardPaintMs !== undefined, undefined, {
						timeout: 5_000
					})
					.catch(() => undefined);
				const seen = await tab.evaluate(() => {
					const w = /** @type {any} */ (window);
					return {
						paintedMs: w.__paintedMs,
						cardPaintMs: w.__cardPaintMs,
						readyMs: w.__readyMs,
						picture: w.__picture,
						card: w.__card
					};
				});
				if (kind === 'card') {
					// No element entry (none was painted): the frame of the app's own card stands for it.
					times.card.push(seen.cardPaintMs ?? seen.readyMs);
					times.bodyFrame.push(seen.paintedMs ?? seen.readyMs);
					times.answerable.push(seen.readyMs);
					if (seen.picture !== null) {
						pictures++;
						if (seen.picture === seen.card) pictureWasTheCard++;
					}
				} else times.decks.push(seen.readyMs);
				await context.close();
			}
		}
		const card = median(times.card);
		print(
			'offline deep link /study → first card painted',
			`${card.toFixed(0)} ms`,
			`${verdict(card <= FIRST_CARD_TARGET_MS, `≤ ${FIRST_CARD_TARGET_MS} ms`)}; ${range(times.card)}`
		);
		print(
			'  … (old figure) next frame after the card was put in',
			`${median(times.bodyFrame).toFixed(0)} ms`,
			`${range(times.bodyFrame)}: a frame scheduled before the card, ≈ the parser reaching <body>`
		);
		print(
			'  … painted from the last session (the same card)',
			`${pictures}/${runs} runs`,
			`${pictureWasTheCard}/${pictures} showed the card the app then showed`
		);
		if (pictureWasTheCard !== pictures) fail();
		const rawCard = median(raw.card);
		print(
			'  … without Playwright (raw CDP over a pipe)',
			`${rawCard.toFixed(0)} ms`,
			`${verdict(rawCard <= FIRST_CARD_TARGET_MS, `≤ ${FIRST_CARD_TARGET_MS} ms`)}; ${range(raw.card)}`
		);
		if (floor.length > 0) printFloor(floor);
		print('    … its first contentful paint', `${median(raw.fcp).toFixed(0)} ms`, range(raw.fcp));
		print(
			'    … painted from the last session (the same card)',
			`${rawPictures}/${runs} runs`,
			`${rawPictureWasTheCard}/${rawPictures} showed the card the app then showed`
		);
		if (rawPictureWasTheCard !== rawPictures) fail();
		print(
			'    … the app shows it, ready to answer',
			`${median(raw.answerable).toFixed(0)} ms`,
			range(raw.answerable)
		);
		print(
			'  … the app shows it, ready to answer',
			`${median(times.answerable).toFixed(0)} ms`,
			range(times.answerable)
		);
		print('offline home → deck list painted', `${median(times.decks).toFixed(0)} ms`, range(times.decks));
	} finally {
		rmSync(profile, { recursive: true, force: true });
	}
}
