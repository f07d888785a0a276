/** Cache Storage helpers for the service worker (src/service-worker.ts). */

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
