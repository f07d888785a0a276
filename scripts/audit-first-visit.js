// npm run audit, part 5 (scripts/audit.js): a first visit of the study page by deep link. Nothing is stored
// yet, so study.html paints the deck's first card as the build rendered it (src/lib/pwa/first-card-paint.js,
// src/lib/pwa/first-visit-cards.server.ts) before the app's code runs; the app then shows its own card. Like
// the offline picture, it must be the card the app then showed: counted, and a mismatch fails the audit.
import { chromium } from 'playwright-core';
import { CHROME, FLAGS, PHONE, median, print, range } from './audit-print.js';

/** @param {import('./audit-worker.js').AuditContext} ctx */
export async function firstVisitStudy({ server, runs, studyPath, fail }) {
	console.log(`\nFirst visit of ${studyPath}, 4x CPU throttling (median of ${runs})`);
	/** @type {{ picture: number[]; own: number[] }} */
	const times = { picture: [], own: [] };
	let pictures = 0;
	let same = 0;
	const browser = await chromium.launch({ executablePath: CHROME, args: FLAGS });
	try {
		for (let i = 0; i < runs; i++) {
			const context = await browser.newContext({ baseURL: server.url, ...PHONE });
			const page = await context.newPage();
			const cdp = await context.newCDPSession(page);
			await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
			await page.addInitScript(() => {
				const w = /** @type {any} */ (window);
				// Element Timing: the frame each question's text was painted in (the attribute is put on it the
				// moment it is in the page, before any frame).
				new PerformanceObserver((list) => {
					for (const e of /** @type {any[]} */ (list.getEntries()))
						w[`__${e.identifier}`] ??= e.renderTime || e.startTime;
				}).observe({ type: 'element', buffered: true });
				new MutationObserver((_, observer) => {
					for (const q of document.querySelectorAll('.question:not([elementtiming])')) {
						const inPicture = q.closest('#first-card-snapshot') !== null;
						q.setAttribute('elementtiming', inPicture ? 'picture' : 'own');
						if (inPicture) w.__pictureText = q.textContent?.trim();
						else {
							w.__ownText = q.textContent?.trim();
							observer.disconnect();
						}
					}
				}).observe(document, { childList: true, subtree: true });
			});
			await page.goto(studyPath);
			await page.getByRole('button', { name: 'Show answer' }).waitFor({ timeout: 60_000 });
			await page
				.waitForFunction(() => /** @type {any} */ (window).__own !== undefined, undefined, { timeout: 5_000 })
				.catch(() => undefined);
			const seen = await page.evaluate(() => {
				const w = /** @type {any} */ (window);
				return { picture: w.__picture, own: w.__own, pictureText: w.__pictureText, ownText: w.__ownText };
			});
			if (seen.pictureText !== undefined) {
				pictures++;
				if (seen.pictureText === seen.ownText) same++;
				if (seen.picture !== undefined) times.picture.push(seen.picture);
			}
			if (seen.own !== undefined) times.own.push(seen.own);
			await context.close();
		}
	} finally {
		await browser.close();
	}
	const ms = (/** @type {number[]} */ xs) => (xs.length ? `${median(xs).toFixed(0)} ms (${range(xs)})` : '—');
	print('first card painted from the page (first visit)', ms(times.picture), `${pictures}/${runs} runs`);
	print('  … the same card the app then showed', `${same}/${pictures}`, same === pictures ? 'met' : 'MISSED');
	print('  … the app shows its own card', ms(times.own), '');
	if (same !== pictures) fail();
}
