// Debian's Chromium driven by playwright-core (never a downloaded browser).
import { mkdirSync } from 'node:fs';
import {
	chromium,
	type Browser,
	type BrowserContext,
	type BrowserContextOptions,
	type Page
} from 'playwright-core';
import { inject } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH, PHONE } from '../../scripts/chromium.js';

export { CHROMIUM_ARGS };

export { PHONE };

export function launchChromium(): Promise<Browser> {
	return chromium.launch({
		executablePath: CHROMIUM_PATH,
		args: CHROMIUM_ARGS
	});
}

export function baseUrl(): string {
	return inject('baseUrl');
}

export async function newPhoneContext(
	browser: Browser,
	extra: BrowserContextOptions = {}
): Promise<BrowserContext> {
	return browser.newContext({ ...PHONE, baseURL: baseUrl(), ...extra });
}

/** Screenshots are kept with the test output in test-results/screenshots/. */
export async function screenshot(page: Page, name: string): Promise<string> {
	mkdirSync('test-results/screenshots', { recursive: true });
	const path = `test-results/screenshots/${name}.png`;
	await page.screenshot({ path, fullPage: true });
	return path;
}

/** Fails the test with the page's uncaught errors, which a person would see as a broken screen. */
export function collectPageErrors(page: Page): string[] {
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	return errors;
}

/**
 * The app is running: hydrated, and the first screen has loaded (`<html data-ready>`, set by the app only).
 * The home page is prerendered with the shipped decks, so its heading alone proves nothing.
 */
export async function waitForApp(page: Page): Promise<void> {
	await page.locator('html[data-ready]').waitFor({ state: 'attached', timeout: 60_000 });
}

/** The home screen as the running app shows it (after waitForApp). */
export async function waitForHome(page: Page): Promise<void> {
	await waitForApp(page);
	await page.getByRole('heading', { name: 'Your decks' }).waitFor();
}
