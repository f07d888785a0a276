// A new user on a phone: opens the built app, studies 5 cards by touch and 5 by keyboard alone,
// undoes once, reloads, and finds the counts and due dates kept. Screenshots of each screen are
// saved in test-results/screenshots/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { axeViolations } from './axe';
import { collectPageErrors, launchChromium, newPhoneContext, screenshot, waitForApp } from './browser';
import { readStore } from './idb';

interface StoredCard {
	id: string;
	dueMs: number;
	reps: number;
	state: number;
}

let browser: Browser;
beforeAll(async () => {
	browser = await launchChromium();
});
afterAll(async () => {
	await browser?.close();
});

async function deckCounts(page: Page) {
	// The running app's figures, not the prerendered page's (shipped counts at build time), and only once
	// the shipped decks are installed (the installer runs in a worker: it can still be writing).
	await waitForApp(page);
	const deck = page
		.getByRole('listitem')
		.filter({ has: page.getByRole('button', { name: /^Study (?!all of)/ }) })
		.first();
	await deck.waitFor();
	const read = async (term: string) =>
		Number(await deck.locator('div', { hasText: term }).locator('dd').innerText());
	return { new: await read('New'), learning: await read('Learning'), due: await read('Due') };
}

async function questionText(page: Page): Promise<string> {
	return page.locator('article.card .question').innerText();
}

describe('study loop in a phone-sized browser', () => {
	it('studies 10 cards by touch and keyboard, undoes one, and keeps everything across a reload', async () => {
		const context = await newPhoneContext(browser);
		const page = await context.newPage();
		const errors = collectPageErrors(page);
		await page.goto('/');
		await expect.poll(() => page.getByRole('heading', { name: 'Your decks' }).isVisible()).toBe(true);
		const before = await deckCounts(page);
		expect(before.new).toBeGreaterThanOrEqual(10);
		await screenshot(page, 'study-01-home');
		expect(await axeViolations(page)).toEqual([]);

		await page
			.getByRole('button', { name: /^Study (?!all of)/ })
			.first()
			.tap();
		const show = page.getByRole('button', { name: 'Show answer' });
		await show.waitFor();
		await screenshot(page, 'study-02-question');
		expect(await axeViolations(page)).toEqual([]);

		// Five by touch.
		const touchRatings = ['Good', 'Easy', 'Good', 'Hard', 'Good'] as const;
		for (const [i, rating] of touchRatings.entries()) {
			await show.tap();
			const button = page.getByRole('button', { name: rating, exact: true });
			await button.waitFor();
			if (i === 0) {
				await screenshot(page, 'study-03-answer');
				expect(await axeViolations(page)).toEqual([]);
				// Each answer button shows its next interval in words, as its description.
				const description = await page
					.getByRole('button', { name: 'Again', exact: true })
					.getAttribute('aria-describedby');
				expect(await page.locator(`#${description}`).innerText()).toMatch(/^\d+ (min|hours?|days?)$/);
			}
			await button.tap();
		}

		// Five by keyboard alone: Space shows the answer, 1-4 answer.
		let lastQuestion = '';
		for (const key of ['3', '4', '3', '2', '3']) {
			await show.waitFor();
			lastQuestion = await questionText(page);
			await page.keyboard.press('Space');
			await page.getByRole('button', { name: 'Good', exact: true }).waitFor();
			expect(await page.evaluate(() => document.activeElement?.querySelector('.name')?.textContent)).toBe(
				'Good'
			);
			await page.keyboard.press(key);
		}
		await show.waitFor();
		const stored = await readStore<StoredCard>(page, 'cards');
		expect(stored.filter((c) => c.reps > 0)).toHaveLength(10);
		expect((await readStore(page, 'reviewLogs')).length).toBe(10);

		// Undo once (U): the last card comes back, its log is gone.
		await page.keyboard.press('u');
		await expect.poll(() => page.locator('p.message').innerText()).toContain('undone');
		expect(await questionText(page)).toBe(lastQuestion);
		await show.waitFor();
		expect((await readStore(page, 'reviewLogs')).length).toBe(9);
		const kept = (await readStore<StoredCard>(page, 'cards')).filter((c) => c.reps > 0);
		expect(kept).toHaveLength(9);
		await screenshot(page, 'study-04-after-undo');

		// Reload: counts and due dates are kept.
		await page.goto('/');
		const afterStudy = await deckCounts(page);
		expect(afterStudy.new).toBe(before.new - 9);
		await page.reload();
		expect(await deckCounts(page)).toEqual(afterStudy);
		const reloaded = (await readStore<StoredCard>(page, 'cards')).filter((c) => c.reps > 0);
		expect(reloaded.map((c) => [c.id, c.dueMs]).sort()).toEqual(kept.map((c) => [c.id, c.dueMs]).sort());
		await screenshot(page, 'study-05-home-after-reload');
		expect(errors).toEqual([]);
		await context.close();
	});

	it('ends with a summary that says what was done and when the next card is due', async () => {
		const context = await newPhoneContext(browser);
		const page = await context.newPage();
		await page.goto('/');
		await deckCounts(page);
		const deckId = await page.evaluate(() =>
			new URLSearchParams(document.querySelector('h2 a')!.getAttribute('href')!.split('?')[1]).get('id')
		);
		// A deck with a small daily limit: set 2 new cards a day for this deck through the database.
		await page.evaluate(
			(id) =>
				new Promise<void>((resolve) => {
					const open = indexedDB.open('kartka');
					open.onsuccess = () => {
						const tx = open.result.transaction('decks', 'readwrite');
						const store = tx.objectStore('decks');
						const get = store.get(id!);
						get.onsuccess = () => store.put({ ...get.result, settings: { newCardsPerDay: 2 } });
						tx.oncomplete = () => resolve();
					};
				}),
			deckId
		);
		await page.goto(`/study?deck=${deckId}`);
		for (let i = 0; i < 2; i++) {
			await page.getByRole('button', { name: 'Show answer' }).click();
			await page.getByRole('button', { name: 'Easy', exact: true }).click();
		}
		await page.getByRole('heading', { name: 'Session complete' }).waitFor();
		const summary = await page.locator('.summary').innerText();
		expect(summary).toContain('You answered 2 cards');
		expect(summary).toContain('Easy: 2');
		expect(summary).toMatch(/Next card due in \d+(\.\d)? (day|days|h)/);
		await screenshot(page, 'study-06-summary');
		expect(await axeViolations(page)).toEqual([]);
		await context.close();
	});

	it('refuses an answer given in a second tab to a card already answered in the first', async () => {
		const context = await newPhoneContext(browser);
		const [a, b] = [await context.newPage(), await context.newPage()];
		await a.goto('/');
		await deckCounts(a);
		for (const page of [a, b]) {
			if (page === b) await b.goto('/');
			await page
				.getByRole('button', { name: /^Study (?!all of)/ })
				.first()
				.click();
			await page.getByRole('button', { name: 'Show answer' }).click();
		}
		expect(await questionText(a)).toBe(await questionText(b));
		await a.getByRole('button', { name: 'Good', exact: true }).click();
		await a.getByRole('button', { name: 'Show answer' }).waitFor();
		await b.getByRole('button', { name: 'Good', exact: true }).click();
		await expect.poll(() => b.locator('p.message').innerText()).toContain('changed elsewhere');
		expect((await readStore(b, 'reviewLogs')).length).toBe(1);
		await context.close();
	});
});
