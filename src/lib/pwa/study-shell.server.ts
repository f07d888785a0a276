/**
 * How the prerendered study shell (study.html) is laid out for an offline cold start (issue 13: offline
 * navigation → first card painted ≤ 300 ms at 4× CPU). Pure string work on the HTML SvelteKit wrote, used by
 * src/hooks.server.ts at build time; unit-tested in tests/pwa/study-shell.test.ts.
 *
 * - The first-card painter (first-card-paint.js) is the first thing in <body>: it puts the last session's card
 *   into the body at once, and the browser paints it at the parser's first pause. Before session 6 it sat in
 *   the <head> and waited for the parser to make <body>, which came only after the ~17 module preloads of the
 *   <head>: each costs the main thread a request (10–30 ms at 4× CPU), ~240 ms in all before the card could
 *   be painted (a Chrome trace, docs/performance.md). The page's styles are inline (svelte.config.js
 *   `inlineStyleThreshold`; the byte-budget test checks that no stylesheet is requested), so no stylesheet
 *   holds the script back.
 * - The module preloads come right after it, still before the app's boot script: the app's code is asked for
 *   as early as before, one frame later. (Moved after the boot script, in session 5, the app's code was
 *   fetched later and the card became answerable ~30% later: docs/performance.md.)
 * - A `<meta name="kartka-precache">` at the end of the <head> lists the modules the study screen imports only
 *   after its first card (the scheduler, ts-fsrs; the card sanitizer for cloze and HTML cards; undo, the
 *   summary). They are not first-paint code (no modulepreload), but the service worker caches them when it
 *   installs (pageAssetUrls in precache-plan.ts), so a student's first study offline, right after the first
 *   visit, can answer.
 */

import { staticClosure, type ClientManifest } from './module-preloads.server';

/** The `<meta>` whose `content` lists, space-separated, more files the service worker installs with the page. */
export const PRECACHE_META = 'kartka-precache';

/**
 * Modules the study screen loads after its first card, which a first offline study needs: the deck scheduler
 * (shared chunk named after its first module), the card sanitizer, the answer's sync record, undo and the
 * revision bookkeeping of an undo, the cloze renderer, the end-of-session summary, and "Study all"'s queue over a group's decks.
 */
const AFTER_FIRST_CARD = [
	/^src\/lib\/domain\/deck-scheduler\.ts$/,
	/^src\/lib\/components\/card-purifier\.ts$/,
	/^src\/lib\/domain\/card-render\.ts$/,
	/^src\/lib\/db\/sync-tracking\.repo\.ts$/,
	/^src\/lib\/db\/sync-log-revs\.repo\.ts$/,
	/^src\/lib\/db\/review-undo\.repo\.ts$/,
	/^src\/lib\/components\/SessionSummary\.svelte$/,
	/^src\/lib\/services\/group-study\.service\.ts$/
];
const AFTER_FIRST_CARD_NAMES = new Set([
	'deck-scheduler',
	'card-purifier',
	'card-render',
	'sync-tracking.repo',
	'sync-log-revs.repo',
	'review-undo.repo',
	'SessionSummary',
	'group-study.service'
]);

/**
 * The built files (paths under the app, e.g. `_app/immutable/chunks/X.js`) of the modules above and of every
 * module they import, with their components' stylesheets (the summary's: loaded with it, so needed offline),
 * from Vite's client manifest.
 */
export function afterFirstCardFiles(manifest: ClientManifest): string[] {
	const wanted = Object.entries(manifest)
		.filter(
			([key, chunk]) =>
				AFTER_FIRST_CARD.some((re) => re.test(chunk.src ?? key)) ||
				(chunk.src === undefined && AFTER_FIRST_CARD_NAMES.has(chunk.name ?? ''))
		)
		.map(([, chunk]) => chunk.file);
	const files = staticClosure(manifest, wanted);
	const byFile = new Map(Object.values(manifest).map((chunk) => [chunk.file, chunk]));
	const css = files.flatMap((file) => byFile.get(file)?.css ?? []);
	return [...new Set([...files, ...css])].sort();
}

const MODULE_PRELOAD = /[ \t]*<link\b[^>]*\brel="modulepreload"[^>]*>\n?/g;
const BODY_OPEN = /<body\b[^>]*>\n?/;

/**
 * The study shell with the painter first in <body>, then the module preloads (moved from the <head>); at the
 * end of <body>, after the app's boot script, `after` (the service worker's registration: moved from the
 * <head>, 7–50 ms of main thread at 4× CPU that ran before the card's frame, in the <head> and then right
 * after the painter until session 10; a first visit registers only once the card is on screen, since session
 * 11). The manifest's link stays in the <head>: Chromium looks for it only there (moved to the <body>, the
 * page was no longer installable). The precache list at the end of the <head>. `firstVisitData` (the shipped
 * decks' first cards, pwa/first-visit-cards.server.ts) comes right before the painter, which reads it.
 * `assetsPrefix` is how the page's own links start (`./` in a prerendered page at the root).
 */
export function layOutStudyShell(
	html: string,
	painter: string,
	precacheFiles: readonly string[],
	assetsPrefix: string,
	after?: string,
	firstVisitData = ''
): string {
	const head = html.indexOf('</head>');
	const body = BODY_OPEN.exec(html);
	if (head < 0 || !body || body.index < head) return html;
	const moved = after !== undefined && html.slice(0, head).includes(after) ? after : null;
	const headHtml = moved === null ? html.slice(0, head) : html.slice(0, head).replace(moved, '');
	const preloads = (headHtml.match(MODULE_PRELOAD) ?? []).map((tag) => tag.trim());
	const meta =
		precacheFiles.length > 0
			? `\t\t<meta name="${PRECACHE_META}" content="${precacheFiles.map((f) => assetsPrefix + f).join(' ')}">\n`
			: '';
	const first = [...(firstVisitData ? [firstVisitData] : []), `<script>${painter}</script>`, ...preloads]
		.map((tag) => `\t\t${tag}\n`)
		.join('');
	const afterBody = body.index + body[0].length;
	return (
		headHtml.replace(MODULE_PRELOAD, '') +
		meta +
		html.slice(head, afterBody) +
		(body[0].endsWith('\n') ? '' : '\n') +
		first +
		(moved === null ? html.slice(afterBody) : endOfBody(html.slice(afterBody), moved))
	);
}

/** `tag` as the last thing in <body> (after the app's boot script), or at the end if there is no `</body>`. */
function endOfBody(rest: string, tag: string): string {
	const end = rest.lastIndexOf('</body>');
	return end < 0 ? `${rest}\t\t${tag}\n` : `${rest.slice(0, end)}\t${tag}\n\t${rest.slice(end)}`;
}
