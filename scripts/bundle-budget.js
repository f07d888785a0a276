// Byte budgets of the built app (issue 13): the JavaScript a first visit loads, gzip -6, computed from the
// build output itself (no browser, no timing), so the same build always gives the same figures.
//
// What a route loads on a first visit:
//   - the scripts its prerendered HTML file preloads (`<link rel="modulepreload">`: SvelteKit lists the whole
//     static import closure of the entry, the layout and the page there), and
//   - the dynamic imports those chunks make at start-up (workbox-window, the shipped deck files), followed
//     through Vite's manifest of the same build. Route nodes (other screens) and the modules loaded only on a
//     user action (ON_DEMAND: the import parsers, sql.js, the optimizer) are not part of a first visit.
//   - apart: what a first visit loads only once the screen is painted (AFTER_FIRST_PAINT: the status dock
//     once the page is ready, the scheduler once the first card is on screen), with a budget of its own.
// Shipped deck files are data: counted apart ("deck data"), not against the app budgets.
// Used by tests/e2e/bundle-budget.test.ts (fails over budget, listing the chunks) and scripts/audit.js.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Budgets in bytes (1 KB = 1000 bytes, as Lighthouse and the build log count). */
export const BUDGETS = {
	home: 80_000,
	homeAndStudy: 90_000,
	/** What any other screen adds to what home already loaded. */
	routeExtra: 40_000,
	/** Home + study's code loaded after the first paint / first card (AFTER_FIRST_PAINT). */
	afterFirstPaint: 20_000
};

/**
 * Where a screen is not yet within its target (issue 13 is open), CI holds it at the size it has now (+2%),
 * so that nothing grows while the work goes on; lower a ceiling whenever its screen shrinks and delete it
 * once the screen meets its target. `npm run audit` prints every figure beside its target.
 */
export const CI_CEILINGS = {};

/** What CI holds a line to: its target, or its ratchet ceiling while the target is not met. */
export function ciLimit(/** @type {{ name: string; budget: number }} */ line) {
	return Math.max(line.budget, /** @type {Record<string, number>} */ (CI_CEILINGS)[line.name] ?? 0);
}

/** Modules imported only when the student acts (chooses a file, presses "Optimize"): not first-visit JS. */
export const ON_DEMAND = [
	/^src\/lib\/domain\/import\//,
	/^src\/lib\/services\/import\/parse/,
	/^src\/lib\/services\/optimizer\//,
	/^node_modules\/sql\.js\//,
	// workbox-window: only when an update is applied ("Reload to update").
	/^node_modules\/workbox-window\//,
	// The sync client: only once the student turns sync on (Settings → Sync).
	/^src\/lib\/services\/sync\//,
	// Readability: only when an HTML file is opened on the authoring screen.
	/^node_modules\/@mozilla\/readability\//,
	// uPlot: only when a chart is drawn.
	/^node_modules\/uplot\//,
	// Deck export (papaparse, the deck schema) and backups (fflate, the backup schema): only when the student
	// exports a deck or makes / reads a backup.
	/^src\/lib\/services\/export\/export\.service\.ts$/,
	/^src\/lib\/services\/backup\/backup\.service\.ts$/,
	/^src\/lib\/services\/anki-export\/apkg-export\.service\.ts$/,
	// The share link's QR code: only once the deck screen has a link to draw.
	/^src\/lib\/components\/import\/qr-code\.ts$/,
	// The text splitter (and papaparse) of the import screen's text preview: only once a text file is chosen
	// (src/lib/state/text-preview.svelte.ts). A shared chunk is named by its first module.
	/^(src\/lib\/domain\/import\/text-import\.ts|shared: text-import)$/,
	// Creating a deck from authored text goes through the import pipeline: only when the deck is created.
	/^src\/lib\/services\/authoring\/create-deck\.service\.ts$/,
	// DOMPurify: only once a card field contains markup (src/lib/components/safe-html.svelte.ts).
	/^src\/lib\/components\/card-purifier\.ts$/,
	// The cloze renderer: only for a cloze card, whose marks also wait for DOMPurify
	// (src/lib/state/card-session.svelte.ts). A shared chunk is named by its first module.
	/^(src\/lib\/domain\/card-render\.ts|shared: card-render)$/,
	// Shipped decks installed on the page: only where the installer worker cannot run (builtin-decks.client.ts).
	/^src\/lib\/services\/builtin-decks\.service\.ts$/,
	// "Study all" on a deck group (one queue over its decks): only when the study screen opens a group
	// (?group=), which loads it side by side with start-up (src/lib/state/review-session.svelte.ts); a deck's
	// study never loads it. Other screens that import it statically still count it.
	/^(src\/lib\/services\/group-study\.service\.ts|shared: group-study\.service)$/,
	// The schema's version ladder and its upgrade functions: only when the stored database is older than the
	// app (src/lib/db/db.ts); a first visit creates the database from schema/latest.ts.
	/^(src\/lib\/db\/schema\/ladder\.ts|shared: ladder)$/
];

