#!/usr/bin/env node
// Renders Kartka's app icons (PNG) from the SVG artwork below with Debian's Chromium, so the icons are
// reproducible from source. Run after changing the artwork: node scripts/make-icons.js
//   static/icons/icon-192.png, icon-512.png   "any" purpose: rounded tile, transparent corners
//   static/icons/maskable-512.png            full-bleed background, artwork inside the 80% safe zone
//   static/apple-touch-icon.png (180)        full-bleed, opaque (iOS draws its own rounded corners)
import { chromium } from 'playwright-core';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const BLUE = '#1f4e79';

/**
 * The cards, drawn in a 64×64 box; `scale` shrinks them around the centre (for safe zones).
 * @param {number} scale
 */
function artwork(scale) {
	return `<g transform="translate(32 32) scale(${scale}) translate(-32 -32)">
		<rect x="17" y="13" width="34" height="26" rx="4" fill="#8cc4ff" transform="rotate(-9 34 26)"/>
		<rect x="12" y="22" width="38" height="29" rx="4" fill="#ffffff"/>
		<path d="M19 33h24M19 40h14" stroke="${BLUE}" stroke-width="4" stroke-linecap="round"/>
	</g>`;
}

const ICONS = [
	{ file: 'static/icons/icon-192.png', size: 192, tile: 'rounded', scale: 1 },
	{ file: 'static/icons/icon-512.png', size: 512, tile: 'rounded', scale: 1 },
	// Maskable: the launcher may crop to a circle of 80% diameter; the cards span ~40/64, scaled to fit inside.
	{ file: 'static/icons/maskable-512.png', size: 512, tile: 'full', scale: 0.78 },
	{ file: 'static/apple-touch-icon.png', size: 180, tile: 'full', scale: 0.9 }
];

/** @param {{ size: number; tile: string; scale: number }} icon */
function svg({ size, tile, scale }) {
	const bg =
		tile === 'rounded'
			? `<rect width="64" height="64" rx="14" fill="${BLUE}"/>`
			: `<rect width="64" height="64" fill="${BLUE}"/>`;
	return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" width="${size}" height="${size}">${bg}${artwork(scale)}</svg>`;
}

const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
	args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run']
});
try {
	for (const icon of ICONS) {
		const page = await browser.newPage({
			viewport: { width: icon.size, height: icon.size },
			deviceScaleFactor: 1
		});
		await page.setContent(
			`<!doctype html><style>html,body{margin:0;background:transparent}svg{display:block}</style>${svg(icon)}`
		);
		await page.screenshot({ path: `${root}/${icon.file}`, omitBackground: icon.tile === 'rounded' });
		await page.close();
		console.log(`${icon.file} (${icon.size}×${icon.size})`);
	}
} finally {
	await browser.close();
}
