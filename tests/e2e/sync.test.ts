// Two devices of one student, a phone and a laptop (two Chromium profiles), study the same deck offline,
// then turn on sync against a pouchdb-server this test starts on 127.0.0.1: both end with the same
// counts and the same next due dates, every answer counted once. A wrong password and a stopped server
// are shown as "Wrong password" and "Server unreachable". A class deck link asks first, downloads the
// instructor's deck, and "Check for updates" brings its next version.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startSyncServer } from '../../scripts/sync-server-process.js';
import { axeViolations } from './axe';
import { collectPageErrors, launchChromium, newPhoneContext, screenshot } from './browser';
import { readStore } from './idb';

const ADMIN = { name: 'student', password: 'right-horse' };
let browser: Browser;
let server: Awaited<ReturnType<typeof startSyncServer>>;
const dir = mkdtempSync(join(tmpdir(), 'kartka-e2e-sync-'));

beforeAll(async () => {
	browser = await launchChromium();
	server = await startSyncServer({ dir, admin: ADMIN });
});
afterAll(async () => {
	await browser?.close();
	await server?.stop();
	rmSync(dir, { recursive: true, force: true });
});

async function studyOffline(context: BrowserContext, ratings: string[]): Promise<Page> {
	const page = await context.newPage();
	await page.goto('/');
	await expect.poll(() => page.getByRole('heading', { name: 'Your decks' }).isVisible()).toBe(true);
	// The shipped decks are installed on each device (not synced); the network goes once the card is up.
	await page
		.getByRole('button', { name: /^Study / })
		.first()
		.click();
	await page.getByRole('button', { name: 'Show answer' }).waitFor();
	await context.setOffline(true);
	for (const rating of ratings) {
		await page.getByRole('button', { name: 'Show answer' }).click();
		await page.getByRole('button', { name: rating, exact: true }).click();
	}
	await context.setOffline(false);
	await page.getByRole('link', { name: 'Settings' }).click();
	await page.getByRole('heading', { name: 'Sync' }).waitFor();
	return page;
}

async function turnOn(page: Page, password: string) {
	await page.getByLabel('Server address').fill(`${server.url}/kartka`);
	await page.getByLabel('Username').fill(ADMIN.name);
	await page.getByLabel('Password').fill(password);
	await page.getByRole('button', { name: 'Turn on sync' }).click();
}

const status = (page: Page) => page.getByRole('status').filter({ hasText: /Sync|Wrong|Server|Offline/ });

async function studyState(page: Page) {
	const cards = await readStore<{ id: string; dueMs: number; reps: number }>(page, 'cards');
	const logs = await readStore<{ uid: string }>(page, 'reviewLogs');
	return {
		due: cards
			.filter((c) => c.reps > 0)
			.map((c) => [c.id, c.dueMs, c.reps])
			.sort(),
		logs: logs.map((l) => l.uid).sort()
	};
}

async function homeCounts(page: Page) {
	await page.getByRole('link', { name: 'Decks' }).click();
	const deck = page
		.getByRole('listitem')
		.filter({ has: page.getByRole('button', { name: /^Study / }) })
		.first();
	await deck.waitFor();
	return deck.locator('dl').innerText();
}