/**
 * Modules a first visit imports only once the screen is painted: not JS before the first paint or the first
 * card (what the home and home + study budgets count), so counted on a line of their own.
 */
export const AFTER_FIRST_PAINT = [
	// The status dock and the watchers it starts: loaded in an idle moment once the page is ready
	// (src/routes/+layout.svelte).
	/^src\/lib\/components\/pwa\/AppStatus\.svelte$/,
	// ts-fsrs: the first card is shown without it; the answer buttons' intervals need it
	// (src/lib/services/deck-scheduling.service.ts `schedulerFor`). A chunk shared with other screens is
	// named by its first module (`shared: deck-scheduler`).
	/^(src\/lib\/domain\/deck-scheduler\.ts|shared: deck-scheduler)$/,
	// Undo's revision bookkeeping for sync (src/lib/db/sync-tracking.repo.ts `loadLogRevs`).
	/^(src\/lib\/db\/sync-log-revs\.repo\.ts|shared: sync-log-revs\.repo)$/,
	// The answer's sync record: fetched once the first card is on screen, before it can be answered
	// (src/lib/db/review.repo.ts `prefetchAnswerAndUndo`).
	/^(src\/lib\/db\/sync-tracking\.repo\.ts|shared: sync-tracking\.repo)$/,
	// Undo itself: on first use, fetched once the first card is on screen (src/lib/db/review.repo.ts).
	/^(src\/lib\/db\/review-undo\.repo\.ts|shared: review-undo\.repo)$/,
	// The end-of-session summary: once the study screen shows its first card (src/routes/study/+page.svelte).
	/^(src\/lib\/components\/SessionSummary\.svelte|shared: SessionSummary)$/
];

/** Source files that are shipped deck data, not code. */
const DECK_DATA = /^decks\/.*\.json$/;

/**
 * @typedef {{ file: string; imports?: string[]; dynamicImports?: string[]; isEntry?: boolean }} ManifestEntry
 * @typedef {{ file: string; bytes: number; source: string }} Chunk
 * @typedef {{ route: string; app: Chunk[]; decks: Chunk[]; later: Chunk[]; appBytes: number; deckBytes: number }} RouteLoad
 */

/** @param {string} path */
export function gzipBytes(path) {
	return gzipSync(readFileSync(path), { level: 6 }).length;
}

/**
 * Every prerendered route of a build ('/', '/study', ...) with its HTML file.
 * @param {string} buildDir
 * @returns {{ route: string; html: string }[]}
 */
export function routeFiles(buildDir) {
	/** @type {{ route: string; html: string }[]} */
	const out = [];
	const walk = (/** @type {string} */ dir) => {
		for (const entry of readdirSync(dir, { withFileTypes: true })) {
			const path = join(dir, entry.name);
			if (entry.isDirectory()) {
				if (entry.name !== '_app') walk(path);
			} else if (entry.name.endsWith('.html') && entry.name !== '404.html') {
				const route = `/${relative(buildDir, path)
					.replace(/\.html$/, '')
					.replace(/(^|\/)index$/, '')}`.replace(/(.)\/$/, '$1');
				out.push({ route, html: path });
			}
		}
	};
	walk(buildDir);
	return out.sort((a, b) => a.route.localeCompare(b.route));
}

