/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/// <reference types="@sveltejs/kit" />
/**
 * Kartka's service worker. Each version has its own cache. Installing caches only the shell: the HTML of the
 * routes a student needs offline first (SHELL_ROUTES: the deck list and study; their own small scripts are
 * inline), the SPA fallback and the deck list's code; the study screen's code follows right after activation
 * on a first visit (FIRST_INSTALL_ROUTES), before it on an update, which also copies whatever an older
 * version already holds. The rest of the version (other screens, icons, the import parsers, sql.js, the
 * optimizer's wasm) is cached when first used, or in the background when the page asks (WARM_CACHE, once the
 * first visit has settled), so the worker controls a first visit sooner (issue 13).
 *
 * A new version installs next to the old one and waits: the page applies it only when the student asks
 * ("Reload to update"), never in the middle of a study session (src/lib/pwa). An older version's cache stays
 * while any open tab still runs from it, so a tab whose lazily loaded chunks belong to the old version keeps
 * working offline after another tab applied the update.
 *
 * Responses are stored exactly as the server sent them, headers included, so the COOP/COEP headers that
 * make the page cross-origin isolated (needed by the FSRS optimizer's wasm threads) hold offline too.
 */
import { base, build, files, prerendered, version } from '$service-worker';
import {
	cacheNameFor,
	CACHE_PREFIX,
	deletableCaches,
	FALLBACK_SHELL,
	installsCodeOf,
	isImmutable,
	isWorkerScript,
	pageAssetUrls,
	planRequest,
	precacheUrls,
	shellUrls,
	shellWorkerUrls,
	staleCaches
} from '$lib/pwa/precache-plan';
import {
	askOnPort,
	askWorkerVersion,
	GET_VERSION,
	KEEP_URLS,
	SKIP_WAITING,
	TAB_STARTED,
	WARM_CACHE,
	WHICH_CACHE,
	type WorkerVersion
} from '$lib/pwa/worker-messages';
import { cacheFile, cacheWorkerImports, inBatches, matchIn, missingIn, storable } from '$lib/pwa/cache-io';

const sw = self as unknown as ServiceWorkerGlobalScope;

const PRECACHE = precacheUrls({ base, build, files, prerendered });
const PRECACHED = new Set(PRECACHE);
const CACHE = cacheNameFor(version, PRECACHE);
const FALLBACK = `${base}${FALLBACK_SHELL}`;
/** How many files the background warm-up fetches at once (a phone on a slow link). */
const WARM_PARALLEL = 4;
/** How long an open tab has to say which version it runs before its cache is kept anyway. */
const ASK_TAB_TIMEOUT_MS = 2000;
/** How many times the open tabs are asked before an unanswered tab keeps every older cache until the next start. */
const ASK_TAB_ATTEMPTS = 4;

sw.addEventListener('install', (event) => {
	event.waitUntil(
		(async () => {
			await precacheShell();
			// Browsers sometimes reinstall the running build (an update check racing an activation). That is
			// not an update: take over quietly instead of offering the student a "new version" that is not new.
			const active = sw.registration.active;
			if (active && (await askWorkerVersion(active))?.cache === CACHE) await sw.skipWaiting();
		})()
	);
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			// First visit: take control of the open page at once so it works offline without a reload.
			// (On an update this changes nothing: the page asked for the new version and reloads.)
			await sw.clients.claim();
			// Not awaited here: while this worker is "activating" the page's requests wait for it.
			void startShellRest();
			await dropUnusedCaches();
		})()
	);
});

sw.addEventListener('message', (event) => {
	const data = event.data as { type?: string; urls?: unknown } | null;
	const type = data?.type;
	if (type === SKIP_WAITING) void sw.skipWaiting();
	else if (type === GET_VERSION)
		event.ports[0]?.postMessage({ version, cache: CACHE } satisfies WorkerVersion);
	else if (type === WARM_CACHE) event.waitUntil(warmCache());
	else if (type === KEEP_URLS && Array.isArray(data?.urls))
		// The page says it is controlled: also keeps this worker alive until the study code is in.
		event.waitUntil(Promise.all([keepUrls(data.urls), shellRest]));
	else if (type === TAB_STARTED) event.waitUntil(dropUnusedCaches());
});

