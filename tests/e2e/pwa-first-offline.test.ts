// Issue 13: a student opens Kartka once (online), and studies for the first time with no signal, before the
// service worker's background warm-up has cached the rest of the app. The worker must already hold what
// the study screen loads after its first card (the scheduler for the answer buttons, the sanitizer and the
// cloze renderer for cloze cards: listed by study.html, src/lib/pwa/study-shell.server.ts): a first install
// caches the deck list's code, and the study screen's right after it takes control, without the page asking. If the scheduler still
// cannot load (here: taken out of the cache), the card stays with a reason and a "Try again" a finger can reach.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { axeViolations } from './axe';
import { collectPageErrors, launchChromium, newPhoneContext, screenshot, waitForHome } from './browser';
import { readStore } from './idb';
import { cachedPaths, firstDeckId, waitForWorker } from './pwa-helpers';

let browser: Browser;
beforeAll(async () => {
	browser = await launchChromium();
});
afterAll(async () => {
	await browser?.close();
});

const STUDY_HTML = () => readFileSync('build/study.html', 'utf8');
const path = (href: string) => new URL(href, 'http://x/study').pathname;

/** The files study.html asks the worker to install for a first offline study. */
function studyPrecacheList(): string[] {
	const content = /<meta name="kartka-precache" content="([^"]*)"/.exec(STUDY_HTML())?.[1] ?? '';
	return content.split(' ').filter(Boolean).map(path);
}

/** Those of them the page does not preload: what it imports only after the first card. */
function loadedAfterFirstCard(): string[] {
	const preloaded = new Set(
		[...STUDY_HTML().matchAll(/<link href="([^"]+)" rel="modulepreload">/g)].map(([, href]) => path(href!))
	);
	return studyPrecacheList().filter((file) => !preloaded.has(file));
}

/**
 * A first visit whose background warm-up never runs: what the install and the step right after activation
 * cached (the study screen's code, fetched without the page asking: waited for) is all there is.
 */
async function firstVisitWithoutWarmUp(): Promise<{ context: BrowserContext; page: Page; deckId: string }> {
	const context = await newPhoneContext(browser);
	await context.addInitScript(() => {
		const post = ServiceWorker.prototype.postMessage;
		ServiceWorker.prototype.postMessage = function (this: ServiceWorker, ...args: unknown[]) {
			if ((args[0] as { type?: string } | null)?.type === 'WARM_CACHE') return;
			return (post as (...a: unknown[]) => void).apply(this, args);
		};
	});
	const page = await context.newPage();
	await page.goto('/');
	await waitForHome(page);
	await waitForWorker(page);
	await expect
		.poll(() => cachedPaths(page), { timeout: 30_000 })
		.toEqual(expect.arrayContaining(studyPrecacheList()));
	return { context, page, deckId: await firstDeckId(page) };
}

describe('first study offline, right after the first visit', () => {
	it('answers cards: the scheduler and sanitizer came with the install, unasked', async () => {
		const { context, page, deckId } = await firstVisitWithoutWarmUp();
		const errors = collectPageErrors(page);
		const wanted = studyPrecacheList();
		expect(loadedAfterFirstCard().length).toBeGreaterThan(0);
		const cached = await cachedPaths(page);
		expect(cached).toEqual(expect.arrayContaining(wanted));
		// Still only the shell: no other screen (the warm-up did not run).
		expect(cached).not.toContain('/settings');

		await context.setOffline(true);
		await page.goto(`/study?deck=${encodeURIComponent(deckId)}`);
		for (let i = 0; i < 3; i++) {
			await page.getByRole('button', { name: 'Show answer' }).tap();
			await page.getByRole('button', { name: 'Good', exact: true }).tap();
		}
		await page.getByRole('button', { name: 'Show answer' }).waitFor();
		expect(await page.getByRole('button', { name: 'Try again' }).count()).toBe(0);
		expect(await readStore(page, 'reviewLogs')).toHaveLength(3);
		// A cloze deck's first card: the cloze renderer and the sanitizer are loaded for it, from the cache.
		await page.goto('/study?deck=belarus-tilt-dates');
		await page.locator('main article.card .question mark.cloze').waitFor();
		expect(await page.getByRole('button', { name: 'Try again' }).count()).toBe(0);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('keeps the card and offers "Try again" when the scheduler is missing, which loads it once online', async () => {
		const { context, page, deckId } = await firstVisitWithoutWarmUp();
		// The fault: the scheduler's files are not in the cache (evicted, or an install that missed them).
		await page.evaluate(async (paths) => {
			const [name] = (await caches.keys()).filter((key) => key.startsWith('kartka-precache-'));
			const cache = await caches.open(name!);
			for (const path of paths) await cache.delete(path);
		}, loadedAfterFirstCard());
		// ...nor in the HTTP cache the worker's own fetch would read offline (the install downloaded them).
		await (await context.newCDPSession(page)).send('Network.clearBrowserCache');
		await context.setOffline(true);
		await page.goto(`/study?deck=${encodeURIComponent(deckId)}`);
		await page.getByRole('button', { name: 'Show answer' }).tap();
		const retry = page.getByRole('button', { name: 'Try again' });
		await retry.waitFor();
		await page.getByText(/answer buttons could not be loaded/).waitFor();
		expect(await page.locator('article.card .answer').isVisible()).toBe(true);
		expect(await page.getByRole('button', { name: 'Good', exact: true }).count()).toBe(0);
		await expect.poll(() => retry.evaluate((el) => el === document.activeElement)).toBe(true);
		await screenshot(page, 'first-offline-01-try-again');
		expect(await axeViolations(page)).toEqual([]);

		await context.setOffline(false);
		await retry.tap();
		await page.getByRole('button', { name: 'Good', exact: true }).tap();
		await page.getByRole('button', { name: 'Show answer' }).waitFor();
		expect(await readStore(page, 'reviewLogs')).toHaveLength(1);
		await context.close();
	});
});
