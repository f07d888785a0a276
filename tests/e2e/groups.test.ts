// A deck group on a phone-sized Chromium: the article's six decks as the group "Belarus's anti-Kremlin
// tilt" on home; its exam date set on the group's readiness screen (a plan on every deck); the group's
// readiness; a test across the group drawing questions from more than one deck, kept under the group, and
// "Practise missed cards" on its report and "Practise the N weakest cards" on its readiness practising
// cards of several decks without moving a schedule.
// axe-core finds nothing on the group's readiness, test and report. ("Study all" is in add-edit.test.ts.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { axeViolations } from './axe';
import { collectPageErrors, launchChromium, newPhoneContext, screenshot, waitForHome } from './browser';
import { readStore } from './idb';

const GROUP = "Belarus's anti-Kremlin tilt";
let browser: Browser;
beforeAll(async () => {
	browser = await launchChromium();
});
afterAll(async () => {
	await browser?.close();
});

async function expectNoAxeViolations(page: Page, where: string): Promise<void> {
	const violations = await axeViolations(page);
	expect(violations, `${where}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
}

/** Screenshots at 390x844, then dark, then 360 px wide (back to 390 light after). */
async function shots(page: Page, name: string): Promise<void> {
	await screenshot(page, `${name}-390`);
	await page.emulateMedia({ colorScheme: 'dark' });
	await screenshot(page, `${name}-dark`);
	await page.emulateMedia({ colorScheme: 'light' });
	await page.setViewportSize({ width: 360, height: 800 });
	await screenshot(page, `${name}-360`);
	await page.setViewportSize({ width: 390, height: 844 });
}

function isoDateIn(days: number): string {
	const d = new Date(Date.now() + days * 86_400_000);
	return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

describe('deck groups: exam date, readiness and test across the group', () => {
	it('sets the group exam date on every deck, shows the group readiness, and takes a test across the group', async () => {
		const context = await newPhoneContext(browser);
		const page = await context.newPage();
		const errors = collectPageErrors(page);
		await page.goto('/');
		await waitForHome(page);
		const group = page.getByRole('region', { name: GROUP });
		await group.getByRole('button', { name: `Study all of ${GROUP}` }).waitFor();
		await group.locator('.head').screenshot({ path: 'test-results/screenshots/group-home-head.png' });
		await shots(page, 'group-home');

		// The group's readiness, where its exam date is set.
		await group.getByRole('link', { name: 'Readiness', exact: true }).first().click();
		await page.getByRole('heading', { name: 'Readiness', level: 1 }).waitFor();
		await page.getByRole('link', { name: `← ${GROUP}` }).waitFor();
		await page.getByRole('heading', { name: 'Predicted recall today' }).waitFor();
		const date = page.getByLabel('Exam date');
		await expect.poll(() => date.isEnabled()).toBe(true);
		const iso = isoDateIn(35);
		await date.fill(iso);
		await page.getByText(/^Exam date set to .* for all 6 decks of the group\.$/).waitFor({ timeout: 30_000 });
		await page.getByRole('heading', { name: /^Predicted recall on the exam morning/ }).waitFor();
		const plans = await readStore<{ deckId: string; examDate: string }>(page, 'examPlans');
		expect(plans.map((p) => p.examDate)).toEqual(Array(6).fill(iso));
		const decks = await readStore<{ id: string; group?: string }>(page, 'decks');
		expect(new Set(plans.map((p) => p.deckId))).toEqual(
			new Set(decks.filter((d) => d.group === GROUP).map((d) => d.id))
		);
		// Every card of the six decks counts.
		const cards = await readStore(page, 'cards');
		await page.getByText(`on average over ${cards.length} cards`).waitFor();
		await expectNoAxeViolations(page, 'group readiness');
		await shots(page, 'group-readiness');

		// A test across the group.
		await page.getByRole('button', { name: 'Take a test' }).click();
		await page.getByRole('heading', { name: 'Test', level: 1 }).waitFor();
		await page.getByLabel('Test code').fill('group-1');
		await expectNoAxeViolations(page, 'group test setup');
		await shots(page, 'group-test-setup');
		await page.getByRole('button', { name: 'Start test' }).click();
		await page.getByRole('heading', { name: /^Question 1 of/ }).waitFor();
		await page.getByRole('button', { name: 'Finish test now' }).click();
		await page.getByRole('heading', { name: /Your score/ }).waitFor();
		const practise = page.getByRole('button', { name: 'Practise missed cards' });
		await expect.poll(() => practise.isEnabled()).toBe(true);
		await expectNoAxeViolations(page, 'group test report');
		await shots(page, 'group-test-report');
		const results = await readStore<{ deckId: string; missedCardIds: string[] }>(page, 'testResults');
		expect(results.map((r) => r.deckId)).toEqual([`group:${GROUP}`]);
		const missed = results[0]!.missedCardIds;
		const decksAsked = new Set(missed.map((id) => id.split('/')[0]));
		expect(decksAsked.size).toBeGreaterThan(1);

		// Practising the missed cards of the group: cards from its decks, no schedule changed.
		const cardsBefore = await readStore<{ id: string; noteId: string; deckId: string }>(page, 'cards');
		const notes = await readStore<{ id: string; sourceQuote?: string }>(page, 'notes');
		const missedNotes = new Set(cardsBefore.filter((c) => missed.includes(c.id)).map((c) => c.noteId));
		const missedQuotes = notes.filter((n) => missedNotes.has(n.id)).map((n) => `“${n.sourceQuote}”`);
		await practise.click();
		await page.getByRole('heading', { name: 'Practice', level: 1 }).waitFor();
		await page.getByRole('link', { name: `← ${GROUP}` }).waitFor();
		await page.getByText(`0 of ${missed.length} answered · ${missed.length} chosen cards`).waitFor();
		for (let i = 0; i < 3; i++) {
			await page.getByRole('button', { name: 'Show answer' }).click();
			// The card shown is one of the group test's missed cards (its source quote, from its own note).
			const quote = await page.locator('blockquote.source').innerText();
			expect(
				missedQuotes.some((q) => quote.endsWith(q)),
				quote
			).toBe(true);
			await page.getByRole('button', { name: i === 0 ? 'Again' : 'Good', exact: true }).click();
		}
		await page.getByText(`3 of ${missed.length} answered`).waitFor();
		await expectNoAxeViolations(page, 'group practice');
		await shots(page, 'group-practice');
		expect(await readStore(page, 'cards')).toEqual(cardsBefore);
		const logs = await readStore<{ kind: string; cardId: string }>(page, 'reviewLogs');
		expect(logs.map((l) => l.kind)).toEqual(['practice', 'practice', 'practice']);
		expect(logs.every((l) => missed.includes(l.cardId))).toBe(true);

		// The result is the group's: on the group's readiness, not on a deck's.
		await page.goto(`/readiness?group=${encodeURIComponent(GROUP)}`);
		const history = page.getByRole('region', { name: 'Test results' }).locator('tbody tr');
		await expect.poll(() => history.count()).toBe(1);
		await page.goto(`/readiness?deck=${[...decksAsked][0]}`);
		await page.getByRole('heading', { name: 'By kind of fact' }).waitFor();
		await page.getByText('No tests taken yet.').waitFor();

		// Two cards studied with "Study all" (new cards come from the decks in turn), then the group
		// readiness's "Practise the 2 weakest cards": those cards, from two decks, no schedule changed.
		await page.goto(`/study?group=${encodeURIComponent(GROUP)}`);
		for (let i = 0; i < 2; i++) {
			await page.getByRole('button', { name: 'Show answer' }).click();
			await page.getByRole('button', { name: 'Good', exact: true }).click();
			await expect
				.poll(async () =>
					(await readStore<{ kind: string }>(page, 'reviewLogs')).filter((l) => l.kind === 'review')
				)
				.toHaveLength(i + 1);
		}
		const reviewed = (await readStore<{ kind: string; cardId: string }>(page, 'reviewLogs'))
			.filter((l) => l.kind === 'review')
			.map((l) => l.cardId);
		expect(new Set(reviewed.map((id) => id.split('/')[0])).size).toBe(2);
		const studied = await readStore<{ id: string; noteId: string }>(page, 'cards');
		const weakQuotes = notes
			.filter((n) => studied.some((c) => reviewed.includes(c.id) && c.noteId === n.id))
			.map((n) => `“${n.sourceQuote}”`);
		await page.goto(`/readiness?group=${encodeURIComponent(GROUP)}`);
		await page.getByRole('button', { name: 'Practise the 2 weakest cards' }).click();
		await page.getByText('0 of 2 answered · the 2 weakest cards').waitFor();
		await page.getByRole('button', { name: 'Show answer' }).click();
		const weakQuote = await page.locator('blockquote.source').innerText();
		expect(
			weakQuotes.some((q) => weakQuote.endsWith(q)),
			weakQuote
		).toBe(true);
		await page.getByRole('button', { name: 'Good', exact: true }).click();
		await page.getByText('1 of 2 answered').waitFor();
		expect(await readStore(page, 'cards')).toEqual(studied);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('says so for a group that does not exist', async () => {
		const context = await newPhoneContext(browser);
		const page = await context.newPage();
		await page.goto('/test?group=No%20such%20group');
		await page.getByText('Deck not found.').waitFor();
		await context.close();
	});
});
