/**
 * Runs only while the route shells are prerendered (a static build: no server at run time). The study shell
 * gets $lib/pwa/first-card-paint.js inline at the top of <body>: it paints the last session's next card before
 * the app has loaded (src/lib/pwa/first-card-snapshot.ts). Inline, so it waits for no request; its hash is in
 * the CSP (svelte.config.js). No other page carries it.
 */
import { base } from '$app/paths';
import type { Handle } from '@sveltejs/kit';
import firstCardPaint from '$lib/pwa/first-card-paint.js?raw';

const APP_ROOT = '<div style="display: contents">';

export const handle: Handle = ({ event, resolve }) => {
	if (event.url.pathname !== `${base}/study`) return resolve(event);
	return resolve(event, {
		transformPageChunk: ({ html }) =>
			html.replace(APP_ROOT, () => `<script>${firstCardPaint}</script>\n\t\t${APP_ROOT}`)
	});
};
