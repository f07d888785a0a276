// Browse at 390x844, by keyboard only: find cards with Search, open card info, suspend and unsuspend,
// delete and undo (Ctrl+Z); axe finds nothing on Browse and on card info. Screenshots at 390, 360,
// dark mode and a wide screen are saved in test-results/screenshots/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { axeViolations } from './axe';
import {
	baseUrl,
	collectPageErrors,
	launchChromium,
	newPhoneContext,
	screenshot,
	waitForHome
} from './browser';
import { readStore } from './idb';

let browser: Browser;
beforeAll(async () => {
	browser = await launchChromium();
});
afterAll(async () => {
	await browser?.close();
});

/** Presses Tab until `target` has the focus (a keyboard user's way there). */
async function tabTo(page: Page, target: Locator, max = 80): Promise<void> {
	for (let i = 0; i < max; i++) {
		if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
		await page.keyboard.press('Tab');
	}
	throw new Error(`could not reach ${target} with Tab`);
}

const status = (page: Page) => page.getByRole('status').filter({ hasText: /card/ });
const countLine = (page: Page) => page.locator('#browse-search-help');

async function found(page: Page): Promise<number> {
	const text = await countLine(page).innerText();
	return Number(/^([\d,]+) of/.exec(text)![1]!.replace(/,/g, ''));
}

describe('Browse in a phone-sized browser, keyboard only', () => {
	it('finds, inspects, suspends, unsuspends, deletes and undoes', async () => {
		const context = await newPhoneContext(browser);
		const page = await context.newPage();
		const errors = collectPageErrors(page);
		await page.goto('/');
		await waitForHome(page);

		await tabTo(page, page.getByRole('link', { name: 'Browse' }));
		await page.keyboard.press('Enter');
		await page.getByRole('heading', { name: 'Browse' }).waitFor();
		await expect.poll(() => countLine(page).innerText(), { timeout: 20_000 }).not.toMatch(/loading/);
		const total = await found(page);
		expect(total).toBeGreaterThan(100);

		const search = page.getByRole('searchbox', { name: 'Search' });
		await tabTo(page, search);
		await page.keyboard.type('SATANOVSKY');
		await page.keyboard.press('Enter');
		await expect.poll(() => found(page)).toBeLessThan(total);
		const hits = await found(page);
		expect(hits).toBeGreaterThan(0);
		const rows = page.getByRole('row').filter({ has: page.getByRole('gridcell') });
		expect(await rows.count()).toBe(hits);
		for (const text of await rows.allInnerTexts()) expect(text.toLowerCase()).toContain('satanovsky');
		await screenshot(page, 'browse-01-search-390');
		expect(await axeViolations(page)).toEqual([]);

		// A bad query: a message, the list unchanged.
		await search.fill('is:bogus');
		await page.keyboard.press('Enter');
		await expect.poll(() => page.getByRole('alert').innerText()).toMatch(/"is:bogus" is not a card state/);
		expect(await found(page)).toBe(hits);
		await search.fill('satanovsky');
		await page.keyboard.press('Enter');

		// Card info from the list.
		const grid = page.getByRole('grid', { name: 'Cards' });
		await tabTo(page, grid);
		await page.keyboard.press('Enter');
		const dialog = page.getByRole('dialog', { name: 'Card info' });
		await dialog.getByRole('heading', { name: 'Review history' }).waitFor();
		await expect.poll(() => dialog.innerText()).toMatch(/Satanovsky/);
		await expect.poll(() => dialog.innerText()).toMatch(/Retrievability over time/);
		await screenshot(page, 'browse-02-card-info-390');
		expect(await axeViolations(page)).toEqual([]);
		await page.keyboard.press('Escape');
		await expect.poll(() => dialog.count()).toBe(0);
		await expect.poll(() => grid.evaluate((el) => el === document.activeElement)).toBe(true);

		// Select the first row (Space), then Suspend.
		await page.keyboard.press('Space');
		await expect.poll(() => page.getByText('1 selected of').count()).toBe(1);
		await tabTo(page, page.getByRole('button', { name: 'Suspend', exact: true }));
		await page.keyboard.press('Enter');
		await expect.poll(() => status(page).innerText()).toBe('Suspended 1 card.');
		await expect.poll(() => rows.first().innerText()).toMatch(/Suspended by you/);
		// Schema v11: a suspension is a row of its own store; the card row is not written.
		type Suspension = { suspended: boolean; reason?: string };
		let suspended = (await readStore<Suspension>(page, 'suspensions')).filter(
			(s) => s.suspended && s.reason === 'user'
		);
		expect(suspended.length).toBe(1);
		await screenshot(page, 'browse-03-suspended-390');

		await tabTo(page, page.getByRole('button', { name: 'Unsuspend' }));
		await page.keyboard.press('Enter');
		await expect.poll(() => status(page).innerText()).toBe('Unsuspended 1 card.');
		await expect.poll(() => rows.first().innerText()).not.toMatch(/Suspended/);
		suspended = (await readStore<Suspension>(page, 'suspensions')).filter((s) => s.suspended);
		expect((await readStore<{ queue: number }>(page, 'cards')).some((c) => c.queue === -1)).toBe(false);
		expect(suspended.length).toBe(0);

		// Delete, then Ctrl+Z brings the card back with its row.
		const cardsBefore = (await readStore(page, 'cards')).length;
		await tabTo(page, page.getByRole('button', { name: 'Delete' }));
		await page.keyboard.press('Enter');
		await expect.poll(() => status(page).innerText()).toBe('Deleted 1 card.');
		await expect.poll(() => found(page)).toBe(hits - 1);
		expect((await readStore(page, 'cards')).length).toBe(cardsBefore - 1);
		await page.keyboard.press('Control+z');
		await expect.poll(() => status(page).innerText()).toBe('Undone: Deleted 1 card.');
		await expect.poll(() => found(page)).toBe(hits);
		expect((await readStore(page, 'cards')).length).toBe(cardsBefore);
		await expect.poll(() => page.getByRole('button', { name: 'Undo' }).count()).toBe(0);

		// Select all: every listed card.
		await tabTo(page, page.getByRole('button', { name: 'Select all' }));
		await page.keyboard.press('Enter');
		await expect.poll(() => page.getByText(`${hits} selected of ${hits}`).count()).toBe(1);
		expect(errors).toEqual([]);

		await page.setViewportSize({ width: 360, height: 780 });
		await screenshot(page, 'browse-04-selected-360');
		await context.close();
	});

	it('lays out as a table on a wide screen and in dark mode, with no axe violations', async () => {
		const context = await browser.newContext({
			viewport: { width: 1280, height: 800 },
			colorScheme: 'dark',
			baseURL: baseUrl()
		});
		const page = await context.newPage();
		await page.goto('/browse');
		await expect.poll(() => countLine(page).innerText(), { timeout: 20_000 }).not.toMatch(/loading/);
		const header = page.getByRole('columnheader', { name: 'Lapses' });
		await header.getByRole('button').click();
		await expect.poll(() => header.getAttribute('aria-sort')).toBe('ascending');
		await header.getByRole('button').click();
		await expect.poll(() => header.getAttribute('aria-sort')).toBe('descending');
		await screenshot(page, 'browse-05-table-1280-dark');
		expect(await axeViolations(page)).toEqual([]);
		await context.close();
	});
});
