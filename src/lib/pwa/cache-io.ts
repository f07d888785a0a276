/** Cache Storage helpers for the service worker (src/service-worker.ts). */
import { isImmutable, workerAssetUrls } from './precache-plan';

/** Runs `each` over the URLs, `parallel` at a time (a phone on a slow link). */
export async function inBatches(
	urls: readonly string[],
	parallel: number,
	each: (url: string) => Promise<unknown>
): Promise<void> {
	const queue = [...urls];
	const lane = async () => {
		for (let url = queue.shift(); url !== undefined; url = queue.shift()) await each(url);
	};
	await Promise.all(Array.from({ length: parallel }, lane));
}

/** The URLs `cache` does not hold yet (looked up side by side). */
export async function missingIn(cache: Cache, urls: readonly string[]): Promise<string[]> {
	const hits = await Promise.all(urls.map((url) => cache.match(url, { ignoreVary: true })));
	return urls.filter((_, i) => !hits[i]);
}

/** The first of these caches that holds `url`. */
export async function matchIn(cacheNames: readonly string[], url: string): Promise<Response | undefined> {
	for (const name of cacheNames) {
		// caches.match with a cacheName, not caches.open: opening would re-create a cache just deleted.
		const hit = await caches.match(url, { cacheName: name, ignoreVary: true });
		if (hit) return hit;
	}
	return undefined;
}

/** Browsers refuse a redirected response to a navigation; some hosts redirect /study to /study/. */
export async function storable(response: Response): Promise<Response> {
	if (!response.redirected) return response;
	return new Response(await response.blob(), {
		status: response.status,
		statusText: response.statusText,
		headers: response.headers
	});
}

/**
 * Worker bundles load wasm and helper scripts that `$service-worker` does not list (sql.js for .apkg import,
 * the optimizer's wasm): found in their cached source, followed through helper scripts, and cached with
 * `cacheOne`; `listed` (the version's own files) are left to the caller.
 */
export async function cacheWorkerImports(
	cache: Cache,
	workerScripts: readonly string[],
	listed: ReadonlySet<string>,
	base: string,
	cacheOne: (url: string) => Promise<void>
): Promise<void> {
	const seen = new Set<string>();
	let scripts = [...workerScripts];
	while (scripts.length > 0) {
		const found: string[] = [];
		for (const script of scripts) {
			seen.add(script);
			const source = await (await cache.match(script, { ignoreVary: true }))?.text();
			for (const url of workerAssetUrls(script, source ?? '', base)) {
				if (listed.has(url) || seen.has(url)) continue;
				seen.add(url);
				try {
					await cacheOne(url);
				} catch {
					continue; // a false match in minified code must not stop the warm-up
				}
				if (/\.m?js$/.test(url)) found.push(url);
			}
		}
		scripts = found;
	}
}

/**
 * Puts one file of this version into `cache`: a hashed file already there or in an older version's cache
 * (`older`) is not downloaded again; the rest is fetched (route shells, the manifest and icons past the HTTP
 * cache, as they keep their URL across versions).
 */
export async function cacheFile(
	cache: Cache,
	older: readonly string[],
	base: string,
	url: string
): Promise<void> {
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