sw.addEventListener('fetch', (event) => {
	const request = event.request;
	const plan = planRequest(
		{
			url: new URL(request.url),
			method: request.method,
			mode: request.mode,
			hasRange: request.headers.has('range'),
			origin: sw.location.origin
		},
		base,
		PRECACHED
	);
	if (plan.kind === 'cache') event.respondWith(fromCache(plan.key, request, plan.keepMiss));
	else if (plan.kind === 'navigate') event.respondWith(navigateUnknown(request, plan.fallbackKey));
});

/** This version's cache, opened once: a page start asks for ~35 files at once (issue 13: first card offline). */
let ownCache: Promise<Cache> | null = null;

async function fromCache(key: string, request: Request, keepMiss: boolean): Promise<Response> {
	const cache = await (ownCache ??= caches.open(CACHE));
	const hit = await cache.match(key, { ignoreVary: true });
	if (hit) return hit;
	// A tab still running an older version asks for that version's chunks: they are in its cache.
	if (isImmutable(key, base)) {
		const older = await matchIn(staleCaches(await caches.keys(), CACHE), key);
		if (older) return older;
	}
	const response = await fetch(request);
	// A hashed file never changes: keep it, so that what worked online once also works offline.
	if (keepMiss && response.ok) cache.put(key, response.clone()).catch(() => undefined);
	return response;
}

/** A path this version has no shell for: maybe a page of a newer version, so ask the network first. */
async function navigateUnknown(request: Request, fallbackKey: string): Promise<Response> {
	try {
		return await fetch(request);
	} catch (offline) {
		const cache = await caches.open(CACHE);
		const shell = await cache.match(fallbackKey, { ignoreVary: true });
		if (shell) return shell;
		throw offline;
	}
}

/** The shell routes' HTML this version lists (precacheUrls leaves out the host's _headers file). */
const SHELL_PAGES = shellUrls({ base, build, files, prerendered }).filter((url) => PRECACHED.has(url));

/** A cached shell page's stylesheets and scripts (its modulepreload links and kartka-precache list). */
async function pageAssets(cache: Cache, page: string): Promise<string[]> {
	const html = (await (await cache.match(page, { ignoreVary: true }))?.text()) ?? '';
	return pageAssetUrls(html, page, base);
}

/**
 * Install: the shell routes' HTML and the SPA fallback; on a first visit the deck list's code (the study
 * screen's follows right after activation: cacheShellRest), on an update every shell route's code, the deck
 * installer and whatever the running version already holds. Each page's code is fetched as soon as its
 * HTML is in, side by side with the other pages.
 */
async function precacheShell(): Promise<void> {
	const cache = await caches.open(CACHE);
	const older = staleCaches(await caches.keys(), CACHE);
	const update = older.length > 0;
	await Promise.all([
		...SHELL_PAGES.map(async (page) => {
			await cacheFile(cache, older, base, page);
			if (!installsCodeOf(page, base, update)) return;
			const assets = await pageAssets(cache, page);
			if (update) await Promise.all(assets.map((url) => cacheFile(cache, older, base, url)));
			// A first visit: one batched write instead of one Cache Storage operation per file; the page has
			// just loaded these, so they come from the HTTP cache. A file that fails (the page went elsewhere and
			// its request was dropped) must not fail the install: cacheShellRest fetches it right after activation.
			else await cache.addAll(assets).catch(() => undefined);
		}),
		cacheFallback(cache),
		// A first visit runs the deck installer online, before this worker controls the page: warmed later.
		...(update ? shellWorkerUrls(build, base).map((url) => cacheFile(cache, older, base, url)) : [])
	]);
	// An update: whatever the running version already holds is copied (no download), route shells included,
	// so a student who was fully offline-ready stays so. (A first visit has no older version to look in.)
	if (!update) return;
	await Promise.all(
		PRECACHE.map(async (url) => {
			if (await cache.match(url, { ignoreVary: true })) return;
			if (isImmutable(url, base)) {
				const reused = await matchIn(older, url);
				if (reused) await cache.put(url, reused);
			} else if (await matchIn(older, url)) {
				// Route shells and static files keep their URL but may have changed: this version's copy.
				await cacheFile(cache, older, base, url);
			}
		})
	);
}

/** The SPA fallback is written by the adapter after this worker is built; a host without it must still install. */
async function cacheFallback(cache: Cache): Promise<void> {
	try {
		const fallback = await fetch(new Request(FALLBACK, { cache: 'no-cache' }));
		if (fallback.ok) await cache.put(FALLBACK, await storable(fallback));
	} catch {
		// Unknown deep paths then need the network; every known route is precached above.
	}
}

