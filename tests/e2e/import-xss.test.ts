// Hostile card HTML: an Anki deck whose fields hold XSS payloads (script tags, event handlers, javascript:
// links, SVG, iframe srcdoc, CSS expressions, mutation-XSS strings…) is imported and every card studied
// through the real study screen in Chromium. No payload runs (a global flag any of them would set stays
// unset, and no dialog opens), while bold, italics, lists, data: images and stored images survive.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { collectPageErrors, launchChromium, newPhoneContext, screenshot } from './browser';
import { buildApkg, RED_PNG, type BuiltNote } from '../helpers/apkg-builder';
import { CARD_HTML_TAGS } from '../../src/lib/components/card-html-policy';

const DATA_PNG = `data:image/png;base64,${Buffer.from(RED_PNG).toString('base64')}`;
const SVG_B64 = Buffer.from(
	'<svg xmlns="http://www.w3.org/2000/svg" onload="top.__xss=\'svgdata\'"><script>top.__xss="svgscript"</script></svg>'
).toString('base64');

/** Each sets window.__xss (directly, or through parent/top from a frame) if it ever runs. */
export const PAYLOADS = [
	`<script>window.__xss='script'</script>`,
	`<img src=x onerror="window.__xss='img-onerror'">`,
	`<svg onload="window.__xss='svg-onload'"><circle r=5></circle></svg>`,
	`<svg><script>window.__xss='svg-script'</script></svg>`,
	`<iframe srcdoc="<script>parent.__xss='srcdoc'</script>"></iframe>`,
	`<a href="javascript:window.__xss='js-link'">tap me</a>`,
	`<a href="&#106;avascript:window.__xss='encoded-link'">tap me too</a>`,
	`<div style="background:url(javascript:window.__xss='css-url')">css url</div>`,
	`<div style="width: expression(window.__xss='css-expression')">css expression</div>`,
	`<style>@import 'javascript:window.__xss="css-import"'; body{background:url("javascript:window.__xss='css-bg'")}</style>`,
	`<math><mtext><table><mglyph><style><img src=x onerror="window.__xss='mxss-mglyph'">`,
	`<noscript><p title="</noscript><img src=x onerror=window.__xss='mxss-noscript'>">`,
	`<form><math><mtext></form><form><mglyph><svg><mtext><style><path id="</style><img onerror=window.__xss='mxss-form' src>">`,
	`<svg></p><style><a id="</style><img src=1 onerror=window.__xss='mxss-svg-style'>">`,
	`<object data="javascript:window.__xss='object'"></object>`,
	`<embed src="data:text/html,<script>parent.__xss='embed'</script>">`,
	`<details open ontoggle="window.__xss='ontoggle'"><summary>x</summary></details>`,
	`<input autofocus onfocus="window.__xss='autofocus'">`,
	`<video><source onerror="window.__xss='video-source'"></video>`,
	`<audio src=x onerror="window.__xss='audio-onerror'" controls></audio>`,
	`<img src="data:image/svg+xml;base64,${SVG_B64}">`,
	`<meta http-equiv="refresh" content="0;url=javascript:window.__xss='meta-refresh'">`,
	`<base href="javascript:window.__xss='base'//"><a href="x">base link</a>`,
	`<svg><animate onbegin="window.__xss='animate'" attributeName="x" dur="1s"></animate></svg>`,
	`<template><img src=x onerror="window.__xss='template'"></template>`,
	`<xss onpointerenter="window.__xss='pointerenter'" onclick="window.__xss='onclick'">tap this</xss>`,
	`<img src="cell.png" onerror="window.__xss='media-onerror'" onload="window.__xss='media-onload'">`,
	`[sound:x.mp3" onerror="window.__xss='sound-attr'] and [sound:<img src=x onerror=window.__xss='sound-tag'>]`,
	`<div data-x="&lt;img src=x onerror=window.__xss='entity'&gt;">entity</div>`,
	`<p>x</p><!--<img src=x onerror="window.__xss='comment'">-->`
];

const BENIGN = [
	'<b>bold-ok</b> and <i>italic-ok</i>',
	'<ul><li>list-one</li><li>list-two</li></ul>',
	`<img alt="data-image" src="${DATA_PNG}">`,
	'<img alt="stored-image" src="cell.png">',
	'[sound:ding.wav]'
];

/** A valid, silent 8-sample WAV file. */
function wav(): Uint8Array {
	const b = Buffer.alloc(44 + 8);
	b.write('RIFF', 0);
	b.writeUInt32LE(36 + 8, 4);
	b.write('WAVEfmt ', 8);
	b.writeUInt32LE(16, 16);
	b.writeUInt16LE(1, 20);
	b.writeUInt16LE(1, 22);
	b.writeUInt32LE(8000, 24);
	b.writeUInt32LE(8000, 28);
	b.writeUInt16LE(1, 32);
	b.writeUInt16LE(8, 34);
	b.write('data', 36);
	b.writeUInt32LE(8, 40);
	b.fill(128, 44);
	return new Uint8Array(b);
}

const ALLOWED_IN_CARDS = CARD_HTML_TAGS;

let browser: Browser;
beforeAll(async () => {
	browser = await launchChromium();
});
afterAll(async () => {
	await browser?.close();
});

