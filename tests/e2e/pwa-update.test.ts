// A new version must never interrupt a study session or lose an answer: version A is served, the student
// studies, version B appears on the same origin; the notice waits, the card on screen and every answer stay,
// and "Reload to update" (offered once the session is left) reloads into B with the data intact.
// Also: a database upgraded by another tab is reported with the same notice instead of breaking silently.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { serveBuild } from '../../scripts/serve.js';
import { axeViolations } from './axe';
import { collectPageErrors, launchChromium, newPhoneContext, screenshot, waitForHome } from './browser';
import { readStore } from './idb';
import {
	buildVariant,
	buildVersion,
	expectedCacheKeys,
	firstDeckId,
	studyCards,
	waitForFullCache,
	waitForWorker
} from './pwa-helpers';

let browser: Browser;
let versionA: string;
let versionB: string;
let dirA: string;
let dirB: { dir: string; cleanup: () => void };

beforeAll(async () => {
	// A is the build under test (copied, so the served files cannot change under us); B is the same sources
	// built with another version name, in a temporary copy of the project.
	dirA = mkdtempSync(join(tmpdir(), 'kartka-a-'));
	cpSync('build', dirA, { recursive: true });
	versionA = buildVersion(dirA);
	versionB = `${versionA}-next`;
	dirB = await buildVariant(versionB);
	browser = await launchChromium();
}, 300_000);

afterAll(async () => {
	await browser?.close();
	if (dirA) rmSync(dirA, { recursive: true, force: true });
	dirB?.cleanup();
});

/** Marks the current document; the mark is gone after any reload. */
async function markDocument(page: Page): Promise<void> {
	await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
}
function sameDocument(page: Page): Promise<boolean> {
	return page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument === true);
}

