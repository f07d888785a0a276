// Debian's Chromium as every browser run here starts it: the browser tests (tests/e2e/browser.ts), the benches
// (bench/run.js) and the audit (scripts/audit*.js). Run as root, with no network access to Google services.

export const CHROMIUM_PATH = process.env.CHROME_PATH ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The phone every browser test and audit part emulates: 390×844 CSS pixels, 2× density, touch. */
export const PHONE = {
	viewport: { width: 390, height: 844 },
	deviceScaleFactor: 2,
	isMobile: true,
	hasTouch: true
};

export const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run'
];
