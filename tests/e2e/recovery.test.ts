// Issue 12 in a real browser: a failed start-up shows its error with "Try again" (never "Loading…" for ever)
// and recovers; a shared link asks "Download deck from <host>?" and fetches nothing until the student agrees.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { collectPageErrors, launchChromium, newPhoneContext, screenshot } from './browser';

let browser: Browser;
beforeAll(async () => {
	browser = await launchChromium();
});
afterAll(async () => {
	await browser?.close();
});

describe('recovery', () => {
	it('"Try again" after a failed start-up opens the decks', async () => {
		const context = await newPhoneContext(browser);
		// The first attempt to open the database fails, as a blocked or broken IndexedDB would (a first
		// visit's page asks for the stored databases first, and leaves creating one to the installer worker).
		await context.addInitScript(() => {
			const w = window as unknown as { __kartkaFailOpen?: boolean };
			w.__kartkaFailOpen = true;
			const fail = () => new DOMException('Injected start-up failure', 'SecurityError');
			const open = indexedDB.open.bind(indexedDB);
			indexedDB.open = (name: string, version?: number) => {
				if (w.__kartkaFailOpen) throw fail();
				return open(name, version);
			};
			const databases = indexedDB.databases.bind(indexedDB);
			indexedDB.databases = () => (w.__kartkaFailOpen ? Promise.reject(fail()) : databases());
		});
		const page = await context.newPage();
		const errors = collectPageErrors(page);
		await page.goto('/');
		await page.getByRole('alert').filter({ hasText: 'Could not open your decks' }).waitFor();
		await screenshot(page, 'recovery-01-start-failed');
		// The fault is gone (storage freed, another tab closed): "Try again" starts over.
		await page.evaluate(
			() => ((window as unknown as { __kartkaFailOpen?: boolean }).__kartkaFailOpen = false)
		);
		await page.getByRole('button', { name: 'Try again' }).click();
		await page
			.getByRole('button', { name: /^Study / })
			.first()
			.waitFor();
		expect(await page.getByRole('alert').count()).toBe(0);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('a shared link asks before downloading, and Cancel fetches nothing', async () => {
		const context = await newPhoneContext(browser);
		const page = await context.newPage();
		const requested: string[] = [];
		page.on('request', (r) => {
			if (new URL(r.url()).host === 'example.org') requested.push(r.url());
		});
		await page.goto(`/?import=${encodeURIComponent('https://example.org/decks/vocab.json')}`);
		await page.getByRole('heading', { name: 'Download deck from example.org?' }).waitFor();
		expect(await page.getByText('https://example.org/decks/vocab.json').isVisible()).toBe(true);
		await screenshot(page, 'recovery-02-link-prompt');
		await page.getByRole('button', { name: 'Cancel' }).click();
		await page.getByRole('heading', { name: 'From a file' }).waitFor();
		expect(requested).toEqual([]);
		await context.close();
	});
});