describe('sync between two browsers', () => {
	it('phone and laptop study offline, sync, and agree; wrong password and a stopped server are named', async () => {
		const phoneContext = await newPhoneContext(browser);
		const laptopContext = await newPhoneContext(browser, {
			viewport: { width: 1280, height: 800 },
			isMobile: false,
			hasTouch: false
		});
		const phone = await studyOffline(phoneContext, ['Good', 'Good', 'Again', 'Easy']);
		const laptop = await studyOffline(laptopContext, ['Hard', 'Good', 'Good']);
		const errors = [...collectPageErrors(phone), ...collectPageErrors(laptop)];
		await expect.poll(() => status(phone).innerText()).toBe('Sync is off.');
		await screenshot(phone, 'sync-01-settings-off');
		expect(await axeViolations(phone)).toEqual([]);

		// Wrong password: named as such, nothing turned on.
		await turnOn(laptop, 'wrong');
		await expect.poll(() => laptop.getByRole('alert').innerText()).toBe('Wrong password');
		await expect.poll(() => laptop.getByRole('button', { name: 'Turn on sync' }).isVisible()).toBe(true);

		await turnOn(phone, ADMIN.password);
		await expect.poll(() => status(phone).innerText(), { timeout: 30_000 }).toBe('Synced just now');
		await screenshot(phone, 'sync-02-settings-on');
		expect(await axeViolations(phone)).toEqual([]);
		await turnOn(laptop, ADMIN.password);
		await expect.poll(() => status(laptop).innerText(), { timeout: 30_000 }).toBe('Synced just now');
		await phone.getByRole('button', { name: 'Sync now' }).click();
		await expect.poll(() => phone.getByRole('alert').innerText(), { timeout: 30_000 }).toBe('Synced.');

		const [p, l] = [await studyState(phone), await studyState(laptop)];
		expect(p.logs).toHaveLength(7);
		expect(l).toEqual(p);
		// The deck list shows the counts known when the app was built (a fresh deck) until the device's own are
		// read: both devices show the same studied counts once both have read theirs.
		await expect.poll(() => homeCounts(phone)).not.toBe('New\n20\nLearning\n0\nDue\n0');
		await expect.poll(() => homeCounts(laptop)).toBe(await homeCounts(phone));

		// The server goes away: the next sync says so.
		await laptop.getByRole('link', { name: 'Settings' }).click();
		await server.stop();
		await laptop.getByRole('button', { name: 'Sync now' }).click();
		await expect
			.poll(() => laptop.getByRole('alert').innerText(), { timeout: 40_000 })
			.toBe('Server unreachable');
		await expect.poll(() => status(laptop).innerText()).toBe('Server unreachable');
		await screenshot(laptop, 'sync-03-unreachable');
		expect(errors).toEqual([]);
		await phoneContext.close();
		await laptopContext.close();
	});

	it('a class deck link asks first, subscribes, and brings the next version', async () => {
		const classDir = mkdtempSync(join(tmpdir(), 'kartka-e2e-class-'));
		const classServer = await startSyncServer({ dir: classDir });
		const context = await newPhoneContext(browser);
		try {
			const url = `${classServer.url}/class-e2e`;
			const deck = (version: string, front: string) => ({
				format: 'kartka-deck',
				formatVersion: 1,
				id: 'class-e2e',
				title: 'Class deck E2E',
				description: 'Published by the instructor',
				version,
				language: 'en',
				source: { title: 'Lecture', url: 'https://example.org/lecture' },
				license: 'CC-BY-4.0',
				notes: [
					{ id: 'n-a', kind: 'basic', front, back: 'A' },
					{ id: 'n-b', kind: 'basic', front: 'Second?', back: 'B' }
				]
			});
			const publish = async (body: object) => {
				const res = await fetch(`${url}/kartka-deck%3Aclass-e2e`, {
					method: 'PUT',
					headers: { 'Content-Type': 'application/json' },
					body: JSON.stringify({ _id: 'kartka-deck:class-e2e', ...body })
				});
				return ((await res.json()) as { rev: string }).rev;
			};
			await fetch(url, { method: 'PUT' });
			const rev = await publish({ deck: deck('1.0.0', 'First?') });

			const page = await context.newPage();
			const errors = collectPageErrors(page);
			await page.goto(`/?subscribe=${encodeURIComponent(url)}`);
			const question = `Download deck from ${new URL(url).host}?`;
			await expect.poll(() => page.getByText(question).isVisible(), { timeout: 20_000 }).toBe(true);
			await screenshot(page, 'sync-04-class-link');
			expect(await axeViolations(page)).toEqual([]);
			await page.getByRole('button', { name: 'Download', exact: true }).click();
			await expect
				.poll(() => page.getByRole('alert').innerText(), { timeout: 30_000 })
				.toMatch(/^Added from .*: Class deck E2E\./);
			await expect
				.poll(() => page.getByRole('list', { name: 'Class decks you subscribe to' }).innerText())
				.toContain('Class deck E2E (version 1.0.0)');
			await screenshot(page, 'sync-05-class-subscribed');

			await publish({ _rev: rev, deck: deck('1.1.0', 'First, reworded?') });
			await page.getByRole('button', { name: 'Check for updates' }).click();
			await expect
				.poll(() => page.getByRole('alert').innerText(), { timeout: 30_000 })
				.toBe('Updated: Class deck E2E.');
			const notes = await readStore<{ id: string; fields: { front: string } }>(page, 'notes');
			expect(notes.find((n) => n.id === 'class-e2e/n-a')?.fields.front).toBe('First, reworded?');

			await page.setViewportSize({ width: 360, height: 800 });
			await screenshot(page, 'sync-06-class-360');
			await page.emulateMedia({ colorScheme: 'dark' });
			await screenshot(page, 'sync-07-class-dark');
			expect(await axeViolations(page)).toEqual([]);
			expect(errors).toEqual([]);
		} finally {
			await context.close();
			await classServer.stop();
			rmSync(classDir, { recursive: true, force: true });
		}
	});
});
