// Scheduler settings in real Chromium: the desired-retention slider shows its cost, settings persist,
// a new retention offers to reschedule and the rescheduling applies; per-deck overrides on the deck screen.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { axeViolations } from './axe';
import { collectPageErrors, launchChromium, newPhoneContext, screenshot, waitForHome } from './browser';
import { readStore } from './idb';
import { SIM_DECK, seedSimulation, simulationEndingToday } from './stats-seed';

let browser: Browser;
beforeAll(async () => {
	browser = await launchChromium();
});
afterAll(async () => {
	await browser?.close();
});

describe('scheduler settings', () => {
	it('retention shows its workload, persists, and rescheduling applies', async () => {
		const context = await newPhoneContext(browser);
		const page = await context.newPage();
		const errors = collectPageErrors(page);
		await page.goto('/');
		// The prerendered deck links show before the app's worker has created the database.
		await waitForHome(page);
		await seedSimulation(page, simulationEndingToday(1500, 17));
		const before = new Map(
			(await readStore<{ id: string; dueMs: number; state: number }>(page, 'cards')).map((c) => [c.id, c])
		);
		await page.goto('/settings');
		const slider = page.getByRole('slider', { name: /Desired retention/ });
		await slider.waitFor();
		await slider.fill('0.8');
		await page.getByText(/about \d+% fewer reviews a day than at 90%\. For your \d+ review cards/).waitFor();
		await slider.fill('0.95');
		await page.getByText(/about \d+% more reviews a day than at 90%/).waitFor();
		await slider.fill('0.8');
		await page.getByLabel('New cards per day').fill('-3');
		await page.getByRole('button', { name: 'Save settings' }).click();
		await page.getByText('New cards per day must be between 0 and 9999.').waitFor();
		await page.getByText('Some settings need fixing; nothing was saved.').waitFor();
		await page.getByLabel('New cards per day').fill('12');
		await page.getByLabel('Learning steps', { exact: true }).fill('2m 15m 1h');
		await page.getByRole('button', { name: 'Save settings' }).click();
		await page.getByText('Settings saved.').waitFor();
		expect(await axeViolations(page)).toEqual([]);

		await page.getByRole('button', { name: 'Reschedule cards' }).click();
		const done = page.getByText(/(\d+) cards? rescheduled/);
		await done.waitFor();
		const moved = Number(/(\d+) card/.exec(await done.innerText())![1]);
		expect(moved).toBeGreaterThan(10);
		const after = await readStore<{ id: string; dueMs: number; state: number }>(page, 'cards');
		const later = after.filter((c) => c.state === 2 && c.dueMs > before.get(c.id)!.dueMs).length;
		expect(later).toBeGreaterThan(10);

		await page.reload();
		await slider.waitFor();
		expect(await slider.inputValue()).toBe('0.8');
		expect(await page.getByLabel('New cards per day').inputValue()).toBe('12');
		expect(await page.getByLabel('Learning steps', { exact: true }).inputValue()).toBe('2m 15m 1h');
		expect(errors).toEqual([]);
		await context.close();
	});

	it('a deck overrides some settings on the deck screen, and links to its statistics', async () => {
		const context = await newPhoneContext(browser, { colorScheme: 'dark' });
		const page = await context.newPage();
		await page.goto('/');
		// The prerendered deck links show before the app's worker has created the database.
		await waitForHome(page);
		await seedSimulation(page, simulationEndingToday(600, 3));
		await page.goto(`/deck?id=${SIM_DECK}`);
		await page.getByText('Scheduling settings for this deck').click();
		const newCards = page.getByRole('spinbutton', { name: 'New cards per day' });
		expect(await newCards.isDisabled()).toBe(true);
		await page.getByLabel('Set New cards per day for this deck').check();
		await newCards.fill('5');
		await page.getByRole('button', { name: 'Save deck settings' }).click();
		await page.getByText('Settings saved.').waitFor();
		const deck = (await readStore<{ id: string; settings?: object }>(page, 'decks')).find(
			(d) => d.id === SIM_DECK
		);
		expect(deck?.settings).toEqual({ newCardsPerDay: 5 });
		expect(await axeViolations(page)).toEqual([]);
		await screenshot(page, 'deck-settings-dark');
		await page.getByRole('link', { name: 'Statistics for this deck' }).click();
		await page.waitForURL(`**/stats?deck=${SIM_DECK}`);
		await page.getByRole('heading', { name: 'True retention' }).waitFor();
		await context.close();
	});
});