describe('service worker update', () => {
	it('waits for the end of the session, keeps the card and the answers, then reloads into the new version', async () => {
		// Serve A, note the port, and later serve B on the same origin.
		let server = await serveBuild({ dir: dirA });
		const origin = server.url;
		const port = Number(new URL(origin).port);
		try {
			const context = await newPhoneContext(browser, { baseURL: origin });
			const page = await context.newPage();
			const errors = collectPageErrors(page);
			await page.goto('/');
			await waitForHome(page);
			await waitForWorker(page);
			const deckId = await firstDeckId(page);
			expect(await page.evaluate(() => caches.keys())).toEqual([expect.stringContaining(versionA)]);

			// Start studying (client-side navigation, as a student would).
			await page
				.getByRole('button', { name: /^Study (?!all of)/ })
				.first()
				.click();
			await studyCards(page, 2);
			await markDocument(page);
			const onScreen = await page.locator('article.card .question').innerText();

			// Version B is deployed; the app checks for an update (as it does hourly and on return to the app).
			await server.close();
			server = await serveBuild({ dir: dirB.dir, port });
			await page.evaluate(async () => {
				const registration = await navigator.serviceWorker.getRegistration();
				await registration?.update();
			});
			await page.getByText('Update available', { exact: true }).waitFor({ timeout: 60_000 });
			await screenshot(page, 'pwa-04-update-during-session');
			// Never applied mid-session: no button to apply it, no reload, the same card.
			expect(await page.getByRole('button', { name: 'Reload to update' }).count()).toBe(0);
			await page.waitForTimeout(1500);
			expect(await sameDocument(page)).toBe(true);
			expect(await page.locator('article.card .question').innerText()).toBe(onScreen);

			// The student answers the card on screen while B waits: it is saved like any other.
			const third = await studyCards(page, 1);
			expect(third).toEqual([onScreen]);
			expect(await readStore(page, 'reviewLogs')).toHaveLength(3);

			// Leaving the session (back to the decks): now the update is offered.
			await page.getByRole('link', { name: 'Decks' }).click();
			const reload = page.getByRole('button', { name: 'Reload to update' });
			await reload.waitFor();
			expect(await sameDocument(page)).toBe(true);
			await screenshot(page, 'pwa-05-update-offered');
			expect(await axeViolations(page)).toEqual([]);

			// Accepting it reloads into B, data intact.
			await Promise.all([page.waitForEvent('load'), reload.click()]);
			await waitForHome(page);
			expect(await sameDocument(page)).toBe(false);
			await expect
				.poll(() => page.evaluate(() => caches.keys()))
				.toEqual([expect.stringContaining(versionB)]);
			expect(await readStore(page, 'reviewLogs')).toHaveLength(3);
			await page.goto('/settings');
			await expect.poll(() => page.locator('dd', { hasText: versionB }).count()).toBe(1);
			// The new version is not offered again (browsers may reinstall the same build: that is no update).
			await page.waitForTimeout(2000);
			expect(await page.getByText('Update available', { exact: true }).count()).toBe(0);

			// B works offline too, with A's answers.
			await context.setOffline(true);
			await page.goto(`/study?deck=${encodeURIComponent(deckId)}`);
			await studyCards(page, 1);
			expect(await readStore(page, 'reviewLogs')).toHaveLength(4);
			expect(errors).toEqual([]);
			await context.close();
		} finally {
			await server.close();
		}
	});

	it('offers a reload, even mid-session, when another tab upgrades the database', async () => {
		const server = await serveBuild({ dir: dirA });
		try {
			const context = await newPhoneContext(browser, { baseURL: server.url });
			const page = await context.newPage();
			await page.goto('/');
			await page
				.getByRole('button', { name: /^Study (?!all of)/ })
				.first()
				.click();
			await studyCards(page, 1);

			// Another tab (a newer version) opens the same database at a higher schema version.
			const other = await context.newPage();
			await other.goto('/settings');
			await other.evaluate(
				() =>
					new Promise<void>((resolve, reject) => {
						const probe = indexedDB.open('kartka');
						probe.onsuccess = () => {
							const next = probe.result.version + 10;
							probe.result.close();
							const upgrade = indexedDB.open('kartka', next);
							upgrade.onsuccess = () => {
								upgrade.result.close();
								resolve();
							};
							upgrade.onerror = () => reject(upgrade.error);
						};
					})
			);
			const reload = page.getByRole('button', { name: 'Reload to update' });
			await reload.waitFor();
			await page.getByText('Reload to keep studying').waitFor();
			await screenshot(page, 'pwa-06-database-upgraded-elsewhere');
			await Promise.all([page.waitForEvent('load'), reload.click()]);
			await page.getByRole('button', { name: 'Show answer' }).waitFor();
			expect(await readStore(page, 'reviewLogs')).toHaveLength(1);
			await context.close();
		} finally {
			await server.close();
		}
	});

	it('keeps the old version working offline in a tab that still runs it after another tab applied the update', async () => {
		let server = await serveBuild({ dir: dirA });
		const origin = server.url;
		const port = Number(new URL(origin).port);
		try {
			const context = await newPhoneContext(browser, { baseURL: origin });
			// Tab 1 opens version A and stays on the deck list: the other screens' code is not loaded yet.
			const old = await context.newPage();
			const errors = collectPageErrors(old);
			await old.goto('/');
			await waitForHome(old);
			await waitForWorker(old);
			await waitForFullCache(old, dirA);

			// B is deployed; tab 2 opens, is offered B, and applies it.
			await server.close();
			server = await serveBuild({ dir: dirB.dir, port });
			const fresh = await context.newPage();
			await fresh.goto('/');
			await fresh.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
			const reload = fresh.getByRole('button', { name: 'Reload to update' });
			await reload.waitFor({ timeout: 60_000 });
			await Promise.all([fresh.waitForEvent('load'), reload.click()]);
			await waitForHome(fresh);
			await old.getByText('Reload this tab to use the new version').waitFor();
			// Tab 1 still runs A: A's cache stays beside B's.
			await expect
				.poll(() => old.evaluate(() => caches.keys()), { timeout: 10_000 })
				.toEqual(
					expect.arrayContaining([expect.stringContaining(versionA), expect.stringContaining(versionB)])
				);

			// Offline, tab 1 opens a screen whose code it never loaded: A's chunks come from A's cache.
			const onlyInA = new Set(
				expectedCacheKeys(dirA).filter((key) => !expectedCacheKeys(dirB.dir).includes(key))
			);
			const served: { path: string; status: number }[] = [];
			old.on('response', (r) => {
				const path = new URL(r.url()).pathname;
				if (onlyInA.has(path)) served.push({ path, status: r.status() });
			});
			await context.setOffline(true);
			await old.getByRole('link', { name: 'Settings' }).click();
			await old.getByRole('heading', { name: 'Settings' }).first().waitFor();
			expect(served.length).toBeGreaterThan(0);
			expect(served.filter((s) => s.status !== 200)).toEqual([]);
			expect(await old.locator('dd', { hasText: versionA }).count()).toBe(1);
			expect(errors).toEqual([]);

			// Once no tab runs A, the next start-up deletes its cache.
			await old.close();
			await context.setOffline(false);
			await fresh.reload();
			await waitForHome(fresh);
			await expect
				.poll(() => fresh.evaluate(() => caches.keys()), { timeout: 10_000 })
				.toEqual([expect.stringContaining(versionB)]);
			await context.close();
		} finally {
			await server.close();
		}
	});
});
