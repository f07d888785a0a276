// Issue 12: the Content-Security-Policy is in force in the built app. If the sanitizer ever let a script
// through (simulated here by writing straight into the card, bypassing sanitizeHtml), the browser neither
// runs it nor its inline handlers, and reports a violation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { collectPageErrors, launchChromium, newPhoneContext } from './browser';

let browser: Browser;
beforeAll(async () => {
	browser = await launchChromium();
});
afterAll(async () => {
	await browser?.close();
});

describe('Content-Security-Policy', () => {
	it('blocks a script injected into a card and reports the violation; the app itself runs', async () => {
		const context = await newPhoneContext(browser);
		const page = await context.newPage();
		const errors = collectPageErrors(page);
		const response = await page.goto('/');
		expect(response?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
		await expect.poll(() => page.getByRole('heading', { name: 'Your decks' }).isVisible()).toBe(true);
		await page
			.getByRole('button', { name: /^Study / })
			.first()
			.tap();
		await page.getByRole('button', { name: 'Show answer' }).waitFor();

		const outcome = await page.evaluate(async () => {
			const w = window as unknown as Record<string, unknown>;
			const violations: string[] = [];
			document.addEventListener('securitypolicyviolation', (e) =>
				violations.push(`${e.effectiveDirective} ${e.blockedURI}`)
			);
			const question = document.querySelector('article.card .question')!;
			// The "sanitizer bypass": markup written into the card as is.
			question.insertAdjacentHTML(
				'beforeend',
				'<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" onload="window.__kartkaPwned = 1" onerror="window.__kartkaPwned = 2">'
			);
			const script = document.createElement('script');
			script.textContent = 'window.__kartkaPwned = 3';
			question.append(script);
			const remote = document.createElement('script');
			remote.src = 'https://example.com/evil.js';
			question.append(remote);
			await new Promise((ok) => setTimeout(ok, 500));
			return { pwned: w.__kartkaPwned ?? null, violations };
		});
		expect(outcome.pwned).toBeNull();
		expect(outcome.violations.some((v) => v.startsWith('script-src'))).toBe(true);
		expect(outcome.violations.length).toBeGreaterThanOrEqual(2);
		// The app still works under the policy: the answer shows.
		await page.getByRole('button', { name: 'Show answer' }).tap();
		await expect.poll(() => page.locator('article.card .answer').isVisible()).toBe(true);
		expect(errors).toEqual([]);
		await context.close();
	});
});
