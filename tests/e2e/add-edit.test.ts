// Add and Edit at 390x844 by keyboard: three cards (one cloze) into a new deck, found with Search, one
// edited; "Study all" on the article group shows cards from more than one deck; axe finds nothing on Add.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { axeViolations } from './axe';
import { collectPageErrors, launchChromium, newPhoneContext, screenshot } from './browser';

let browser: Browser;
beforeAll(async () => {
	browser = await launchChromium();
});
afterAll(async () => {
	await browser?.close();
});

async function tabTo(page: Page, target: Locator, max = 80): Promise<void> {
	for (let i = 0; i < max; i++) {
		if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
		await page.keyboard.press('Tab');
	}
	throw new Error(`could not reach ${target} with Tab`);
}

describe('Add and Edit in a phone-sized browser', () => {
	it('adds three cards (one cloze) to a new deck, finds, edits, studies, suspends, unsuspends, deletes and undoes', async () => {
		const context = await newPhoneContext(browser);
		const page = await context.newPage();
		const errors = collectPageErrors(page);
		await page.goto('/');
		await page.getByRole('heading', { name: 'Your decks' }).waitFor();
		await tabTo(page, page.getByRole('button', { name: 'Add cards' }));
		await page.keyboard.press('Enter');
		await page.getByRole('heading', { name: 'Add cards' }).waitFor();

		const deck = page.getByRole('combobox', { name: 'Deck' });
		await tabTo(page, deck);
		await page.keyboard.type('New deck');
		await expect.poll(() => deck.inputValue()).toBe('__new__');
		await tabTo(page, page.getByRole('textbox', { name: 'New deck name' }));
		await page.keyboard.type('Hand written');

		// An empty note: a clear message, nothing written.
		await page.keyboard.press('Control+Enter');
		await expect.poll(() => page.getByRole('alert').innerText()).toMatch(/"Front" is empty/);

		const front = page.getByRole('textbox', { name: 'Front' });
		const back = page.getByRole('textbox', { name: 'Back' });
		for (const [q, a] of <[string, string][]>[
			['Zubrovka capital?', 'Minsk'],
			['Zubrovka river?', 'Nioman']
		]) {
			await tabTo(page, front);
			await page.keyboard.type(q);
			await tabTo(page, back);
			await page.keyboard.type(a);
			await page.keyboard.press('Control+Enter');
			// The form clears for the next card once the note is written.
			await expect.poll(() => front.inputValue()).toBe('');
			expect(await page.getByRole('status').filter({ hasText: 'Added' }).innerText()).toMatch(
				/Added 1 card to Hand written/
			);
		}

		// A radio group takes one Tab stop; arrows choose.
		await tabTo(page, page.getByRole('radio', { name: 'Basic' }));
		await page.keyboard.press('ArrowDown');
		await page.keyboard.press('ArrowDown');
		await expect.poll(() => page.getByRole('radio', { name: 'Cloze' }).isChecked()).toBe(true);
		const text = page.getByRole('textbox', { name: 'Text' });
		await tabTo(page, text);
		await page.keyboard.type('Zubrovka borders Lithuania');
		for (let i = 0; i < 'Lithuania'.length; i++) await page.keyboard.press('Shift+ArrowLeft');
		await page.keyboard.press('Control+Shift+C');
		await expect.poll(() => text.inputValue()).toBe('Zubrovka borders {{c1::Lithuania}}');
		await page.getByRole('heading', { name: 'Preview: 1 card' }).waitFor();
		await screenshot(page, 'add-01-cloze-390');
		expect(await axeViolations(page)).toEqual([]);
		await page.keyboard.press('Control+Enter');
		await expect.poll(() => text.inputValue()).toBe('');
		// Deck, kind and tags stay for the next card.
		expect(await page.getByRole('radio', { name: 'Cloze' }).isChecked()).toBe(true);
		expect(await deck.locator('option:checked').innerText()).toBe('Hand written');

		await page.emulateMedia({ colorScheme: 'dark' });
		await screenshot(page, 'add-02-dark-390');
		await page.emulateMedia({ colorScheme: 'light' });
		await page.setViewportSize({ width: 360, height: 800 });
		await screenshot(page, 'add-03-360');
		await page.setViewportSize({ width: 390, height: 844 });

		// Find them with Search, open card info, Edit.
		await page.goto('/browse');
		const search = page.getByRole('searchbox', { name: 'Search' });
		await search.waitFor();
		await tabTo(page, search);
		await page.keyboard.type('zubrovka');
		await page.keyboard.press('Enter');
		const rows = page.getByRole('row').filter({ has: page.getByRole('gridcell') });
		await expect.poll(() => rows.count(), { timeout: 20_000 }).toBe(3);
		await tabTo(page, page.getByRole('grid', { name: 'Cards' }));
		await page.keyboard.press('Enter');
		const dialog = page.getByRole('dialog', { name: 'Card info' });
		const edit = dialog.getByRole('link', { name: 'Edit' });
		await edit.waitFor();
		expect(await axeViolations(page)).toEqual([]);
		await tabTo(page, edit);
		await page.keyboard.press('Enter');
		await page.getByRole('heading', { name: 'Edit note' }).waitFor();
		const field = page.getByRole('textbox', { name: /^(Front|Text)$/ }).first();
		await expect.poll(() => field.inputValue()).toMatch(/Zubrovka/);
		await tabTo(page, field);
		await page.keyboard.press('End');
		await page.keyboard.type(' (edited)');
		await page.keyboard.press('Control+Enter');
		await expect
			.poll(() => page.getByRole('status').filter({ hasText: 'Saved' }).innerText())
			.toMatch(/Saved/);
		await screenshot(page, 'add-04-edit-390');

		// Study the new deck: its three cards come up.
		await page.goto('/');
		const study = page.getByRole('button', { name: 'Study Hand written' });
		await tabTo(page, study);
		await page.keyboard.press('Enter');
		for (let i = 0; i < 3; i++) {
			await page.getByRole('button', { name: 'Show answer' }).waitFor();
			expect(await page.locator('article.card').innerText()).toMatch(/Zubrovka/);
			await page.keyboard.press('Space');
			await page.getByRole('link', { name: 'Edit' }).waitFor();
			await page.keyboard.press('4');
		}

		// Suspend and unsuspend in Browse, by keyboard.
		await page.goto('/browse');
		await tabTo(page, page.getByRole('searchbox', { name: 'Search' }));
		await page.keyboard.type('deck:"Hand written"');
		await page.keyboard.press('Enter');
		await expect.poll(() => rows.count(), { timeout: 20_000 }).toBe(3);
		await tabTo(page, page.getByRole('grid', { name: 'Cards' }));
		await page.keyboard.press('Space');
		await tabTo(page, page.getByRole('button', { name: 'Suspend', exact: true }));
		await page.keyboard.press('Enter');
		await expect.poll(() => rows.first().innerText()).toMatch(/Suspended by you/);
		await tabTo(page, page.getByRole('button', { name: 'Unsuspend' }));
		await page.keyboard.press('Enter');
		await expect.poll(() => rows.first().innerText()).not.toMatch(/Suspended/);

		// Delete the deck (asked first) and Undo.
		await page.goto('/');
		await tabTo(page, page.getByRole('link', { name: 'Hand written' }));
		await page.keyboard.press('Enter');
		await tabTo(page, page.getByText('Manage deck'));
		await page.keyboard.press('Enter');
		await tabTo(page, page.getByRole('button', { name: 'Delete deck' }));
		await page.keyboard.press('Enter');
		await tabTo(page, page.getByRole('button', { name: 'Yes, delete' }));
		await page.keyboard.press('Enter');
		await page.getByRole('heading', { name: 'Deck deleted' }).waitFor();
		await tabTo(page, page.getByRole('button', { name: 'Undo' }));
		await page.keyboard.press('Enter');
		await page.getByRole('heading', { name: 'Hand written' }).waitFor();
		expect(errors).toEqual([]);
		await context.close();
	});

	it('"Study all" on the article group shows cards from more than one deck', async () => {
		const context = await newPhoneContext(browser);
		const page = await context.newPage();
		await page.goto('/');
		const studyAll = page.getByRole('button', { name: /Study all of Belarus/ });
		await tabTo(page, studyAll);
		await screenshot(page, 'home-groups-390');
		await page.keyboard.press('Enter');
		const seen = new Set<string>();
		for (let i = 0; i < 12; i++) {
			await page.getByRole('button', { name: 'Show answer' }).waitFor();
			const html = await page.locator('article.card').innerText();
			seen.add(html.slice(0, 60));
			await page.keyboard.press('Space');
			await page.keyboard.press('3');
		}
		const decks = await page.evaluate(async () => {
			const req = indexedDB.open('kartka');
			const db = await new Promise<IDBDatabase>((r) => (req.onsuccess = () => r(req.result)));
			const logs = await new Promise<{ deckId: string }[]>((r) => {
				const q = db.transaction('reviewLogs').objectStore('reviewLogs').getAll();
				q.onsuccess = () => r(q.result);
			});
			return [...new Set(logs.map((l) => l.deckId))];
		});
		expect(decks.length).toBeGreaterThan(1);
		await context.close();
	});
});
