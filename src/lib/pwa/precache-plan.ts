/**
 * What the service worker caches and how it answers each request. Pure functions (no `self`, no
 * caches) so that the routing rules are unit-tested; src/service-worker.ts only wires them to events.
 */
import { fnv1a } from '$lib/domain/text-hash';

/** Every Kartka cache starts with this, so activate can delete old versions without touching others' caches. */
export const CACHE_PREFIX = 'kartka-precache-';

/**
 * adapter-static's SPA fallback (svelte.config.js `fallback`). It is written after the service worker is
 * built, so it is not in `$service-worker`'s lists; it uses absolute asset paths, which makes it the right
 * shell for an unknown deep path such as /exam/plan/3 when offline.
 */
export const FALLBACK_SHELL = '/404.html';

export interface PrecacheInput {
	base: string;
	/** Vite's output: hashed JS, CSS, wasm and deck chunks under /_app/immutable/. */
	build: readonly string[];
	/** Files from static/: manifest, icons. */
	files: readonly string[];
	/** Every prerendered route shell, e.g. '/', '/study', '/settings'. */
	prerendered: readonly string[];
}

/**
 * The routes a student needs offline first: the deck list and studying a deck. Their HTML is cached when
 * the worker installs, their code at install or right after activation (FIRST_INSTALL_ROUTES); every other
 * screen (a deck's page, settings, import...), the import parsers, sql.js, the optimizer's wasm, icons and
 * the manifest are cached when first used or in the background once the first visit has settled
 * (`WARM_CACHE`), so the worker takes control of a first visit sooner (issue 13: ≤ 1.5 s at 4× CPU).
 */
export const SHELL_ROUTES = ['/', '/study'] as const;

/**
 * The shell routes whose code a first install holds before the worker takes control: the deck list, the
 * shell every screen starts from, whose code the page has just loaded (from the HTTP cache, no download).
 * The study screen's code (its modulepreloads and the files study.html lists for a first offline study)
 * follows right after activation, without waiting for the page (issue 13: a first visit is controlled
 * sooner; the study chunks were most of the install's downloads). An update installs everything first.
 */
export const FIRST_INSTALL_ROUTES = ['/'] as const;

/** Whether installing caches this shell page's code before the worker takes control (see FIRST_INSTALL_ROUTES). */
export function installsCodeOf(pageUrl: string, base: string, update: boolean): boolean {
	const page = shellKey(pageUrl, base);
	return update || FIRST_INSTALL_ROUTES.some((route) => shellKey(`${base}${route}`, base) === page);
}

/**
 * What installing fetches before anything else: the shell routes' HTML (their scripts from static/ are
 * inline: src/hooks.server.ts). Their code follows, read from their modulepreload links.
 */
export function shellUrls(input: PrecacheInput): string[] {
	const pages = new Set<string>(SHELL_ROUTES.map((route) => shellKey(`${input.base}${route}`, input.base)));
	return input.prerendered.filter((url) => pages.has(shellKey(url, input.base))).sort();
}

/**
 * Worker bundles an update needs at install: the shipped-deck installer (services/builtin-decks.worker.ts)
 * runs at start-up whenever a version brings new or changed decks, which may be offline just after an
 * update. (A first visit runs it online, from the network, before any worker controls the page.)
 */
export function shellWorkerUrls(build: readonly string[], base: string): string[] {
	return build.filter((url) => isWorkerScript(url, base) && /\/builtin-decks\.worker-[^/]+$/.test(url));
}

/** The de-duplicated, sorted list of URLs of a version (sorting keeps the cache name stable). */
export function precacheUrls(input: PrecacheInput): string[] {
	// static/_headers is configuration for the host (Netlify, Cloudflare Pages), which never serves it:
	// precaching it would fail the install there.
	const files = input.files.filter((f) => !HOST_CONFIG_FILES.test(f));
	return [...new Set([...input.build, ...files, ...input.prerendered])].sort();
}

const HOST_CONFIG_FILES = /\/_(headers|redirects)$/;

/**
 * The cache of one version. It carries the app version and a digest of the file list, so that a build
 * with changed code but an unchanged version name still gets its own cache instead of overwriting the
 * one the running version reads from.
 */
export function cacheNameFor(version: string, urls: readonly string[]): string {
	return `${CACHE_PREFIX}${version}-${fnv1a(urls.join('\n'))}`;
}

/** Caches that belong to Kartka but to another version. */
export function staleCaches(keys: readonly string[], current: string): string[] {
	return keys.filter((key) => key.startsWith(CACHE_PREFIX) && key !== current);
}

/**
 * The older caches that may be deleted now. An open tab may still run an older version (another tab applied
 * the update): its lazily loaded chunks are only in that version's cache, so a cache stays while any tab says
 * it runs from it. `inUse` holds each open tab's answer; null is a tab that did not answer (busy, frozen, or
 * code from before tabs were asked): then nothing is deleted, and the next start-up asks again.
 */
