// Issue 12 in real Chromium: a full disk (QuotaExceededError) or an aborted transaction (AbortError) at the
// writes a person reaches from the UI: answer a card, import a file, make and restore a backup, set an exam
// date, save settings. After each fault: the one clear message with what to do, every store as it was (also
// after a reload), and a way on from the same screen (the same action, tried again, succeeds).
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { collectPageErrors, launchChromium, newPhoneContext, screenshot, waitForHome } from './browser';

type FaultKind = 'QuotaExceededError' | 'AbortError';
interface Fault {
	kind: FaultKind;
	/** Fail the N-th write (1-based) after the fault is armed. */
	atWrite: number;
	writes: number;
	fired: boolean;
}

/** The words of the one storage-full message (errorMessage in src/lib/domain/errors.ts). */
const STORAGE_FULL = /no storage space left for Kartka.*Free some space.*make a backup/s;
/** An aborted transaction (another tab, the browser closing the database). */
const INTERRUPTED = /Saving was interrupted.*nothing was saved.*Try again/s;

let browser: Browser;
beforeAll(async () => {
	browser = await launchChromium();
});
afterAll(async () => {
	await browser?.close();
});

/**
 * Wraps IndexedDB's writes in the page: while a fault is armed, its N-th write aborts the transaction (so
 * the browser rolls back everything the transaction did) and throws the fault, as a full disk or a closed
 * database does.
 */
async function faultyContext(extra: Parameters<typeof newPhoneContext>[1] = {}): Promise<BrowserContext> {
	const context = await newPhoneContext(browser, extra);
	await context.addInitScript(() => {
		const w = window as unknown as { __kartkaFault?: Fault | null };
		w.__kartkaFault = null;
		const proto = IDBObjectStore.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
		for (const method of ['put', 'add', 'delete', 'clear']) {
			const original = proto[method]!;
			proto[method] = function (this: IDBObjectStore, ...args: unknown[]) {
				const fault = w.__kartkaFault;
				if (fault && !fault.fired && ++fault.writes >= fault.atWrite) {
					fault.fired = true;
					try {
						this.transaction.abort();
					} catch {
						// already finished or aborted: the throw below still fails the write
					}
					throw new DOMException(`Injected ${fault.kind}`, fault.kind);
				}
				return original.apply(this, args);
			};
		}
	});
	return context;
}

function arm(page: Page, kind: FaultKind, atWrite = 1): Promise<void> {
	return page.evaluate(
		({ kind, atWrite }) => {
			(window as unknown as { __kartkaFault: Fault }).__kartkaFault = {
				kind,
				atWrite,
				writes: 0,
				fired: false
			};
		},
		{ kind, atWrite }
	);
}

/** Disarms the fault; true when it fired (the test reached a write, so it proves something). */
function disarm(page: Page): Promise<boolean> {
	return page.evaluate(() => {
		const w = window as unknown as { __kartkaFault: Fault | null };
		const fired = w.__kartkaFault?.fired ?? false;
		w.__kartkaFault = null;
		return fired;
	});
}

/** Every row of every store (bytes as plain arrays), to compare before and after. */
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
						v instanceof Uint8Array || v instanceof ArrayBuffer
							? Array.from(new Uint8Array(v))
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

/** Reloads and waits for `shown` (the screen is back), then dumps every store. */
async function reloadAndDump(page: Page, shown: Locator): Promise<Record<string, unknown[]>> {
	await page.reload();
	await shown.waitFor({ timeout: 60_000 });
	return dumpAll(page);
}

async function startStudy(page: Page): Promise<void> {
	await page.goto('/');
	await waitForHome(page);
	await page
		.getByRole('button', { name: /^Study (?!all of)/ })
		.first()
		.click();
	await page.getByRole('button', { name: 'Show answer' }).click();
}

