/**
 * Runs while the route shells are prerendered (a static build: no server at run time). Two small scripts are
 * written inline, so that they wait for no request (issue 13); their hashes are in the CSP (svelte.config.js):
 * - every page: static/register-sw.js in place of its <script src> (the worker is registered as the <head> is
 *   parsed, not once a busy main thread gets to an async script);
 * - the study shell: $lib/pwa/first-card-paint.js at the top of <body>, which paints the last session's next
 *   card before the app has loaded (src/lib/pwa/first-card-snapshot.ts). No other page carries it.
 * In development the pages stay as they are (Vite serves the worker as a module; the app registers it).
 */
import { dev } from '$app/environment';
import { base } from '$app/paths';
import type { Handle } from '@sveltejs/kit';
import firstCardPaint from '$lib/pwa/first-card-paint.js?raw';
import registerSw from '../static/register-sw.js?raw';

const APP_ROOT = '<div style="display: contents">';
const REGISTER_SW_TAG = /<script src="[^"]*\/register-sw\.js" async><\/script>/;

export const handle: Handle = ({ event, resolve }) => {
	if (dev) return resolve(event);
	const study = event.url.pathname === `${base}/study`;
	return resolve(event, {
		transformPageChunk: ({ html }) => {
			const page = html.replace(REGISTER_SW_TAG, () => `<script>${registerSw}</script>`);
			if (!study) return page;
			return page.replace(APP_ROOT, () => `<script>${firstCardPaint}</script>\n\t\t${APP_ROOT}`);
		}
	});
};
