/**
 * Runs while the route shells are prerendered (a static build: no server at run time). Two small scripts are
 * written inline, so that they wait for no request (issue 13); their hashes are in the CSP (svelte.config.js):
 * - every page: static/register-sw.js in place of its <script src> (the worker is registered with no request to
 *   wait for, not once a busy main thread gets to an async script; on a study link's first visit once its card
 *   is on screen);
 * - the study shell: $lib/pwa/first-card-paint.js first in <body>, which paints the last session's next card
 *   before the app has loaded (src/lib/pwa/first-card-snapshot.ts), the module preloads after it, the worker's
 *   registration at the end of <body> (the manifest's link stays in the <head>), and the list of what the
 *   service worker installs for a first offline study ($lib/pwa/study-shell.server.ts). No other page carries
 *   it. Before the painter, a JSON data block (never run) with each shipped deck's first card as the study
 *   screen will show it on a first visit ($lib/pwa/first-visit-cards.server.ts), which the painter paints when
 *   nothing of Kartka is stored yet.
 * In development the pages stay as they are (Vite serves the worker as a module; the app registers it).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dev } from '$app/environment';
import { base } from '$app/paths';
import type { Handle } from '@sveltejs/kit';
import type { Snippet } from 'svelte';
import { render } from 'svelte/server';
import firstCardPaint from '$lib/pwa/first-card-paint.js?raw';
import { completeModulePreloads, staticClosure, type ClientManifest } from '$lib/pwa/module-preloads.server';
import { shippedFirstVisitData } from '$lib/pwa/first-visit-cards.server';
import { afterFirstCardFiles, layOutStudyShell } from '$lib/pwa/study-shell.server';
import Layout from './routes/+layout.svelte';
import registerSw from '../static/register-sw.js?raw';

const REGISTER_SW_TAG = /<script src="[^"]*\/register-sw\.js" async><\/script>/;
const REGISTRATION = `<script>${registerSw}</script>`;
/** A study link's first visit registers the worker once its card is on screen (static/register-sw.js says why). */
const STUDY_REGISTRATION = `<script data-wait-for-screen>${registerSw}</script>`;
/**
 * Home's first frame is the whole deck list, not an empty page or the header alone (issue 13;
 * docs/performance.md, session 9): rendering waits until the parser has inserted #decks-end, after the list
 * (Chromium unblocks when the element is inserted, so it must come after the content). Without it Chromium
 * painted a frame between <head> and <body>, and the list's parse, layout and paint then ran as tasks after the
 * first paint. Written into the prerendered page only, so a client-side navigation never waits on it; browsers
 * without `rel=expect` ignore it.
 */
const HOME_FIRST_FRAME = '<link rel="expect" href="#decks-end" blocking="render">';
/** Vite's client manifest: written by the client build, before the shells are prerendered. */
const CLIENT_MANIFEST = '.svelte-kit/output/client/.vite/manifest.json';

let manifest: ClientManifest | null = null;
let precacheFiles: string[] | null = null;

function clientManifest(): ClientManifest {
	manifest ??= JSON.parse(readFileSync(join(process.cwd(), CLIENT_MANIFEST), 'utf8')) as ClientManifest;
	return manifest;
}

/**
 * The schema's version ladder (db/schema/ladder.ts): loaded only to open a database stored by an older version,
 * so the first start after an update that adds a schema version needs it, perhaps offline: the worker
 * installs it with the study shell (the install and every update read study.html's precache list).
 */
const SCHEMA_LADDER_SRC = 'src/lib/db/schema/ladder.ts';

/**
 * The scheduler's, sanitizer's and schema ladder's files (read once per build); a build without them must not
 * pass unseen.
 */
function studyPrecacheFiles(): string[] {
	if (precacheFiles) return precacheFiles;
	const built = clientManifest();
	const ladder = built[SCHEMA_LADDER_SRC]?.file;
	if (!ladder) throw new Error(`No ${SCHEMA_LADDER_SRC} chunk in ${CLIENT_MANIFEST}`);
	const afterFirstCard = afterFirstCardFiles(built);
	if (afterFirstCard.length === 0) throw new Error(`No deck-scheduler chunk in ${CLIENT_MANIFEST}`);
	precacheFiles = [...new Set([...afterFirstCard, ...staticClosure(built, [ladder])])].sort();
	return precacheFiles;
}

/**
 * The layout's header as the study screen shows it (no link is the current page there), rendered by the
 * layout itself for the first-visit picture of the study screen (pwa/first-visit-cards.server.ts). The layout
 * reads `page.url` ($app/state), which on the server comes from SvelteKit's request context.
 */
function studyHeader(): string {
	const context = new Map([['__request__', { page: { url: new URL(`http://localhost${base}/study`) } }]]);
	// The page's own content is not wanted: an empty snippet (Svelte's server snippets take the renderer).
	const children = (() => undefined) as unknown as Snippet;
	const { body } = render(Layout, { props: { children }, context });
	const header = /<header\b[\s\S]*?<\/header>/.exec(body)?.[0];
	if (!header) throw new Error('No <header> in the layout: the first-visit picture needs it');
	return header.replace(/<!--[\s\S]*?-->/g, '');
}

let firstVisitData: string | null = null;

export const handle: Handle = ({ event, resolve }) => {
	if (dev) return resolve(event);
	const study = event.url.pathname === `${base}/study`;
	return resolve(event, {
		transformPageChunk: ({ html }) => {
			const registration = study ? STUDY_REGISTRATION : REGISTRATION;
			const registered = html.replace(REGISTER_SW_TAG, () => registration);
			// The page's own links say how a path under the app is written from here (`./` at the root).
			const prefix = /href="([^"]*?)_app\/immutable\//.exec(registered)?.[1] ?? './';
			const page = completeModulePreloads(registered, clientManifest(), prefix);
			if (event.url.pathname === `${base}/`) return page.replace('</head>', `${HOME_FIRST_FRAME}</head>`);
			if (!study) return page;
			firstVisitData ??= shippedFirstVisitData(studyHeader(), Date.now());
			return layOutStudyShell(
				page,
				firstCardPaint,
				studyPrecacheFiles(),
				prefix,
				registration,
				firstVisitData
			);
		}
	});
};