/**
 * The build-relative paths ('_app/immutable/...js') a prerendered page preloads.
 * @param {string} html the page's text
 */
export function preloadedScripts(html) {
	const found = new Set();
	for (const [, href] of html.matchAll(/<link\s+href="([^"]+\.js)"\s+rel="modulepreload"/g))
		found.add((href ?? '').replace(/^(\.\/|\/)+/, '').replace(/^(\.\.\/)+/, ''));
	return [...found];
}

/**
 * @param {string} buildDir the adapter's output (build/)
 * @param {string} manifestPath Vite's manifest of the same build
 * @returns {{ routes: Map<string, RouteLoad>; sizes: Map<string, number> }}
 */
export function measureBuild(buildDir, manifestPath) {
	if (!existsSync(manifestPath)) throw new Error(`No Vite manifest at ${manifestPath}: build first.`);
	/** @type {Record<string, ManifestEntry>} */
	const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
	/** @type {Map<string, { key: string; entry: ManifestEntry }>} */
	const byFile = new Map(Object.entries(manifest).map(([key, entry]) => [entry.file, { key, entry }]));
	/** Route nodes: what the app entry imports dynamically (one per screen) are other screens, not start-up. */
	const routeNodes = new Set(
		Object.keys(manifest).filter((key) => /\/nodes\/\d+\.js$|error-template\.js$/.test(key))
	);
	const rootErrorPage = Object.entries(manifest).find(([key]) => /\/nodes\/1\.js$/.test(key))?.[1].file;
	/** @type {Map<string, number>} */
	const sizes = new Map();
	const size = (/** @type {string} */ file) => {
		if (!sizes.has(file)) sizes.set(file, gzipBytes(join(buildDir, file)));
		return /** @type {number} */ (sizes.get(file));
	};

	/** @type {Map<string, RouteLoad>} */
	const routes = new Map();
	for (const { route, html } of routeFiles(buildDir)) {
		/** @type {Set<string>} */
		const files = new Set();
		/** @type {Set<string>} */
		const later = new Set();
		const visit = (/** @type {string} */ file, /** @type {Set<string>} */ into) => {
			if (files.has(file) || into.has(file)) return;
			into.add(file);
			const entry = byFile.get(file)?.entry;
			for (const key of entry?.imports ?? []) if (manifest[key]) visit(manifest[key].file, into);
			for (const key of entry?.dynamicImports ?? []) {
				const target = manifest[key];
				if (!target || routeNodes.has(key)) continue;
				const source = sourceOf({ key, entry: target }, key);
				if (ON_DEMAND.some((re) => re.test(key) || re.test(source))) continue;
				const after = AFTER_FIRST_PAINT.some((re) => re.test(source));
				if (after) pending.push(target.file);
				else visit(target.file, into);
			}
		};
		/** @type {string[]} */
		const pending = [];
		for (const file of preloadedScripts(readFileSync(html, 'utf8'))) visit(file, files);
		// SvelteKit's client loads the root error page with the root layout as it starts, on every page, though
		// no modulepreload names it (the browser's count in scripts/audit.js has it).
		if (rootErrorPage) visit(rootErrorPage, files);
		// After the first paint: what is not already loaded before it.
		while (pending.length) visit(/** @type {string} */ (pending.pop()), later);
		const chunk = (/** @type {string} */ file) => ({
			file,
			bytes: size(file),
			source: sourceOf(byFile.get(file), file)
		});
		const chunks = [...files]
			.filter((file) => existsSync(join(buildDir, file)))
			.map(chunk)
			.sort((a, b) => b.bytes - a.bytes);
		const app = chunks.filter((c) => !DECK_DATA.test(c.source));
		const decks = chunks.filter((c) => DECK_DATA.test(c.source));
		routes.set(route, {
			route,
			app,
			decks,
			later: [...later]
				.filter((file) => !files.has(file) && existsSync(join(buildDir, file)))
				.map(chunk)
				.sort((a, b) => b.bytes - a.bytes),
			appBytes: sum(app),
			deckBytes: sum(decks)
		});
	}
	return { routes, sizes };
}

