// Installability as Chromium judges it (no errors from Page.getInstallabilityErrors), a manifest whose
// every icon loads at its declared size, and the "Install app" button wired to beforeinstallprompt.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import {
	baseUrl,
	CHROMIUM_ARGS,
	collectPageErrors,
	launchChromium,
	newPhoneContext,
	PHONE,
	screenshot,
	waitForHome
} from './browser';
import { waitForWorker } from './pwa-helpers';

interface ManifestIcon {
	src: string;
	sizes: string;
	type: string;
	purpose?: string;
}

/** Loads an image in the page; its natural size, or null if it failed. */
function imageSize(page: Page, src: string): Promise<{ width: number; height: number } | null> {
	return page.evaluate(
		(src) =>
			new Promise<{ width: number; height: number } | null>((resolve) => {
				const img = new Image();
				img.onload = () => resolve({ width: img.naturalWidth, height: img.naturalHeight });
				img.onerror = () => resolve(null);
				img.src = src;
			}),
		src
	);
}

describe('installable PWA', () => {
	let profile: string;
	let context: BrowserContext;
	beforeAll(async () => {
		// Installability needs a real profile: an incognito-like context always reports "in-incognito".
		profile = mkdtempSync(join(tmpdir(), 'kartka-profile-'));
		context = await chromium.launchPersistentContext(profile, {
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			args: CHROMIUM_ARGS,
			...PHONE,
			baseURL: baseUrl()
		});
	});
	afterAll(async () => {
		await context?.close();
		if (profile) rmSync(profile, { recursive: true, force: true });
	});

	it('has no installability errors, a complete manifest, and icons that load', async () => {
		const page = context.pages()[0] ?? (await context.newPage());
		const errors = collectPageErrors(page);
		await page.goto('/');
		await waitForHome(page);
		await waitForWorker(page);

		const cdp = await context.newCDPSession(page);
		expect(await cdp.send('Page.getInstallabilityErrors')).toEqual({ installabilityErrors: [] });
		const { url, errors: manifestErrors, data } = await cdp.send('Page.getAppManifest');
		expect(url).toMatch(/\/manifest\.webmanifest$/);
		expect(manifestErrors).toEqual([]);

		const manifest = JSON.parse(data ?? '{}') as Record<string, unknown> & { icons: ManifestIcon[] };
		for (const field of [
			'name',
			'short_name',
			'description',
			'start_url',
			'scope',
			'theme_color',
			'background_color'
		])
			expect(manifest[field], field).toEqual(expect.any(String));
		expect(manifest.display).toBe('standalone');
		const sizes = manifest.icons.map((i) => `${i.sizes} ${i.purpose ?? 'any'}`);
		expect(sizes).toEqual(expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable']));

		for (const icon of manifest.icons) {
			const size = await imageSize(page, icon.src);
			expect(size, icon.src).not.toBeNull();
			if (icon.sizes !== 'any') expect(`${size!.width}x${size!.height}`, icon.src).toBe(icon.sizes);
		}
		const appleIcon = await page.locator('link[rel="apple-touch-icon"]').getAttribute('href');
		expect(await imageSize(page, appleIcon!)).toEqual({ width: 180, height: 180 });

		// A study link (an instructor's shared deck) is installable too: its shell is laid out apart
		// (pwa/study-shell.server.ts), and Chromium reads the manifest's link only in the <head>.
		await page.goto('/study?deck=belarus-tilt-actors');
		await page.getByRole('button', { name: 'Show answer' }).waitFor();
		const study = await context.newCDPSession(page);
		expect((await study.send('Page.getAppManifest')).url).toMatch(/\/manifest\.webmanifest$/);
		expect(await study.send('Page.getInstallabilityErrors')).toEqual({ installabilityErrors: [] });
		expect(errors).toEqual([]);
	});

	it('shows "Install app" when Chromium offers the install, and "Not now" hides it across reloads', async () => {
		const page = context.pages()[0] ?? (await context.newPage());
		await page.goto('/');
		const install = page.getByRole('button', { name: 'Install app' });
		await install.waitFor({ timeout: 30_000 }); // Chromium's own beforeinstallprompt
		await screenshot(page, 'pwa-07-install-offer');
		expect(await axeViolations(page)).toEqual([]);
		await page.getByRole('button', { name: 'Not now' }).click();
		expect(await install.count()).toBe(0);
		await page.reload();
		await waitForHome(page);
		await page.waitForTimeout(2000);
		expect(await install.count()).toBe(0);
	});
});

describe('"Install app" button', () => {
	let browser: Browser;
	beforeAll(async () => {
		browser = await launchChromium();
	});
	afterAll(async () => {
		await browser?.close();
	});

	it('opens the browser install dialog once, and is hidden while studying', async () => {
		const context = await newPhoneContext(browser);
		const page = await context.newPage();
		await page.goto('/');
		await waitForHome(page);
		// The event as Chromium sends it, with a prompt() we can observe.
		const offer = () =>
			page.evaluate(() => {
				const event = new Event('beforeinstallprompt', { cancelable: true }) as Event &
					Record<string, unknown>;
				const w = window as unknown as { __prompts: number };
				w.__prompts = 0;
				event.prompt = async () => void w.__prompts++;
				event.userChoice = Promise.resolve({ outcome: 'accepted', platform: 'web' });
				window.dispatchEvent(event);
				return event.defaultPrevented;
			});
		expect(await offer()).toBe(true); // the app keeps the event (no mini-infobar)
		const install = page.getByRole('button', { name: 'Install app' });
		await install.waitFor();

		await page
			.getByRole('button', { name: /^Study (?!all of)/ })
			.first()
			.click();
		await page.getByRole('button', { name: 'Show answer' }).waitFor();
		expect(await install.count()).toBe(0);
		await page.getByRole('link', { name: 'Decks' }).click();
		await install.click();
		expect(await page.evaluate(() => (window as unknown as { __prompts: number }).__prompts)).toBe(1);
		await expect.poll(() => install.count()).toBe(0);
		await context.close();
	});

	it('keeps an offer the browser made before the app had loaded', async () => {
		const context = await newPhoneContext(browser);
		const page = await context.newPage();
		// The app's code is held back until the browser has made its offer, as on a repeat visit served by the
		// worker, where Chromium can fire beforeinstallprompt before the app's modules are in.
		let offered = () => {};
		const offerMade = new Promise<void>((resolve) => (offered = resolve));
		await page.route('**/_app/immutable/**', async (route) => {
			await offerMade;
			await route.continue();
		});
		await page.goto('/', { waitUntil: 'commit' });
		await page.waitForFunction(() => document.querySelector('link[rel="manifest"]') !== null);
		const kept = await page.evaluate(() => {
			const event = new Event('beforeinstallprompt', { cancelable: true });
			window.dispatchEvent(event);
			return event.defaultPrevented;
		});
		expect(kept).toBe(true); // kept by the boot script: no mini-infobar
		offered();
		await waitForHome(page);
		await page.getByRole('button', { name: 'Install app' }).waitFor();
		await context.close();
	});
});
