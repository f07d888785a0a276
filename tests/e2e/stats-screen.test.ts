// The statistics screen in real Chromium: charts and their tables render for all decks and one deck,
// in light and dark mode, with axe-core reporting no violations.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { axeViolations } from './axe';
import { collectPageErrors, launchChromium, newPhoneContext, screenshot, waitForHome } from './browser';
import { SIM_DECK, seedSimulation, simulationEndingToday } from './stats-seed';

let browser: Browser;
beforeAll(async () => {
	browser = await launchChromium();
});
afterAll(async () => {
	await browser?.close();
});

const CHARTS = ['chart-states', 'chart-heatmap', 'chart-forecast', 'chart-time', 'chart-tags'];

describe('statistics screen', () => {
	for (const colorScheme of ['light', 'dark'] as const) {
		it(`renders every chart with its data table (${colorScheme}), axe clean`, async () => {
			const context = await newPhoneContext(browser, { colorScheme });
			const page = await context.newPage();
			const errors = collectPageErrors(page);
			await page.goto('/');
			await waitForHome(page);
			await page.locator('a[href^="/deck?id="]').first().waitFor();
			await seedSimulation(page, simulationEndingToday(1500));

			await page.getByRole('button', { name: 'Statistics' }).click();
			await page.waitForURL('**/stats');
			await page.getByRole('heading', { name: 'True retention' }).waitFor();
			for (const id of CHARTS) await page.locator(`[data-testid="${id}"] canvas`).first().waitFor();
			await page.getByText(/Last 30 days: \d+\.\d% of reviews recalled/).waitFor();
			await page.getByText(/answers on \d+ of the last 365 days/).waitFor();

			// Every chart has a table alternative with real rows.
			const summaries = page.locator('summary', { hasText: 'Data table' });
			expect(await summaries.count()).toBe(CHARTS.length);
			for (let i = 0; i < CHARTS.length; i++) await summaries.nth(i).click();
			expect(await page.getByRole('table', { name: 'Cards due per day' }).getByRole('row').count()).toBe(31);
			await page
				.getByRole('table', { name: 'True retention per tag over the last year' })
				.getByRole('row', { name: /politics/ })
				.waitFor();

			expect(await axeViolations(page)).toEqual([]);
			await screenshot(page, `stats-all-${colorScheme}`);

			await page.getByLabel('Show').selectOption(SIM_DECK);
			await page.waitForURL(`**/stats?deck=${SIM_DECK}`);
			await page.getByText('Back to the deck').waitFor();
			for (const id of CHARTS) await page.locator(`[data-testid="${id}"] canvas`).first().waitFor();
			expect(await axeViolations(page)).toEqual([]);
			await screenshot(page, `stats-deck-${colorScheme}`);
			expect(errors).toEqual([]);
			await context.close();
		});
	}
});
