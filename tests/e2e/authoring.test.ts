// An instructor on a phone turns the shipped article into a deck: paste it, get suggestions (made in a
// worker), choose 10 cards, reload (the draft is kept), create the deck, study a card from it, and
// export it as an Anki package that our importer reads back. axe on every authoring screen.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { parseImport } from '$lib/domain/import/parse-import';
import { ARTICLE_PATH } from '../decks/article-decks';
import { axeViolations } from './axe';
import { collectPageErrors, launchChromium, newPhoneContext, screenshot, waitForHome } from './browser';
import { readStore } from './idb';

let browser: Browser;
beforeAll(async () => {
	browser = await launchChromium();
});
afterAll(async () => {
	await browser?.close();
});

const article = readFileSync(ARTICLE_PATH, 'utf8');

async function openAuthoring(page: Page) {
	await page.goto('/');
	await waitForHome(page); // shipped decks installed (the running app is ready)
	await page.getByRole('button', { name: 'New deck from text' }).click();
	await page.getByRole('heading', { name: 'New deck from text' }).waitFor();
}

describe('new deck from text', () => {
	it('pastes the article, suggests, accepts 10 cards, creates the deck, studies a card and exports .apkg', async () => {
		const context = await newPhoneContext(browser, { acceptDownloads: true });
		const page = await context.newPage();
		const errors = collectPageErrors(page);
		await openAuthoring(page);
		await page.getByLabel('Title').fill("Belarus's anti-Kremlin tilt");
		await page.getByLabel('Article text').fill(article);
		await screenshot(page, 'authoring-01-text');
		expect(await axeViolations(page)).toEqual([]);

		await page.getByRole('button', { name: 'Suggest cards' }).click();
		await page.getByRole('heading', { name: 'Suggested cards' }).waitFor({ timeout: 60_000 });
		for (const kind of ['Dates', 'Figures', 'Actors', 'Causes']) {
			await page.getByRole('heading', { name: new RegExp(`^${kind} \\(0 of \\d+\\)$`) }).waitFor();
		}
		// A checkbox is named by its card's text, hidden parts in brackets.
		await page.getByRole('checkbox', { name: /^In \[May 2015\], Belarus effectively agreed/ }).waitFor();
		const boxes = page.getByRole('checkbox');
		expect(await boxes.count()).toBeGreaterThan(30);
		for (let i = 0; i < 10; i++) await boxes.nth(i).check();
		await expect
			.poll(() => page.getByText(/^\d+ of \d+ selected/).innerText())
			.toMatch(/^10 of \d+ selected/);

		// Inline edit of a basic card.
		await page.getByRole('button', { name: /^Edit: Who is Yevgeny Satanovsky\?/ }).click();
		await page
			.getByRole('textbox', { name: 'Back', exact: true })
			.fill('A prominent Russian political analyst');
		await page
			.getByRole('checkbox', { name: 'Who is Yevgeny Satanovsky? — A prominent Russian political analyst' })
			.check();
		await screenshot(page, 'authoring-02-review');
		expect(await axeViolations(page)).toEqual([]);

		// The draft survives a reload: same suggestions, same choices, same edit.
		await expect
			.poll(async () => {
				const rows = await readStore<{ key: string; value: { items: { selected: boolean }[] } }>(
					page,
					'settings'
				);
				return rows.find((r) => r.key === 'authoring-draft')?.value.items.filter((i) => i.selected).length;
			})
			.toBe(11);
		await page.reload();
		await page.getByRole('heading', { name: 'Suggested cards' }).waitFor();
		await expect
			.poll(() => page.getByText(/^\d+ of \d+ selected/).innerText())
			.toMatch(/^11 of \d+ selected/);
		await page
			.getByRole('checkbox', { name: 'Who is Yevgeny Satanovsky? — A prominent Russian political analyst' })
			.waitFor();

		await page.getByRole('button', { name: 'Create deck' }).click();
		await page.getByRole('heading', { name: "Belarus's anti-Kremlin tilt" }).waitFor();
		expect(page.url()).toMatch(/\/deck\?id=authored-/);
		const deckId = new URL(page.url()).searchParams.get('id')!;
		const notes = (await readStore<{ deckId: string; sourceQuote?: string }>(page, 'notes')).filter(
			(n) => n.deckId === deckId
		);
		expect(notes).toHaveLength(11);
		for (const n of notes)
			expect(article.replace(/\s+/g, ' ')).toContain(n.sourceQuote!.replace(/\s+/g, ' '));
		await screenshot(page, 'authoring-03-deck');
		expect(await axeViolations(page)).toEqual([]);

		// Study one card of the new deck.
		await page.getByRole('button', { name: 'Study' }).click();
		await page.getByRole('button', { name: 'Show answer' }).click();
		await page.getByRole('button', { name: 'Good', exact: true }).click();
		await expect
			.poll(
				async () =>
					(await readStore<{ deckId: string }>(page, 'reviewLogs')).filter((r) => r.deckId === deckId).length
			)
			.toBe(1);

		// Export it for Anki, with the review history.
		await page.goto(`/deck?id=${encodeURIComponent(deckId)}`);
		await page.getByLabel('Include my review history').check();
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: 'Export .apkg' }).click()
		]);
		expect(download.suggestedFilename()).toBe('Belarus s anti-Kremlin tilt.apkg');
		await page.getByText(/Exported .*: 11 notes, \d+ cards, 1 reviews\./).waitFor();
		const bytes = new Uint8Array(readFileSync((await download.path())!));
		const back = await parseImport(bytes, { fileName: download.suggestedFilename(), withReviews: true });
		expect(back.notes).toHaveLength(11);
		expect(back.reviews).toHaveLength(1);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('fits 360 px and dark mode, and opens a Markdown file', async () => {
		const context = await newPhoneContext(browser, {
			viewport: { width: 360, height: 740 },
			colorScheme: 'dark'
		});
		const page = await context.newPage();
		await openAuthoring(page);
		const md =
			'# The Harwick Canal\n\nThe canal opened in **September 1891**, and it carried 180,000 tonnes of coal in its first year.';
		await page
			.getByLabel('Open a file (.txt, .md or .html)')
			.setInputFiles({ name: 'canal.md', mimeType: 'text/markdown', buffer: Buffer.from(md) });
		await expect
			.poll(() => page.getByLabel('Article text').inputValue())
			.toMatch(/^The Harwick Canal\n\nThe canal opened in September 1891/);
		expect(await page.getByLabel('Title').inputValue()).toBe('canal');
		await page.getByRole('button', { name: 'Suggest cards' }).click();
		await page.getByRole('heading', { name: 'Suggested cards' }).waitFor();
		await page.getByRole('button', { name: 'Select all of this kind: Figures' }).click();
		await page.getByRole('heading', { name: 'Figures (1 of 1)' }).waitFor();
		const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
		expect(overflow).toBe(false);
		await screenshot(page, 'authoring-04-review-360-dark');
		expect(await axeViolations(page)).toEqual([]);
		await context.close();
	});
});
