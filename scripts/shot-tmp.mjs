// temporary (not committed): the offline study deep link's first frame, light 390x844 and dark 360x780
import { mkdtempSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROME, FLAGS, PHONE } from './audit-print.js';
import { serveBuild } from './serve.js';
const server = await serveBuild({ dir: process.argv[2] ?? 'build', quiet: true });
const studyPath = '/study?deck=belarus-tilt-actors';
for (const [scheme, width, height] of [['light', 390, 844], ['dark', 360, 780]]) {
	const profile = mkdtempSync('/tmp/s10off/shotprof-');
	const opts = { executablePath: CHROME, args: FLAGS, ...PHONE, viewport: { width, height }, colorScheme: scheme, baseURL: server.url };
	const first = await chromium.launchPersistentContext(profile, opts);
	const page = first.pages()[0] ?? (await first.newPage());
	await page.goto('/');
	await page.locator('html[data-ready]').waitFor({ state: 'attached', timeout: 60_000 });
	await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 60_000 });
	await page.goto(studyPath);
	await page.getByRole('button', { name: 'Show answer' }).waitFor({ timeout: 60_000 });
	await first.close();
	const ctx = await chromium.launchPersistentContext(profile, { ...opts, offline: true });
	const tab = ctx.pages()[0] ?? (await ctx.newPage());
	const cdp = await ctx.newCDPSession(tab);
	await cdp.send('Emulation.setCPUThrottlingRate', { rate: 20 });
	await tab.goto(studyPath, { waitUntil: 'commit' });
	await tab.locator('#first-card-snapshot').waitFor({ state: 'attached', timeout: 30_000 });
	await tab.screenshot({ path: `/tmp/s10off/shots/${process.argv[3] ?? 'br'}-${scheme}-${width}.png` });
	const still = await tab.evaluate(() => !!document.querySelector('#first-card-snapshot'));
	console.log(scheme, width, 'picture still there at the screenshot:', still);
	await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
	await tab.getByRole('button', { name: 'Show answer' }).first().waitFor();
	await tab.waitForFunction(() => !document.querySelector('#first-card-snapshot'), undefined, { timeout: 30_000 });
	await tab.screenshot({ path: `/tmp/s10off/shots/${process.argv[3] ?? 'br'}-${scheme}-${width}-app.png` });
	await ctx.close();
}
await server.close();
