// The main use: a student opened Kartka once, then studies with no signal. The second visit must open every
// route by deep link, study, and keep the answers, all from the service worker's cache; and with service
// workers blocked the app must still work online.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { axeViolations } from './axe';
import { collectPageErrors, launchChromium, newPhoneContext, screenshot, waitForHome } from './browser';
import { readStore } from './idb';
import { buildApkg } from '../helpers/apkg-builder';
import {
	cachedPaths,
	expectedCacheKeys,
	firstDeckId,
	routeShells,
	studyCards,
	waitForFullCache,
	waitForWorker
} from './pwa-helpers';

let browser: Browser;
beforeAll(async () => {
	browser = await launchChromium();
});
afterAll(async () => {
	await browser?.close();
});

/** A deep link for each route shell; routes that need an id get the first deck's. */
function deepLink(route: string, deckId: string): string {
	if (route === '/study') return `/study?deck=${encodeURIComponent(deckId)}`;
	if (route === '/deck') return `/deck?id=${encodeURIComponent(deckId)}`;
	return route;
}

describe('offline PWA', () => {
	it('opens every route offline on the second visit, studies 3 cards, and keeps the answers', async () => {
		const context = await newPhoneContext(browser);
		// Count persistence requests: they must come after the first study session, not on first paint.
		await context.addInitScript(() => {
			const w = window as unknown as { __persistCalls: number };
			w.__persistCalls = 0;
			const storage = navigator.storage;
			const persist = storage.persist.bind(storage);
			storage.persist = () => {
				w.__persistCalls++;
				return persist();
			};
		});
		const page = await context.newPage();
		const errors = collectPageErrors(page);

		// First visit, online.
		await page.goto('/');
		await waitForHome(page);
		await waitForWorker(page);
		const deckId = await firstDeckId(page);
		// The worker took control with only the shell: the deck list's and the study screen's HTML, the deck
		// list's code (the study screen's follows right after), not the other screens, the import parsers,
		// sql.js or the optimizer's wasm (issue 13: control sooner).
		const atControl = await cachedPaths(page);
		expect(atControl).toEqual(expect.arrayContaining(['/', '/study', '/404.html']));
		expect(atControl).not.toContain('/settings');
		expect(atControl).not.toContain('/import');
		expect(atControl.filter((key) => key.endsWith('.wasm'))).toEqual([]);
		expect(
			atControl.filter((key) => key.includes('/workers/') && !key.includes('/builtin-decks.worker-'))
		).toEqual([]);
		// Once the first visit has settled, the rest of the app follows in the background: every route,
		// chunk, deck, icon, and the workers' own wasm files.
		await waitForFullCache(page);
		expect(await cachedPaths(page)).toEqual(expectedCacheKeys('build'));
		expect(await page.getByText('Offline', { exact: true }).count()).toBe(0);

		// No network from here on.
		await context.setOffline(true);
		await page.reload();
		await waitForHome(page);
		await page.getByText('Offline', { exact: true }).waitFor();
		// The cached responses kept the COOP/COEP headers: still cross-origin isolated (the optimizer needs it).
		expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
		await screenshot(page, 'pwa-01-home-offline');
		expect(await axeViolations(page)).toEqual([]);

		const routes = routeShells('build');
		expect(routes).toEqual(expect.arrayContaining(['/', '/deck', '/settings', '/study']));
		for (const route of routes) {
			const response = await page.goto(deepLink(route, deckId));
			expect(response?.status(), route).toBe(200);
			expect(response?.fromServiceWorker(), route).toBe(true);
			await expect.poll(() => page.locator('h1').first().isVisible(), { message: route }).toBe(true);
		}
		// A path no version knows: the SPA fallback shell shows the app's own "not found", not the browser's error.
		const unknown = await page.goto('/no/such/page');
		expect(unknown?.fromServiceWorker()).toBe(true);
		await page
			.getByText(/not found/i)
			.first()
			.waitFor();

		// Study 3 cards offline.
		await page.goto(`/study?deck=${encodeURIComponent(deckId)}`);
		const answered = await studyCards(page, 3);
		expect(new Set(answered).size).toBe(3);
		await screenshot(page, 'pwa-02-study-offline');
		expect(await page.evaluate(() => (window as unknown as { __persistCalls: number }).__persistCalls)).toBe(
			0
		);
		// Leaving the session (client-side) ends it: now persistent storage is requested, once.
		await page.getByRole('link', { name: 'Decks' }).click();
		await waitForHome(page);
		await expect
			.poll(() => page.evaluate(() => (window as unknown as { __persistCalls: number }).__persistCalls))
			.toBe(1);

		// Reload offline: the answers are there.
		await page.reload();
		await waitForHome(page);
		const logs = await readStore<{ cardId: string }>(page, 'reviewLogs');
		expect(logs).toHaveLength(3);
		const cards = await readStore<{ id: string; reps: number }>(page, 'cards');
		expect(
			cards
				.filter((c) => c.reps > 0)
				.map((c) => c.id)
				.sort()
		).toEqual(logs.map((l) => l.cardId).sort());

		// Settings says the app works offline and shows storage.
		await page.goto('/settings');
		await page.getByText('Yes: Kartka opens and saves answers with no network.').waitFor();
		await page
			.getByText(/\d+(\.\d)? (bytes|kB|MB|GB)/)
			.first()
			.waitFor();
		await screenshot(page, 'pwa-03-settings-offline');
		expect(await axeViolations(page)).toEqual([]);

		expect(errors).toEqual([]);
		await context.close();
	});

	it('imports an Anki package offline: the parse worker and its sql.js wasm come from the precache', async () => {
		const context = await newPhoneContext(browser);
		const page = await context.newPage();
		const errors = collectPageErrors(page);
		await page.goto('/');
		await waitForHome(page);
		await waitForWorker(page);
		await waitForFullCache(page);
		await context.setOffline(true);
		await page.goto('/import');
		const apkg = await buildApkg({
			deckName: 'Offline biology',
			notes: [
				{ guid: 'o1', front: 'Mitochondria', back: 'Make ATP' },
				{ guid: 'o2', front: 'Ribosome', back: 'Makes proteins' }
			]
		});
		await page.getByLabel('Choose a file').setInputFiles({
			name: 'offline.apkg',
			mimeType: 'application/octet-stream',
			buffer: Buffer.from(apkg)
		});
		await expect
			.poll(() => page.locator('.totals').innerText(), { timeout: 30_000 })
			.toMatch(/2 notes · 2 cards/);
		await page.getByRole('button', { name: 'Import', exact: true }).click();
		await page.getByRole('heading', { name: 'Import finished' }).waitFor();
		expect(errors).toEqual([]);
		await context.close();
	});

	it('still works online with service workers blocked', async () => {
		const context = await newPhoneContext(browser, { serviceWorkers: 'block' });
		const page = await context.newPage();
		const errors = collectPageErrors(page);
		await page.goto('/');
		await waitForHome(page);
		await page
			.getByRole('button', { name: /^Study (?!all of)/ })
			.first()
			.click();
		await studyCards(page, 1);
		expect((await readStore(page, 'reviewLogs')).length).toBe(1);
		expect(await page.evaluate(() => navigator.serviceWorker?.controller ?? null)).toBeNull();
		await page.goto('/settings');
		await expect
			.poll(() => page.locator('section', { hasText: 'Works offline' }).innerText())
			.toMatch(/Works offline\s+No:/);
		expect(errors).toEqual([]);
		await context.close();
	});
});
