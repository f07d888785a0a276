// Settings › Backup in the real app: a backup of a collection with an imported deck (image included),
// progress and settings; the collection then changes; restoring the backup (after its confirmation)
// gives back exactly the rows of every table. Settings shows when the last backup was made.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { axeViolations } from './axe';
import { collectPageErrors, launchChromium, newPhoneContext, screenshot } from './browser';
import { buildApkg, RED_PNG } from '../helpers/apkg-builder';

let browser: Browser;
beforeAll(async () => {
	browser = await launchChromium();
});
afterAll(async () => {
	await browser?.close();
});

/** Every row of every store, with bytes as plain arrays, in key order. */
function dumpAll(page: Page): Promise<Record<string, unknown[]>> {
	return page.evaluate(
		() =>
			new Promise<Record<string, unknown[]>>((resolve, reject) => {
				const open = indexedDB.open('kartka');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const db = open.result;
					const names = [...db.objectStoreNames];
					const tx = db.transaction(names, 'readonly');
					const out: Record<string, unknown[]> = {};
					const plain = (v: unknown): unknown =>
						v instanceof Uint8Array
							? Array.from(v)
							: v && typeof v === 'object'
								? Object.fromEntries(
										Object.entries(v).map(([k, x]) => [k, Array.isArray(x) ? x.map(plain) : plain(x)])
									)
								: v;
					for (const name of names) {
						const req = tx.objectStore(name).getAll();
						req.onsuccess = () => (out[name] = req.result.map(plain));
					}
					tx.oncomplete = () => {
						db.close();
						resolve(out);
					};
				};
			})
	);
}

describe('backup and restore', () => {
	it('restores every row after the collection changed, and shows the last backup time', async () => {
		const context = await newPhoneContext(browser, { acceptDownloads: true });
		const page = await context.newPage();
		const errors = collectPageErrors(page);
		await page.goto('/import');
		const apkg = await buildApkg({
			deckName: 'Backup me',
			notes: [
				{ guid: 'b1', front: '<img src="cell.png"> cell', back: 'red' },
				{ guid: 'b2', front: 'two', back: 'dwa' }
			],
			media: [{ name: 'cell.png', bytes: RED_PNG }]
		});
		await page.getByLabel('Choose a file').setInputFiles({
			name: 'backup-me.apkg',
			mimeType: 'application/octet-stream',
			buffer: Buffer.from(apkg)
		});
		await page.getByRole('button', { name: 'Import', exact: true }).click();
		await page.getByRole('link', { name: 'Study Backup me' }).click();
		await page.getByRole('button', { name: 'Show answer' }).click();
		await page.getByRole('button', { name: 'Good', exact: true }).click();
		await page.getByRole('button', { name: 'Show answer' }).waitFor();

		await page.goto('/settings');
		await expect.poll(() => page.getByTestId('last-backup').innerText(), { timeout: 15_000 }).toBe('never');
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: 'Download backup' }).click()
		]);
		expect(download.suggestedFilename()).toMatch(/^kartka-backup-\d{4}-\d\d-\d\d-\d{4}\.zip$/);
		const backupPath = (await download.path())!;
		await expect.poll(() => page.getByTestId('last-backup').innerText()).toMatch(/today/);
		const atBackup = await dumpAll(page);
		expect(atBackup.media).toHaveLength(1);
		expect(atBackup.reviewLogs!.length).toBeGreaterThan(0);
		await screenshot(page, 'import-backup-01-settings');
		expect(await axeViolations(page)).toEqual([]);

		// The collection changes after the backup: another answer and another deck.
		await page.goto('/import');
		await page.getByLabel(/Cards, one per line/).fill('later,added');
		await page.getByRole('button', { name: 'Preview pasted text' }).click();
		await page.getByRole('button', { name: 'Import', exact: true }).click();
		await page.getByRole('heading', { name: 'Import finished' }).waitFor();
		expect(await dumpAll(page)).not.toEqual(atBackup);

		await page.goto('/settings');
		await page.getByLabel('Restore from backup…').setInputFiles({
			name: 'kartka-backup.zip',
			mimeType: 'application/zip',
			buffer: readFileSync(backupPath)
		});
		const dialog = page.getByRole('dialog', { name: 'Replace your collection?' });
		await dialog.waitFor();
		expect(await dialog.innerText()).toMatch(/will be replaced/);
		await screenshot(page, 'import-backup-02-confirm');
		expect(await axeViolations(page)).toEqual([]);
		// Cancel first: nothing changes.
		const changed = await dumpAll(page);
		await dialog.getByRole('button', { name: 'Cancel' }).click();
		expect(await dumpAll(page)).toEqual(changed);

		await page.getByLabel('Restore from backup…').setInputFiles({
			name: 'kartka-backup.zip',
			mimeType: 'application/zip',
			buffer: readFileSync(backupPath)
		});
		await dialog.getByRole('button', { name: 'Replace my collection' }).click();
		await page.getByRole('status').filter({ hasText: 'Restored the backup' }).waitFor();
		expect(await dumpAll(page)).toEqual(atBackup);

		// A file that is not a backup is refused with a message, changing nothing.
		await page
			.getByLabel('Restore from backup…')
			.setInputFiles({ name: 'notes.zip', mimeType: 'application/zip', buffer: Buffer.from('not a zip') });
		await expect
			.poll(() => page.getByRole('alert').innerText())
			.toMatch(/not a Kartka backup.*Nothing was changed/);
		expect(await dumpAll(page)).toEqual(atBackup);
		expect(errors).toEqual([]);
		await context.close();
	});
});
