// Issue 13: a study link's first visit registers the service worker only once its card is on screen
// (static/register-sw.js): installing it (fetching and storing the shell) ran beside that page's start and made
// Lighthouse's blocking time there longer. Home's first visit registers it at once (the app is offline-ready
// soon), and so does a page the worker already controls (its update check). Every call to register() is recorded
// with whether the page was ready (<html data-ready>) and controlled at that moment.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { collectPageErrors, launchChromium, newPhoneContext, waitForHome } from './browser';
import { firstDeckId, waitForWorker } from './pwa-helpers';

let browser: Browser;
beforeAll(async () => {
	browser = await launchChromium();
});
afterAll(async () => {
	await browser?.close();
});

interface Registration {
	ready: boolean;
	controlled: boolean;
}

async function recordingContext(): Promise<BrowserContext> {
	const context = await newPhoneContext(browser);
	await context.addInitScript(() => {
		const w = window as unknown as { __registrations: Registration[] };
		w.__registrations = [];
		const register = ServiceWorkerContainer.prototype.register;
		ServiceWorkerContainer.prototype.register = function (this: ServiceWorkerContainer, ...args) {
			w.__registrations.push({
				ready: document.documentElement.hasAttribute('data-ready'),
				controlled: navigator.serviceWorker.controller !== null
			});
			return register.apply(this, args);
		};
	});
	return context;
}

const registrations = (page: Page) =>
	page.evaluate(() => (window as unknown as { __registrations: Registration[] }).__registrations);

describe('service worker registration', () => {
	it('registers at once on a first visit of home and on a page the worker controls', async () => {
		const context = await recordingContext();
		const page = await context.newPage();
		const errors = collectPageErrors(page);
		await page.goto('/');
		await waitForHome(page);
		await waitForWorker(page);
		const first = await registrations(page);
		expect(first[0]).toEqual({ ready: false, controlled: false });

		// The next visit is served by the worker: its registration (an update check) does not wait either.
		await page.reload();
		await waitForHome(page);
		expect((await registrations(page))[0]).toEqual({ ready: false, controlled: true });
		expect(errors).toEqual([]);
		await context.close();
	});

	it("waits for the first card's screen on a first visit of a study link", async () => {
		const deckId = await (async () => {
			const context = await newPhoneContext(browser);
			const page = await context.newPage();
			await page.goto('/');
			await waitForHome(page);
			const id = await firstDeckId(page);
			await context.close();
			return id;
		})();
		const context = await recordingContext();
		const page = await context.newPage();
		await page.goto(`/study?deck=${encodeURIComponent(deckId)}`);
		await page.getByRole('button', { name: 'Show answer' }).waitFor({ timeout: 30_000 });
		await waitForWorker(page);
		const first = await registrations(page);
		expect(first[0]).toEqual({ ready: true, controlled: false });

		// Offline-ready after it: the worker installed the study screen and controls the page.
		await page.reload();
		await page.getByRole('button', { name: 'Show answer' }).waitFor({ timeout: 30_000 });
		expect((await registrations(page))[0]).toEqual({ ready: false, controlled: true });
		await context.close();
	});
});
