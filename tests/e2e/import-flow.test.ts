// An instructor on a phone imports an Anki deck with an image, previews it, imports it, ships a corrected
// version that updates it in place (progress kept), and imports pasted Quizlet text with custom separators.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { axeViolations } from './axe';
import { collectPageErrors, launchChromium, newPhoneContext, screenshot, waitForHome } from './browser';
import { readStore } from './idb';
import { readFileSync } from 'node:fs';
import { buildApkg, RED_PNG } from '../helpers/apkg-builder';

let browser: Browser;
beforeAll(async () => {
	browser = await launchChromium();
});
afterAll(async () => {
	await browser?.close();
});

async function chooseFile(page: Page, name: string, bytes: Uint8Array) {
	await page
		.getByLabel('Choose a file')
		.setInputFiles({ name, mimeType: 'application/octet-stream', buffer: Buffer.from(bytes) });
	await page.getByRole('heading', { name: new RegExp(`Preview of “${name}”`) }).waitFor();
}

const v1 = () =>
	buildApkg({
		deckName: 'Cell biology',
		notes: [
			{ guid: 'c1', front: 'What is this? <img src="cell.png">', back: 'A <b>red</b> cell' },
			{ guid: 'c2', front: 'Nucleus', back: 'Holds the DNA' },
			{ guid: 'c3', front: 'Ribosome', back: 'Makes proteins' }
		],
		media: [{ name: 'cell.png', bytes: RED_PNG }]
	});

