import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { CSP_DIRECTIVES } from './scripts/security-headers.js';

// The two scripts src/hooks.server.ts writes inline into the shells (this exact text): allowed by their hashes.
const inlineScriptHashes = ['./static/register-sw.js', './src/lib/pwa/first-card-paint.js'].map((path) => {
	const text = readFileSync(new URL(path, import.meta.url), 'utf8');
	return `sha256-${createHash('sha256').update(text).digest('base64')}`;
});

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// Every route is prerendered as an empty shell (ssr is off), so each deep link
		// has its own HTML file that the static server and the service worker can serve.
		adapter: adapter({ pages: 'build', assets: 'build', fallback: '404.html', strict: true }),
		// A stable version: an unchanged app must not look like an update to the service worker.
		version: { name: process.env.KARTKA_VERSION ?? pkg.version },
		// Stylesheets up to this size (characters) are written into each page's <head> (issue 13: LCP): a first
		// visit paints without waiting for a CSS request, which on slow 4G queued behind the page's scripts.
		// A first visit's styles are one file (scripts/first-visit-chunks.js), ~8.7 kB (2.5 kB gzip). SvelteKit
		// keeps a disabled <link> of each inlined file, so the study screen's first-card paint still checks
		// the build's stylesheets by their names. CSP: style-src already allows inline styles.
		inlineStyleThreshold: 10_000,
		// Registered through workbox-window in src/lib/pwa, not by SvelteKit.
		serviceWorker: { register: false },
		// A Content-Security-Policy in every prerendered shell (<meta>), with hashes of SvelteKit's inline boot
		// script: card HTML is sanitized, and this is the second wall (scripts/security-headers.js says why each
		// directive is what it is; the HTTP header part is in static/_headers and scripts/serve.js).
		csp: {
			mode: 'hash',
			directives: /** @type {any} */ ({
				...CSP_DIRECTIVES,
				'script-src': [...(CSP_DIRECTIVES['script-src'] ?? []), ...inlineScriptHashes]
			})
		}
	}
};

export default config;
