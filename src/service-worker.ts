/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/// <reference types="@sveltejs/kit" />
/**
 * Kartka's service worker: precaches the whole built app (every route shell, every chunk including the
 * shipped decks, icons, manifest) into one cache per version and answers from it, so that a second visit
 * works with no network. A new version installs next to the old one and waits: the page applies it only
 * when the student asks ("Reload to update"), never in the middle of a study session (src/lib/pwa).
 *
 * Responses are stored exactly as the server sent them, headers included, so the COOP/COEP headers that
 * make the page cross-origin isolated (needed by the FSRS optimizer's wasm threads) hold offline too.
 */
import { base, build, files, prerendered, version } from '$service-worker';
import {
	cacheNameFor,
	FALLBACK_SHELL,
	isImmutable,
	isWorkerScript,
	planRequest,
	precacheUrls,
	staleCaches,
	workerAssetUrls
} from '$lib/pwa/precache-plan';
import { cachesToDelete, fallbackCaches, RETENTION_CACHE, RETENTION_KEY } from '$lib/pwa/cache-retention';
import { askWorkerVersion, GET_VERSION, SKIP_WAITING, type WorkerVersion } from '$lib/pwa/worker-messages';

const sw = self as unknown as ServiceWorkerGlobalScope;

const PRECACHE = precacheUrls({ base, build, files, prerendered });
const PRECACHED = new Set(PRECACHE);
const CACHE = cacheNameFor(version, PRECACHE);
const FALLBACK = `${base}${FALLBACK_SHELL}`;
/** Whether previous caches may still wait for old tabs (unknown after a restart of the worker: check once). */
let retentionPending = true;

sw.addEventListener('install', (event) => {
	event.waitUntil(
		(async () => {
			await precache();
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
			// Tabs still running the previous version keep its cache until they are closed (cache-retention.ts).
			// (A first install has no previous cache to keep, and records nothing.)
			if (staleCaches(await caches.keys(), CACHE).length > 0) {
				const open = await sw.clients.matchAll({ type: 'window', includeUncontrolled: true });
				const meta = await caches.open(RETENTION_CACHE);
				await meta.put(RETENTION_KEY, new Response(JSON.stringify(open.map((c) => c.id))));
				retentionPending = true;
			}
			await cleanUpOldCaches();
			// First visit: take control of the open page at once so it works offline without a reload.
			// (On an update this changes nothing: the page asked for the new version and reloads.)
			await sw.clients.claim();
		})()
	);
});

sw.addEventListener('message', (event) => {
	const type = (event.data as { type?: string } | null)?.type;
	if (type === SKIP_WAITING) void sw.skipWaiting();
	else if (type === GET_VERSION)
		event.ports[0]?.postMessage({ version, cache: CACHE } satisfies WorkerVersion);
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
	// Old tabs may have gone: delete the previous version's cache once none is left (checked until done).
	if (retentionPending) event.waitUntil(cleanUpOldCaches().catch(() => undefined));
});

async function cleanUpOldCaches(): Promise<void> {
	const meta = await caches.open(RETENTION_CACHE);
	const record = await meta.match(RETENTION_KEY);
	const openAtActivation = record ? ((await record.json()) as string[]) : [];
	const live = await sw.clients.matchAll({ type: 'window', includeUncontrolled: true });
	const plan = cachesToDelete(
		await caches.keys(),
		CACHE,
		openAtActivation,
		live.map((c) => c.id)
	);
	for (const key of plan.delete) await caches.delete(key);
	if (plan.done) {
		retentionPending = false;
		await caches.delete(RETENTION_CACHE);
	}
}

async function fromCache(key: string, request: Request, keepMiss: boolean): Promise<Response> {
	const cache = await caches.open(CACHE);
	const hit = await cache.match(key, { ignoreVary: true });
	if (hit) return hit;
	// A chunk of the previous version, asked for by a tab opened before the update (kept until it closes).
	if (keepMiss) {
		const old = await matchIn(fallbackCaches(await caches.keys(), CACHE), key);
		if (old) return old;
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

async function precache(): Promise<void> {
	const cache = await caches.open(CACHE);
	const older = staleCaches(await caches.keys(), CACHE);
	await Promise.all(PRECACHE.map((url) => cacheOne(cache, older, url)));
	await precacheWorkerImports(cache, older);
	// The SPA fallback is written by the adapter after this worker is built; a host without it must still install.
	try {
		const fallback = await fetch(new Request(FALLBACK, { cache: 'no-cache' }));
		if (fallback.ok) await cache.put(FALLBACK, await storable(fallback));
	} catch {
		// Unknown deep paths then need the network; every known route is precached above.
	}
}

async function cacheOne(cache: Cache, older: readonly string[], url: string): Promise<void> {
	const immutable = isImmutable(url, base);
	if (immutable) {
		if (await cache.match(url, { ignoreVary: true })) return; // a reinstall of this build
		// An update re-downloads only what changed: hashed files are reused from the running version.
		const reused = await matchIn(older, url);
		if (reused) return cache.put(url, reused);
	}
	// Route shells, the manifest and icons keep their URL across versions: bypass the HTTP cache.
	const response = await fetch(new Request(url, { cache: immutable ? 'default' : 'no-cache' }));
	if (!response.ok) throw new Error(`Precache of ${url} failed: HTTP ${response.status}`);
	await cache.put(url, await storable(response));
}

/**
 * Worker bundles load wasm and helper scripts that `$service-worker` does not list (sql.js for .apkg import,
 * the optimizer's wasm): found in their source, followed through helper scripts, cached like the rest.
 */
async function precacheWorkerImports(cache: Cache, older: readonly string[]): Promise<void> {
	const seen = new Set<string>();
	let scripts = PRECACHE.filter((url) => isWorkerScript(url, base));
	while (scripts.length > 0) {
		const found: string[] = [];
		for (const script of scripts) {
			seen.add(script);
			const source = await (await cache.match(script, { ignoreVary: true }))?.text();
			for (const url of workerAssetUrls(script, source ?? '', base)) {
				if (PRECACHED.has(url) || seen.has(url)) continue;
				seen.add(url);
				try {
					await cacheOne(cache, older, url);
				} catch {
					continue; // a false match in minified code must not stop the install
				}
				if (/\.m?js$/.test(url)) found.push(url);
			}
		}
		scripts = found;
	}
}

async function matchIn(cacheNames: readonly string[], url: string): Promise<Response | undefined> {
	for (const name of cacheNames) {
		const hit = await (await caches.open(name)).match(url, { ignoreVary: true });
		if (hit) return hit;
	}
	return undefined;
}

/** Browsers refuse a redirected response to a navigation; some hosts redirect /study to /study/. */
async function storable(response: Response): Promise<Response> {
	if (!response.redirected) return response;
	return new Response(await response.blob(), {
		status: response.status,
		statusText: response.statusText,
		headers: response.headers
	});
}
