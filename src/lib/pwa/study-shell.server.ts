/**
 * How the prerendered study shell (study.html) is laid out for an offline cold start (issue 13: offline
 * navigation → first card painted ≤ 300 ms at 4× CPU). Pure string work on the HTML SvelteKit wrote, used by
 * src/hooks.server.ts at build time; unit-tested in tests/pwa/study-shell.test.ts.
 *
 * - The first-card painter (first-card-paint.js) goes at the top of the <head>'s assets, before any
 *   stylesheet: a script after a stylesheet waits until that stylesheet has loaded, and then for its turn
 *   behind the ~30 module preloads the browser is compiling.
 * - The stylesheets come next, before the ~30 module preloads: the browser asks the service worker for them
 *   first, and nothing can be painted before they are there. (The preloads stay in the <head>: moved to the
 *   end of <body>, the card was painted sooner still, but the app's code was fetched later and the card became
 *   answerable ~30% later: docs/performance.md.)
 * - A `<meta name="kartka-precache">` lists the modules the study screen imports only after its first card
 *   (the scheduler, ts-fsrs; the card sanitizer for cloze and HTML cards). They are not first-paint code
 *   (no modulepreload), but the service worker caches them when it installs (pageAssetUrls in
 *   precache-plan.ts), so a student's first study offline, right after the first visit, can answer.
 */

import { staticClosure, type ClientManifest } from './module-preloads.server';

/** The `<meta>` whose `content` lists, space-separated, more files the service worker installs with the page. */
export const PRECACHE_META = 'kartka-precache';

/**
 * Modules the study screen loads after its first card, which a first offline study needs: the deck scheduler
 * (shared chunk named after its first module), the card sanitizer, undo and the revision bookkeeping of an
 * undo, the end-of-session summary, the code that keeps the card on screen as the next start's copy, and "Study all"'s
 * queue over a group's decks.
 */
const AFTER_FIRST_CARD = [
	/^src\/lib\/domain\/deck-scheduler\.ts$/,
	/^src\/lib\/components\/card-purifier\.ts$/,
	/^src\/lib\/db\/sync-log-revs\.repo\.ts$/,
	/^src\/lib\/db\/review-undo\.repo\.ts$/,
	/^src\/lib\/components\/SessionSummary\.svelte$/,
	/^src\/lib\/pwa\/first-card-snapshot\.ts$/,
	/^src\/lib\/services\/group-study\.service\.ts$/
];
const AFTER_FIRST_CARD_NAMES = new Set([
	'deck-scheduler',
	'card-purifier',
	'sync-log-revs.repo',
	'review-undo.repo',
	'SessionSummary',
	'first-card-snapshot',
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

const linkTags = (rel: string) => new RegExp(`[ \\t]*<link\\b[^>]*\\brel="${rel}"[^>]*>\\n?`, 'g');
const STYLESHEET = linkTags('stylesheet');
const FIRST_ASSET = /[ \t]*<link\b[^>]*\brel="(?:modulepreload|stylesheet)"[^>]*>/;

/**
 * The study shell with the painter first among the head's assets, then the stylesheets and the precache list,
 * then the rest (the module preloads). `assetsPrefix` is how the page's own links start (`./` in a prerendered
 * page at the root).
 */
export function layOutStudyShell(
	html: string,
	painter: string,
	precacheFiles: readonly string[],
	assetsPrefix: string
): string {
	const head = html.indexOf('</head>');
	if (head < 0) return html;
	const headHtml = html.slice(0, head);
	const sheets = (headHtml.match(STYLESHEET) ?? []).map((tag) => tag.trim());
	const meta =
		precacheFiles.length > 0
			? `<meta name="${PRECACHE_META}" content="${precacheFiles.map((f) => assetsPrefix + f).join(' ')}">`
			: '';
	const first = [`<script>${painter}</script>`, ...sheets, meta].filter(Boolean).join('\n\t\t');
	const at = FIRST_ASSET.exec(headHtml)?.index ?? headHtml.length;
	const strip = (part: string) => part.replace(STYLESHEET, '');
	return `${strip(headHtml.slice(0, at))}\t\t${first}\n${strip(headHtml.slice(at))}${html.slice(head)}`;
}