/**
 * What a chunk is: its source module, or for a shared chunk Vite's name for it, plus the libraries
 * recognised in its text (so a budget failure says "ts-fsrs" rather than a hash).
 * @param {{ key: string; entry: ManifestEntry & { name?: string } } | undefined} found
 * @param {string} file
 */
function sourceOf(found, file) {
	if (!found) return file;
	return found.key.startsWith('_') ? `shared: ${found.entry.name ?? found.key}` : found.key;
}

/** Libraries recognised by a string their minified code keeps. */
export const LIBRARY_MARKERS = {
	'ts-fsrs': 'FSRSError',
	dompurify: 'DOMPurify',
	zod: 'ZodError',
	dexie: 'DexieError',
	papaparse: 'Papa'
};

/**
 * Which of LIBRARY_MARKERS' libraries a set of chunks contains.
 * @param {string} buildDir @param {Chunk[]} chunks
 */
export function librariesIn(buildDir, chunks) {
	const text = chunks.map((c) => readFileSync(join(buildDir, c.file), 'utf8')).join('\n');
	return Object.entries(LIBRARY_MARKERS)
		.filter(([, marker]) => text.includes(marker))
		.map(([name]) => name);
}

/** @param {Chunk[]} chunks */
function sum(chunks) {
	return chunks.reduce((total, c) => total + c.bytes, 0);
}

/**
 * Each budget with its figure; `over` lists the chunks of a budget that is broken, biggest first.
 * @param {Map<string, RouteLoad>} routes
 * @returns {{ name: string; bytes: number; budget: number; chunks: Chunk[] }[]}
 */
export function budgetLines(routes) {
	const home = routes.get('/');
	const study = routes.get('/study');
	if (!home || !study) throw new Error('The build has no / or /study page.');
	const homeFiles = new Set(home.app.map((c) => c.file));
	const homeLater = new Set(home.later.map((c) => c.file));
	const union = [...home.app, ...study.app.filter((c) => !homeFiles.has(c.file))];
	const unionFiles = new Set(union.map((c) => c.file));
	/** @type {Map<string, Chunk>} */
	const later = new Map();
	for (const c of [...home.later, ...study.later]) if (!unionFiles.has(c.file)) later.set(c.file, c);
	const lines = [
		{ name: 'home, first visit', bytes: home.appBytes, budget: BUDGETS.home, chunks: home.app },
		{ name: 'home + study', bytes: sum(union), budget: BUDGETS.homeAndStudy, chunks: union },
		{
			name: 'home + study, after the first paint',
			bytes: sum([...later.values()]),
			budget: BUDGETS.afterFirstPaint,
			chunks: [...later.values()]
		}
	];
	for (const [route, load] of routes) {
		if (route === '/') continue;
		// Only home and study show their first paint / first card before these; other screens may wait for
		// them (what home loads after its paint is not extra either).
		const loaded = route === '/study' ? load.app : [...load.app, ...load.later];
		const extra = loaded.filter(
			(c) => !homeFiles.has(c.file) && (route === '/study' || !homeLater.has(c.file))
		);
		lines.push({
			name: `${route}: extra over home`,
			bytes: sum(extra),
			budget: BUDGETS.routeExtra,
			chunks: extra
		});
	}
	return lines;
}

/** @param {number} bytes */
export function kB(bytes) {
	return `${(bytes / 1000).toFixed(1)} kB`;
}

/**
 * A readable report of one broken budget: the figure and every chunk with its source module.
 * @param {{ name: string; bytes: number; budget: number; chunks: Chunk[] }} line
 */
export function describeOverBudget(line) {
	const list = line.chunks.map((c) => `    ${kB(c.bytes).padStart(9)}  ${c.file}  (${c.source})`).join('\n');
	return `${line.name}: ${kB(line.bytes)} gzip, budget ${kB(line.budget)}\n${list}`;
}