describe('import screen', () => {
	it('previews an Anki deck with its image, imports it, and updates it in place from a corrected version', async () => {
		const context = await newPhoneContext(browser);
		const page = await context.newPage();
		const errors = collectPageErrors(page);
		await page.goto('/');
		await waitForHome(page); // shipped decks installed (the running app is ready)
		await page.getByRole('button', { name: 'Import', exact: true }).click();
		await page.getByRole('heading', { name: 'Import cards' }).waitFor();
		await screenshot(page, 'import-01-sources');
		expect(await axeViolations(page)).toEqual([]);

		await page.getByRole('heading', { name: 'From a file' }).waitFor();
		const shippedNotes = (await readStore(page, 'notes')).length;
		await chooseFile(page, 'cells-v1.apkg', await v1());
		await expect.poll(() => page.locator('.totals').innerText()).toMatch(/3 notes · 3 cards · 1 media file/);
		await expect.poll(() => page.getByText(/Cell biology.*new deck/).count()).toBe(1);
		// The image shows in the preview from memory, before anything is stored.
		const previewImg = page.locator('.preview-card img').first();
		await expect.poll(() => previewImg.getAttribute('src')).toMatch(/^blob:/);
		await expect.poll(() => previewImg.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(2);
		expect(await readStore(page, 'notes')).toHaveLength(shippedNotes);
		expect(await readStore(page, 'media')).toHaveLength(0);
		await screenshot(page, 'import-02-preview');
		expect(await axeViolations(page)).toEqual([]);

		await page.getByRole('button', { name: 'Import', exact: true }).click();
		await page.getByRole('heading', { name: 'Import finished' }).waitFor();
		expect(await page.getByRole('status').filter({ hasText: 'added' }).innerText()).toBe('3 added');
		await screenshot(page, 'import-03-result');
		expect(await axeViolations(page)).toEqual([]);
		expect(await readStore(page, 'notes')).toHaveLength(shippedNotes + 3);
		const media = await readStore<{ name: string; mime: string }>(page, 'media');
		expect(media.map((m) => [m.name, m.mime])).toEqual([['cell.png', 'image/png']]);

		// Study the first card: the image comes from IndexedDB.
		await page.getByRole('link', { name: 'Study Cell biology' }).click();
		await page.getByRole('button', { name: 'Show answer' }).waitFor();
		const studyImg = page.locator('article.card img');
		await expect.poll(() => studyImg.getAttribute('src')).toMatch(/^blob:/);
		await expect.poll(() => studyImg.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(2);
		await page.getByRole('button', { name: 'Show answer' }).click();
		await page.getByRole('button', { name: 'Good', exact: true }).click();
		await screenshot(page, 'import-04-study-image');
		const studied = (await readStore<{ id: string; reps: number; dueMs: number }>(page, 'cards')).find(
			(c) => c.reps === 1
		)!;
		expect(studied).toBeDefined();

		// The corrected version: c2 fixed, c3 gone, c4 new.
		await page.goto('/import');
		const v2 = await buildApkg({
			deckName: 'Cell biology',
			notes: [
				{ guid: 'c1', front: 'What is this? <img src="cell.png">', back: 'A <b>red</b> cell' },
				{ guid: 'c2', front: 'Nucleus', back: 'Holds the DNA (corrected)' },
				{ guid: 'c4', front: 'Mitochondrion', back: 'Makes ATP' }
			],
			media: [{ name: 'cell.png', bytes: RED_PNG }]
		});
		await chooseFile(page, 'cells-v2.apkg', v2);
		await expect
			.poll(() =>
				page.getByText(/updates your deck “[^”]+” — 1 updated, 1 added, 1 removed, 1 unchanged/).count()
			)
			.toBe(1);
		await expect
			.poll(() => page.getByRole('group', { name: /1 note is no longer in this version/ }).count())
			.toBe(1);
		// Issue 12: Anki never removes notes missing from a package, so "Keep them active" is the default.
		expect(await page.getByRole('radio', { name: 'Keep them active' }).isChecked()).toBe(true);
		await page.getByRole('radio', { name: /Suspend them/ }).check();
		await screenshot(page, 'import-05-update-preview');
		expect(await axeViolations(page)).toEqual([]);
		await page.getByRole('button', { name: 'Import', exact: true }).click();
		await page.getByRole('heading', { name: 'Import finished' }).waitFor();
		expect(await page.getByRole('status').filter({ hasText: 'updated' }).innerText()).toBe(
			'1 updated, 1 added, 1 removed, 1 unchanged'
		);
		const after = (await readStore<{ id: string; reps: number; dueMs: number }>(page, 'cards')).find(
			(c) => c.id === studied.id
		)!;
		expect(after).toMatchObject({ reps: 1, dueMs: studied.dueMs });
		const removed = (await readStore<{ key: string; removed?: boolean }>(page, 'notes')).find(
			(n) => n.key === 'c3'
		);
		expect(removed?.removed).toBe(true);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('imports pasted Quizlet text with custom separators after adjusting how it is read', async () => {
		const context = await newPhoneContext(browser);
		const page = await context.newPage();
		const errors = collectPageErrors(page);
		await page.goto('/import');
		await page
			.getByLabel(/Cards, one per line/)
			.fill('Minsk - capital of Belarus;;Vilnius - capital of Lithuania;;Riga - capital of Latvia');
		await page.getByRole('button', { name: 'Preview pasted text' }).click();
		await page.getByRole('heading', { name: /Preview of/ }).waitFor();
		await page.getByLabel('Kind of text').selectOption('quizlet');
		await page.getByLabel('Between term and definition').selectOption('custom');
		const term = page.getByLabel('Custom separator between columns');
		await term.fill(' - ');
		await term.press('Tab');
		await page.getByLabel('Between cards').selectOption('custom');
		const cards = page.getByLabel('Custom separator between cards');
		await cards.fill(';;');
		await cards.press('Tab');
		await expect.poll(() => page.locator('.totals').innerText()).toMatch(/^3 notes · 3 cards/);
		await expect
			.poll(() => page.locator('.preview-card').first().innerText())
			.toMatch(/Minsk[\s\S]*capital of Belarus/);
		await page.getByLabel('Deck name').fill('Baltic capitals');
		await page.getByLabel('Deck name').press('Tab');
		await expect.poll(() => page.getByText(/Baltic capitals.*new deck/).count()).toBe(1);
		await screenshot(page, 'import-06-quizlet-options');
		expect(await axeViolations(page)).toEqual([]);
		await page.getByRole('button', { name: 'Import', exact: true }).click();
		await page.getByRole('heading', { name: 'Import finished' }).waitFor();
		const decks = await readStore<{ id: string; title: string }>(page, 'decks');
		expect(decks.map((d) => d.title)).toContain('Baltic capitals');
		expect(errors).toEqual([]);
		await context.close();
	});
});

describe('slow imports', () => {
	it('shows progress while a large deck is read, then imports all 20,000 notes in one go', async () => {
		const notes = Array.from({ length: 20_000 }, (_, i) => ({
			guid: `big${i}`,
			front: `Question ${i} <b>bold</b>`,
			back: `Answer ${i}`
		}));
		const apkg = await buildApkg({ deckName: 'Big deck', notes });
		const context = await newPhoneContext(browser);
		const page = await context.newPage();
		const errors = collectPageErrors(page);
		await page.goto('/');
		await waitForHome(page); // shipped decks installed (the running app is ready)
		await page.goto('/import');
		const before = (await readStore(page, 'notes')).length;
		// A slow phone: the page's CPU at a quarter speed, so that reading the file surely takes > 300 ms.
		const cdp = await context.newCDPSession(page);
		await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
		// The bar and its way out must be seen together. A fast machine may read the file in well under a
		// second, so the page itself records the moment both are on screen (no race between two look-ups).
		await page.evaluate(() => {
			const w = window as unknown as { sawProgressWithCancel: boolean };
			w.sawProgressWithCancel = false;
			new MutationObserver(() => {
				const group = document.querySelector('main [role="group"]');
				const cancel = [...(group?.querySelectorAll('button') ?? [])].some((b) => b.textContent === 'Cancel');
				if (group?.querySelector('progress') && cancel) w.sawProgressWithCancel = true;
			}).observe(document.body, { childList: true, subtree: true });
		});
		await page
			.getByLabel('Choose a file')
			.setInputFiles({ name: 'big.apkg', mimeType: 'application/octet-stream', buffer: Buffer.from(apkg) });
		await page.getByRole('heading', { name: 'Preview of “big.apkg”' }).waitFor({ timeout: 60_000 });
		expect(
			await page.evaluate(
				() => (window as unknown as { sawProgressWithCancel: boolean }).sawProgressWithCancel
			)
		).toBe(true);
		await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
		expect(await page.getByRole('progressbar').count()).toBe(0);
		expect(await readStore(page, 'notes')).toHaveLength(before);
		await page.getByRole('button', { name: 'Import', exact: true }).click();
		await page.getByRole('heading', { name: 'Import finished' }).waitFor({ timeout: 60_000 });
		expect(await readStore(page, 'notes')).toHaveLength(before + 20_000);
		expect(errors).toEqual([]);
		await context.close();
	});
});

describe('drag and drop, sub-decks and review history', () => {
	it('imports a dropped Anki package with its sub-decks and, with "Import progress", its review history', async () => {
		const context = await newPhoneContext(browser);
		const page = await context.newPage();
		const errors = collectPageErrors(page);
		await page.goto('/import');
		const bytes = [...readFileSync('../shared/fixtures/anki/templates.apkg')];
		const dataTransfer = await page.evaluateHandle((b) => {
			const dt = new DataTransfer();
			dt.items.add(new File([new Uint8Array(b)], 'templates.apkg'));
			return dt;
		}, bytes);
		await page.locator('.drop').dispatchEvent('drop', { dataTransfer });
		await page.getByRole('heading', { name: 'Preview of “templates.apkg”' }).waitFor();
		await expect
			.poll(() => page.locator('.totals').innerText())
			.toMatch(/^48 notes · 146 cards · \d+ past reviews/);
		expect(await page.locator('.decks li').count()).toBeGreaterThan(1);
		const progress = page.getByRole('checkbox', { name: /Import progress/ });
		expect(await progress.isChecked()).toBe(false);
		await progress.check();
		await screenshot(page, 'import-08-subdecks-history');
		expect(await axeViolations(page)).toEqual([]);
		await page.getByRole('button', { name: 'Import', exact: true }).click();
		await page.getByRole('heading', { name: 'Import finished' }).waitFor();
		const reviews = await readStore(page, 'reviewLogs');
		expect(reviews.length).toBeGreaterThan(0);
		expect(await page.getByText(`${reviews.length} past reviews became the cards' schedules.`).count()).toBe(
			1
		);
		expect(errors).toEqual([]);
		await context.close();
	});
});

describe('small screens and dark mode', () => {
	it('the preview fits 360 px in dark mode with no accessibility violations (contrast included)', async () => {
		const context = await newPhoneContext(browser, {
			viewport: { width: 360, height: 740 },
			colorScheme: 'dark'
		});
		const page = await context.newPage();
		await page.goto('/import');
		await page
			.getByLabel(/Cards, one per line/)
			.fill('Minsk\tcapital of <b>Belarus</b>\nVilnius\tcapital of Lithuania');
		await page.getByRole('button', { name: 'Preview pasted text' }).click();
		await page.getByRole('heading', { name: /Preview of/ }).waitFor();
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
		await screenshot(page, 'import-09-dark-360');
		expect(await axeViolations(page)).toEqual([]);
		await context.close();
	});
});