describe('faults at the writes a person makes, in Chromium', () => {
	it('a failed answer says why, writes nothing, and the same answer can be given again', async () => {
		const context = await faultyContext();
		const page = await context.newPage();
		const errors = collectPageErrors(page);
		await startStudy(page);
		const question = await page.locator('article.card .question').innerText();
		const before = await dumpAll(page);

		// Full disk at the second write (the card, after its review log): the whole answer is rolled back.
		await arm(page, 'QuotaExceededError', 2);
		await page.getByRole('button', { name: 'Good', exact: true }).click();
		const status = page.getByRole('status').filter({ hasText: 'Your answer was not saved' });
		await status.waitFor();
		expect(await status.innerText()).toMatch(STORAGE_FULL);
		expect(await status.innerText()).toMatch(/answer again to retry/);
		expect(await disarm(page)).toBe(true);
		await screenshot(page, 'faults-01-answer-storage-full');
		expect(await dumpAll(page)).toEqual(before);
		// The same card, still answerable: the retry (space freed) is saved.
		expect(await page.locator('article.card .question').innerText()).toBe(question);
		await page.getByRole('button', { name: 'Good', exact: true }).click();
		await page.getByRole('button', { name: 'Show answer' }).waitFor();
		await expect
			.poll(async () => (await dumpAll(page)).reviewLogs!.length)
			.toBe(before.reviewLogs!.length + 1);

		// An aborted transaction: nothing kept, the message offers the retry, and a reload shows the same.
		await page.getByRole('button', { name: 'Show answer' }).click();
		const afterOne = await dumpAll(page);
		await arm(page, 'AbortError', 1);
		await page.getByRole('button', { name: 'Again', exact: true }).click();
		const retry = page.getByRole('status').filter({ hasText: 'answer again to retry' });
		await retry.waitFor();
		expect(await retry.innerText()).toMatch(INTERRUPTED);
		expect(await disarm(page)).toBe(true);
		expect(await page.getByRole('button', { name: 'Again', exact: true }).isEnabled()).toBe(true);
		expect(await dumpAll(page)).toEqual(afterOne);
		expect(await reloadAndDump(page, page.getByRole('button', { name: 'Show answer' }))).toEqual(afterOne);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('a failed import says why, imports nothing, and "Import" works once there is room', async () => {
		const context = await faultyContext();
		const page = await context.newPage();
		const errors = collectPageErrors(page);
		await page.goto('/');
		await waitForHome(page);
		await page.goto('/import');
		await page.getByLabel(/Cards, one per line/).fill('kot,cat\npies,dog\nryba,fish');
		await page.getByRole('button', { name: 'Preview pasted text' }).click();
		const importButton = page.getByRole('button', { name: 'Import', exact: true });
		await importButton.waitFor();
		const before = await dumpAll(page);

		await arm(page, 'QuotaExceededError', 3);
		await importButton.click();
		const alert = page.getByRole('alert');
		await alert.waitFor();
		expect(await alert.innerText()).toMatch(
			/no room left for this import.*Nothing was imported.*Free some space/s
		);
		expect(await disarm(page)).toBe(true);
		await screenshot(page, 'faults-02-import-storage-full');
		expect(await dumpAll(page)).toEqual(before);

		// The preview is still there: "Import" again, with room, imports the three cards.
		await importButton.click();
		await page.getByRole('heading', { name: 'Import finished' }).waitFor();
		const after = await dumpAll(page);
		expect(after.cards!.length).toBe(before.cards!.length + 3);

		// An abort at the first write of another import: nothing of it, also after a reload.
		await page.goto('/import');
		await page.getByLabel(/Cards, one per line/).fill('dom,house');
		await page.getByRole('button', { name: 'Preview pasted text' }).click();
		await importButton.waitFor();
		await arm(page, 'AbortError', 1);
		await importButton.click();
		await page.getByRole('alert').waitFor();
		expect(await page.getByRole('alert').innerText()).toMatch(INTERRUPTED);
		expect(await disarm(page)).toBe(true);
		expect(await importButton.isEnabled()).toBe(true);
		expect(await reloadAndDump(page, page.getByRole('heading', { name: 'From a file' }))).toEqual(after);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('a failed backup mark or restore says why and changes nothing; both work when tried again', async () => {
		const context = await faultyContext({ acceptDownloads: true });
		const page = await context.newPage();
		const errors = collectPageErrors(page);
		await page.goto('/');
		await waitForHome(page);
		await page.goto('/settings');
		const lastBackup = page.getByTestId('last-backup');
		await lastBackup.filter({ hasText: 'never' }).waitFor();
		const download = page.getByRole('button', { name: 'Download backup' });

		// "Last backup" cannot be recorded: the message says so, and the date stays "never".
		const before = await dumpAll(page);
		await arm(page, 'QuotaExceededError', 1);
		await Promise.all([page.waitForEvent('download'), download.click()]);
		const alert = page.getByRole('alert');
		await alert.waitFor();
		expect(await alert.innerText()).toMatch(/The backup could not be made/);
		expect(await alert.innerText()).toMatch(STORAGE_FULL);
		expect(await disarm(page)).toBe(true);
		expect(await lastBackup.innerText()).toBe('never');
		expect(await dumpAll(page)).toEqual(before);

		const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
		await lastBackup.filter({ hasText: 'today' }).waitFor();
		const backupBytes = readFileSync((await file.path())!);

		// The collection changes after the backup (an import), then the restore fails part-way.
		await page.goto('/import');
		await page.getByLabel(/Cards, one per line/).fill('later,added');
		await page.getByRole('button', { name: 'Preview pasted text' }).click();
		await page.getByRole('button', { name: 'Import', exact: true }).click();
		await page.getByRole('heading', { name: 'Import finished' }).waitFor();
		await page.goto('/settings');
		await lastBackup.filter({ hasText: 'today' }).waitFor();
		const changed = await dumpAll(page);
		const restore = async () => {
			await page.getByLabel('Restore from backup…').setInputFiles({
				name: 'kartka-backup.zip',
				mimeType: 'application/zip',
				buffer: backupBytes
			});
			await page
				.getByRole('dialog', { name: 'Replace your collection?' })
				.getByRole('button', { name: 'Replace my collection' })
				.click();
		};
		await arm(page, 'QuotaExceededError', 5);
		await restore();
		await page.getByRole('alert').filter({ hasText: 'The restore failed and nothing was changed' }).waitFor();
		expect(await page.getByRole('alert').innerText()).toMatch(STORAGE_FULL);
		expect(await disarm(page)).toBe(true);
		await screenshot(page, 'faults-03-restore-storage-full');
		expect(await dumpAll(page)).toEqual(changed);
		expect(await reloadAndDump(page, lastBackup.filter({ hasText: 'today' }))).toEqual(changed);

		await restore();
		await page.getByRole('status').filter({ hasText: 'Restored the backup' }).waitFor();
		expect((await dumpAll(page)).cards!.length).toBe(before.cards!.length);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('a failed exam date or settings save says why, changes nothing, and saves when tried again', async () => {
		const context = await faultyContext();
		const page = await context.newPage();
		const errors = collectPageErrors(page);
		await page.goto('/');
		await waitForHome(page);
		await page.goto('/deck?id=belarus-tilt-dates');
		const date = page.getByLabel('Exam date');
		await expect.poll(() => date.isEnabled()).toBe(true);
		const isoIn = (days: number) => {
			const d = new Date(Date.now() + days * 86_400_000);
			return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
		};
		const before = await dumpAll(page);
		await arm(page, 'QuotaExceededError', 1);
		await date.fill(isoIn(30));
		const alert = page.getByRole('alert');
		await alert.waitFor({ timeout: 30_000 });
		expect(await alert.innerText()).toMatch(STORAGE_FULL);
		expect(await disarm(page)).toBe(true);
		await screenshot(page, 'faults-04-exam-date-storage-full');
		expect(await dumpAll(page)).toEqual(before);
		await date.fill(isoIn(31));
		await page.getByText(/^Exam date set to/).waitFor({ timeout: 30_000 });
		expect((await dumpAll(page)).examPlans).toHaveLength(1);

		await page.goto('/settings');
		const newCards = page.getByLabel('New cards per day');
		await newCards.waitFor();
		await newCards.fill('12');
		const settingsBefore = await dumpAll(page);
		await arm(page, 'AbortError', 1);
		await page.getByRole('button', { name: 'Save settings' }).click();
		// The message first, then disarm (as everywhere here): polling disarm itself cleared the fault at its
		// first call, so a save that wrote a moment after the click never met it.
		const message = page.locator('.status p.error');
		await message.waitFor();
		expect(await message.innerText()).toMatch(INTERRUPTED);
		expect(await disarm(page)).toBe(true);
		await arm(page, 'QuotaExceededError', 1);
		await page.getByRole('button', { name: 'Save settings' }).click();
		await page.getByText(STORAGE_FULL).waitFor();
		expect(await disarm(page)).toBe(true);
		await screenshot(page, 'faults-05-settings-storage-full');
		expect(await dumpAll(page)).toEqual(settingsBefore);
		await page.getByRole('button', { name: 'Save settings' }).click();
		await page.getByText('Settings saved.').waitFor();
		expect(await reloadAndDump(page, newCards)).not.toEqual(settingsBefore);
		expect(await newCards.inputValue()).toBe('12');
		expect(errors).toEqual([]);
		await context.close();
	});
});
