// Decks published as static files: a shared link `/?import=<file url>` opens the preview of that file
// (served here by a small static server on 127.0.0.1), a server that does not allow cross-origin reads
// gets a clear message, and the deck screen shares the link with a QR code and exports the deck.
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
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

const DECK = {
	format: 'kartka-deck',
	formatVersion: 1,
	id: 'class-capitals',
	title: 'Class capitals',
	description: 'Capitals of the region, published by the instructor.',
	version: '1.0.0',
	language: 'en',
	source: { title: 'Course notes', url: 'https://example.org/notes' },
	license: 'CC-BY-4.0',
	notes: [
		{ id: 'minsk', kind: 'basic', front: 'Capital of Belarus?', back: 'Minsk', tags: ['geo'] },
		{ id: 'vilnius', kind: 'reversible', front: 'Lithuania', back: 'Vilnius', tags: ['geo'] },
		{ id: 'riga', kind: 'cloze', text: 'The capital of Latvia is {{c1::Riga}}.', tags: [] }
	]
};

let browser: Browser;
let server: Server;
let files: string;
const stalled = new Set<import('node:http').ServerResponse>();

beforeAll(async () => {
	browser = await launchChromium();
	server = createServer((req, res) => {
		const path = new URL(req.url ?? '/', 'http://x').pathname;
		if (path.startsWith('/open/') || path.startsWith('/slow/'))
			res.setHeader('Access-Control-Allow-Origin', '*');
		if (path.startsWith('/slow/')) {
			// A download that starts and then stalls: the import is cancelled mid-way.
			res.setHeader('Content-Type', 'application/json');
			res.setHeader('Content-Length', '100000');
			res.write(JSON.stringify(DECK).slice(0, 200));
			stalled.add(res);
			return;
		}
		if (path.endsWith('/class-capitals.json')) {
			res.setHeader('Content-Type', 'application/json');
			res.end(JSON.stringify(DECK));
		} else {
			res.statusCode = 404;
			res.end('not found');
		}
	});
	await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
	const address = server.address();
	files = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(async () => {
	await browser?.close();
	for (const res of stalled) res.destroy();
	await new Promise((ok) => server?.close(ok));
});

function shared(url: string): string {
	return `/?import=${encodeURIComponent(url)}`;
}

async function alertText(page: Page): Promise<string> {
	const alert = page.getByRole('alert');
	await alert.waitFor();
	return alert.innerText();
}

/** Links ask first (issue 12): the prompt names the host; the student says yes. */
async function acceptLink(page: Page): Promise<void> {
	await page.getByRole('heading', { name: 'Download deck from 127.0.0.1', exact: false }).waitFor();
	await page.getByRole('button', { name: 'Download', exact: true }).click();
}

describe('decks shared by link', () => {
	it('opens a shared link, previews and imports the deck, then shares it back with a QR code and exports it', async () => {
		const context = await newPhoneContext(browser, { acceptDownloads: true });
		const page = await context.newPage();
		const errors = collectPageErrors(page);
		const deckUrl = `${files}/open/class-capitals.json`;
		await page.goto(shared(deckUrl));
		await acceptLink(page);
		await page.waitForURL(/\/import\?url=/);
		await page.getByRole('heading', { name: 'Preview of “class-capitals.json”' }).waitFor();
		await expect.poll(() => page.locator('.totals').innerText()).toMatch(/^3 notes · 4 cards/);
		await screenshot(page, 'import-link-01-preview');
		await page.getByRole('button', { name: 'Import', exact: true }).click();
		await page.getByRole('heading', { name: 'Import finished' }).waitFor();
		const decks = await readStore<{ id: string; importedFrom?: { url?: string } }>(page, 'decks');
		expect(decks.find((d) => d.id === 'class-capitals')?.importedFrom?.url).toBe(deckUrl);

		await page.getByRole('link', { name: 'Class capitals', exact: true }).click();
		await page.getByRole('button', { name: 'Share' }).click();
		expect(await page.getByLabel('Address of the published deck file').inputValue()).toBe(deckUrl);
		const link = await page.getByLabel('Link for your students').inputValue();
		expect(link).toBe(`${baseUrl()}${shared(deckUrl)}`);
		const qr = page.getByRole('img', { name: 'QR code of the link' });
		await qr.waitFor();
		expect((await qr.locator('path').getAttribute('d'))?.length).toBeGreaterThan(500);
		await screenshot(page, 'import-link-02-share');
		expect(await axeViolations(page)).toEqual([]);

		const [jsonDownload] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: 'Export JSON' }).click()
		]);
		expect(jsonDownload.suggestedFilename()).toBe('class-capitals.json');
		const exported = JSON.parse(readFileSync((await jsonDownload.path())!, 'utf8'));
		expect(exported).toMatchObject({ format: 'kartka-deck', id: 'class-capitals', title: 'Class capitals' });
		expect(exported.notes.map((n: { id: string }) => n.id)).toEqual(['minsk', 'vilnius', 'riga']);
		const [csvDownload] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: 'Export CSV' }).click()
		]);
		expect(csvDownload.suggestedFilename()).toBe('class-capitals.csv');
		expect(readFileSync((await csvDownload.path())!, 'utf8')).toMatch(
			/^\ufefffront,back,tags,id,deck,extra\r\nCapital of Belarus\?,Minsk,geo,minsk,Class capitals,/
		);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('explains a server that does not allow other sites to read the file (CORS), and writes nothing', async () => {
		const context = await newPhoneContext(browser);
		const page = await context.newPage();
		await page.goto('/');
		// Shipped decks installed: the running app is ready (the prerendered home already shows Study buttons).
		await waitForHome(page);
		const before = (await readStore(page, 'notes')).length;
		await page.goto(shared(`${files}/closed/class-capitals.json`));
		await acceptLink(page);
		const text = await alertText(page);
		expect(text).toMatch(/Could not download the deck from 127\.0\.0\.1/);
		expect(text).toMatch(/Access-Control-Allow-Origin/);
		await screenshot(page, 'import-link-03-cors');
		expect(await axeViolations(page)).toEqual([]);
		expect(await readStore(page, 'notes')).toHaveLength(before);
		await context.close();
	});

	it('says when there is no deck at the link', async () => {
		const context = await newPhoneContext(browser);
		const page = await context.newPage();
		await page.goto(shared(`${files}/open/nothing-here.json`));
		await acceptLink(page);
		expect(await alertText(page)).toMatch(/There is no deck at that link \(127\.0\.0\.1 answered 404/);
		await context.close();
	});

	it('cancels a download that is under way: progress shows, Cancel stops it, nothing is written', async () => {
		const context = await newPhoneContext(browser);
		const page = await context.newPage();
		const errors = collectPageErrors(page);
		await page.goto('/');
		// Shipped decks installed: the running app is ready (the prerendered home already shows Study buttons).
		await waitForHome(page);
		const before = {
			notes: (await readStore(page, 'notes')).length,
			decks: (await readStore(page, 'decks')).length
		};
		await page.goto(shared(`${files}/slow/class-capitals.json`));
		await acceptLink(page);
		await page.getByRole('progressbar').waitFor();
		expect(await page.getByText('Downloading…').count()).toBe(1);
		await screenshot(page, 'import-link-04-downloading');
		expect(await axeViolations(page)).toEqual([]);
		await page.getByRole('button', { name: 'Cancel' }).click();
		await page.getByRole('status').filter({ hasText: 'Cancelled: nothing was changed.' }).waitFor();
		expect(await page.getByRole('progressbar').count()).toBe(0);
		expect(await page.getByRole('heading', { name: /Preview of/ }).count()).toBe(0);
		expect({
			notes: (await readStore(page, 'notes')).length,
			decks: (await readStore(page, 'decks')).length
		}).toEqual(before);
		expect(errors).toEqual([]);
		await context.close();
	});
});