/** The shell routes' code a first install left for after activation (the study screen's), once per start. */
let shellRest: Promise<void> | null = null;

/** Starts cacheShellRest once; never rejects (what fails is fetched on first use or by the warm-up). */
function startShellRest(): Promise<void> {
	return (shellRest ??= cacheShellRest().catch(() => undefined));
}

/**
 * Right after activation: the shell routes' code not cached yet (on a first visit, the study screen's and
 * what study.html lists for a first offline study), so a student who goes offline just after the first
 * visit can study. One batched write; if it fails (the network dropped), file by file, and what still fails
 * is fetched on first use or by the warm-up.
 */
async function cacheShellRest(): Promise<void> {
	const cache = await caches.open(CACHE);
	const wanted = new Set<string>();
	for (const page of SHELL_PAGES) for (const url of await pageAssets(cache, page)) wanted.add(url);
	const missing = await missingIn(cache, [...wanted]);
	if (missing.length === 0) return;
	try {
		await cache.addAll(missing);
	} catch {
		const older = staleCaches(await caches.keys(), CACHE);
		await inBatches(missing, WARM_PARALLEL, (url) =>
			cacheFile(cache, older, base, url).catch(() => undefined)
		);
	}
}

let warming: Promise<void> | null = null;

/** The rest of this version, a few files at a time; a file that fails is tried again on the next warm-up. */
function warmCache(): Promise<void> {
	warming ??= (async () => {
		await startShellRest();
		const cache = await caches.open(CACHE);
		const older = staleCaches(await caches.keys(), CACHE);
		await inBatches(await missingIn(cache, PRECACHE), WARM_PARALLEL, (url) =>
			cacheFile(cache, older, base, url).catch(() => undefined)
		);
		// Worker bundles' own wasm and helper scripts, which `$service-worker` does not list (sql.js, the optimizer).
		const workers = PRECACHE.filter((url) => isWorkerScript(url, base));
		await cacheWorkerImports(cache, workers, PRECACHED, base, (url) => cacheFile(cache, older, base, url));
	})().finally(() => (warming = null));
	return warming;
}

/** Hashed files the page loaded before this worker controlled it (its first visit): keep them. */
async function keepUrls(urls: unknown[]): Promise<void> {
	const cache = await caches.open(CACHE);
	const older = staleCaches(await caches.keys(), CACHE);
	const wanted = urls.filter(
		(url): url is string => typeof url === 'string' && PRECACHED.has(url) && isImmutable(url, base)
	);
	await inBatches(wanted, WARM_PARALLEL, async (url) => {
		if (!(await cache.match(url, { ignoreVary: true })))
			await cacheFile(cache, older, base, url).catch(() => undefined);
	});
}

/**
 * Deletes the older versions' caches that no open tab runs from (see deletableCaches). A tab busy starting
 * up may not answer in time: then nothing is deleted and the tabs are asked again, a few times.
 */
async function dropUnusedCaches(attemptsLeft = ASK_TAB_ATTEMPTS): Promise<void> {
	const keys = await caches.keys();
	if (staleCaches(keys, CACHE).length === 0) return;
	const tabs = await sw.clients.matchAll({ type: 'window', includeUncontrolled: true });
	// A newer version installing or waiting owns its cache too: an older worker must never delete it.
	const pending = [sw.registration.installing, sw.registration.waiting].filter(
		(worker): worker is ServiceWorker => worker !== null
	);
	const inUse = await Promise.all([
		...tabs.map(askTabCache),
		...pending.map(async (worker) => (await askWorkerVersion(worker, ASK_TAB_TIMEOUT_MS))?.cache ?? null)
	]);
	if (inUse.includes(null) && attemptsLeft > 1) return dropUnusedCaches(attemptsLeft - 1);
	for (const key of deletableCaches(await caches.keys(), CACHE, inUse)) await caches.delete(key);
}

/** Which cache a tab runs from; its own answer null (a first visit) means this version's; no answer: null. */
async function askTabCache(tab: Client): Promise<string | null> {
	const answer = await askOnPort<{ cache: string | null }>(tab, { type: WHICH_CACHE }, ASK_TAB_TIMEOUT_MS);
	if (answer === null) return null;
	const cache = answer.cache;
	return typeof cache === 'string' && cache.startsWith(CACHE_PREFIX) ? cache : CACHE;
}