export function deletableCaches(
	keys: readonly string[],
	current: string,
	inUse: readonly (string | null)[]
): string[] {
	if (inUse.includes(null)) return [];
	const used = new Set(inUse);
	return staleCaches(keys, current).filter((key) => !used.has(key));
}

/**
 * The scripts and stylesheets a prerendered page loads at start (SvelteKit lists the whole static import
 * closure as modulepreload links), as paths: what a shell route needs to run offline. Also the files its
 * `<meta name="kartka-precache">` lists: code the page imports later but needs offline from the first
 * study on (the study shell's scheduler and card sanitizer: src/lib/pwa/study-shell.server.ts).
 */
export function pageAssetUrls(html: string, pagePath: string, base: string): string[] {
	const found = new Set<string>();
	const origin = 'https://page.invalid';
	const add = (href: string) => {
		const path = new URL(href, origin + pagePath).pathname;
		if (isImmutable(path, base)) found.add(path);
	};
	for (const [tag] of html.matchAll(/<link\b[^>]*>/g)) {
		if (!/\brel="(modulepreload|stylesheet)"/.test(tag)) continue;
		const href = /\bhref="([^"]+)"/.exec(tag)?.[1];
		if (href) add(href);
	}
	for (const [tag] of html.matchAll(/<meta\b[^>]*\bname="kartka-precache"[^>]*>/g)) {
		for (const href of /\bcontent="([^"]*)"/.exec(tag)?.[1]?.split(/\s+/) ?? []) if (href) add(href);
	}
	return [...found].sort();
}

/** Hashed build output never changes under the same URL, so it can be copied from an older cache. */
export function isImmutable(pathname: string, base: string): boolean {
	return pathname.startsWith(`${base}/_app/immutable/`);
}

/** How the worker answers one request. */
export type RequestPlan =
	/** Leave it to the browser (other origins, non-GET, ranges, SvelteKit's version.json). */
	| { kind: 'network' }
	/**
	 * A file or route shell of this version: cache first, network if the entry is missing. `keepMiss`: a
	 * hashed file (not yet cached, or a worker's own import): what the network returns is kept for offline use.
	 */
	| { kind: 'cache'; key: string; keepMiss: boolean }
	/** A page this version does not know (maybe newer): network first, the SPA fallback shell offline. */
	| { kind: 'navigate'; fallbackKey: string };

export interface RequestFacts {
	url: URL;
	method: string;
	mode: RequestMode;
	hasRange: boolean;
	/** The worker's own origin. */
	origin: string;
}

export function planRequest(req: RequestFacts, base: string, precached: ReadonlySet<string>): RequestPlan {
	if (req.method !== 'GET' || req.hasRange || req.url.origin !== req.origin) return { kind: 'network' };
	const path = req.url.pathname;
	if (req.mode === 'navigate') {
		const shell = shellKey(path, base);
		if (precached.has(shell)) return { kind: 'cache', key: shell, keepMiss: false };
		return { kind: 'navigate', fallbackKey: `${base}${FALLBACK_SHELL}` };
	}
	// The prerendered home's data (client-side navigation asks for it with SvelteKit's invalidation query).
	if (path.endsWith('/__data.json') && precached.has(path))
		return { kind: 'cache', key: path, keepMiss: false };
	// Assets are requested without a query; anything with one (cache busting, APIs) goes to the network.
	if (req.url.search !== '') return { kind: 'network' };
	// Hashed files are kept once fetched: most of a version is cached on first use or in the background.
	if (precached.has(path) || isImmutable(path, base))
		return { kind: 'cache', key: path, keepMiss: isImmutable(path, base) };
	return { kind: 'network' };
}

/**
 * The hashed files a worker bundle loads by a URL relative to itself, which `$service-worker` does not list
 * (Vite emits `new URL("assets/sql-wasm-CXIAVl5-.wasm", import.meta.url)` and `workerHelpers-Dwwmq1yl.js`).
 * Found in the worker's source so that import (.apkg via sql.js) and the optimizer work offline too.
 */
export function workerAssetUrls(workerPath: string, source: string, base: string): string[] {
	const found = new Set<string>();
	const origin = 'https://worker.invalid';
	for (const [, ref] of source.matchAll(/[`'"]((?:[\w-]+\/)*[\w.-]+-[\w-]{8}\.(?:wasm|m?js))[`'"]/g)) {
		const path = new URL(ref!, origin + workerPath).pathname;
		if (isImmutable(path, base) && path !== workerPath) found.add(path);
	}
	return [...found].sort();
}

/** Worker bundles, whose own imports are found with workerAssetUrls. */
export function isWorkerScript(path: string, base: string): boolean {
	return isImmutable(path, base) && /\/workers\/[^/]+\.m?js$/.test(path);
}

/** '/study/' and '/study.html' are the same shell as '/study' (the query string never selects a shell). */
export function shellKey(pathname: string, base: string): string {
	let path = pathname;
	if (path.endsWith('/index.html')) path = path.slice(0, -'index.html'.length);
	else if (path.endsWith('.html')) path = path.slice(0, -'.html'.length);
	if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
	return path === '' || path === base || path === `${base}/` ? `${base}/` : path;
}