async function flag(page: Page): Promise<unknown> {
	return page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss ?? null);
}

describe('hostile card HTML', () => {
	it(`imports ${PAYLOADS.length} XSS payloads and studies every card: none runs, safe formatting survives`, async () => {
		expect(PAYLOADS.length).toBeGreaterThanOrEqual(20);
		const fields = [...PAYLOADS, ...BENIGN];
		const notes: BuiltNote[] = [];
		for (let i = 0; i < fields.length; i += 2) {
			notes.push({ guid: `x${i}`, front: `Q${i}: ${fields[i]}`, back: `A${i}: ${fields[i + 1] ?? 'end'}` });
		}
		expect(notes.length).toBeLessThanOrEqual(20); // all are new cards of one study day
		const apkg = await buildApkg({
			deckName: 'Hostile',
			notes,
			media: [
				{ name: 'cell.png', bytes: RED_PNG },
				{ name: 'ding.wav', bytes: wav() }
			]
		});

		const context = await newPhoneContext(browser);
		const page = await context.newPage();
		const errors = collectPageErrors(page);
		const dialogs: string[] = [];
		page.on('dialog', (d) => {
			dialogs.push(d.message());
			void d.dismiss();
		});
		const requests: string[] = [];
		page.on('request', (r) => requests.push(r.url()));

		await page.goto('/import');
		await page.getByLabel('Choose a file').setInputFiles({
			name: 'hostile.apkg',
			mimeType: 'application/octet-stream',
			buffer: Buffer.from(apkg)
		});
		await page.getByRole('heading', { name: /Preview of/ }).waitFor();
		await page.locator('.preview-card').first().hover();
		expect(await flag(page)).toBeNull();
		await page.getByRole('button', { name: 'Import', exact: true }).click();
		await page.getByRole('link', { name: 'Study Hostile' }).click();

		const seen = new Set<string>();
		let sawBold = false,
			sawList = false,
			sawDataImage = false,
			sawStoredImage = false,
			sawSound = false;
		for (let n = 0; n < notes.length; n++) {
			const show = page.getByRole('button', { name: 'Show answer' });
			await show.waitFor();
			const card = page.locator('article.card');
			await card.hover();
			await card.click({ position: { x: 5, y: 5 } });
			await page.getByRole('button', { name: 'Show answer' }).click();
			await page.getByRole('button', { name: 'Good', exact: true }).waitFor();
			await card.hover();
			for (const el of await card.locator('xss, a, details, summary').all())
				await el.click({ force: true }).catch(() => undefined);
			await page.waitForTimeout(150); // let onload/onerror/animations fire if anything was let through
			expect(await flag(page), `card ${n}`).toBeNull();
			const html = await card.innerHTML();
			seen.add((/Q(\d+):/.exec(await card.locator('.question').innerText()) ?? [])[1] ?? '?');
			sawBold ||=
				(await card.locator('b', { hasText: 'bold-ok' }).count()) > 0 &&
				(await card.locator('i', { hasText: 'italic-ok' }).count()) > 0;
			sawList ||= (await card.locator('ul > li', { hasText: 'list-two' }).count()) > 0;
			sawDataImage ||= (await card.locator('img[alt="data-image"][src^="data:image/png"]').count()) > 0;
			if ((await card.locator('audio[aria-label="Play ding.wav"]').count()) > 0) {
				await expect.poll(() => card.locator('audio').first().getAttribute('src')).toMatch(/^blob:/);
				sawSound = true;
			}
			if ((await card.locator('img[alt="stored-image"]').count()) > 0) {
				await expect
					.poll(() => card.locator('img[alt="stored-image"]').getAttribute('src'))
					.toMatch(/^blob:/);
				sawStoredImage = true;
			}
			// Inside the card's content: only allowed elements, no event handlers, no script URLs.
			const found = await card.evaluate((root) =>
				[...root.querySelectorAll('.question *, .answer *, .extra *')].map((el) => ({
					tag: el.tagName.toLowerCase(),
					attrs: [...el.attributes].map((a) => [a.name, a.value])
				}))
			);
			for (const { tag, attrs } of found) {
				expect(ALLOWED_IN_CARDS, html).toContain(tag);
				for (const [name, value] of attrs) {
					expect(name, html).not.toMatch(/^on/i);
					if (['src', 'href', 'action', 'formaction', 'data', 'xlink:href'].includes(name!))
						expect(value).toMatch(/^(blob:|data:image\/(png|jpe?g|gif|webp);)/);
				}
			}
			if (n === 0) await screenshot(page, 'import-xss-card');
			await page.getByRole('button', { name: 'Good', exact: true }).click();
		}
		expect(seen.size).toBe(notes.length);
		expect({ sawBold, sawList, sawDataImage, sawStoredImage, sawSound }).toEqual({
			sawBold: true,
			sawList: true,
			sawDataImage: true,
			sawStoredImage: true,
			sawSound: true
		});
		expect(await flag(page)).toBeNull();
		expect(dialogs).toEqual([]);
		// Card content never makes the app fetch anything from elsewhere.
		expect(
			requests.filter((u) => !u.startsWith(new URL(page.url()).origin) && !/^(blob|data):/.test(u))
		).toEqual([]);
		expect(errors).toEqual([]);
		await context.close();
	});
});
