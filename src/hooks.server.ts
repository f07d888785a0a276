/**
 * Runs only while the route shells are prerendered (a static build: no server at run time). The study shell
 * gets static/first-card.js at the top of <body>: it paints the last session's next card before the app has
 * loaded (src/lib/pwa/first-card-snapshot.ts). No other page loads it, so no other page waits for it.
 */
import { base } from '$app/paths';
import type { Handle } from '@sveltejs/kit';

const APP_ROOT = '<div style="display: contents">';

export const handle: Handle = ({ event, resolve }) => {
	if (event.url.pathname !== `${base}/study`) return resolve(event);
	return resolve(event, {
		transformPageChunk: ({ html }) =>
			html.replace(APP_ROOT, `<script src="${base}/first-card.js"></script>\n\t\t${APP_ROOT}`)
	});
};
