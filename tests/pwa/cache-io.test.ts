import { describe, expect, it } from 'vitest';
import { cacheWorkerImports, missingIn } from '$lib/pwa/cache-io';

/** The part of Cache Storage's Cache the helpers use, over a map of path → body. */
function fakeCache(bodies: Record<string, string>): Cache {
	return {
		match: async (url: string) => (url in bodies ? new Response(bodies[url]) : undefined),
		put: async (url: string, response: Response) => {
			bodies[url] = await response.text();
		}
	} as unknown as Cache;
}

describe('missingIn', () => {
	it('lists the URLs the cache does not hold, in their order', async () => {
		const cache = fakeCache({ '/a.js': 'a', '/c.js': 'c' });
		expect(await missingIn(cache, ['/a.js', '/b.js', '/c.js', '/d.js'])).toEqual(['/b.js', '/d.js']);
		expect(await missingIn(cache, ['/a.js'])).toEqual([]);
	});
});

describe('cacheWorkerImports', () => {
	it("follows a worker's wasm and helper scripts, and the helpers' own imports, once each", async () => {
		const worker = '/_app/immutable/workers/import.worker-AbCdEf12.js';
		const bodies: Record<string, string> = {
			[worker]: 'new URL("assets/sql-wasm-CXIAVl5x.wasm", import.meta.url); import("helper-Dwwmq1yl.js")'
		};
		const cache = fakeCache(bodies);
		const fetched: string[] = [];
		await cacheWorkerImports(cache, [worker], new Set(), '', async (url) => {
			fetched.push(url);
			// The helper loads another file relative to itself, and the worker again (already seen).
			bodies[url] = url.endsWith('.js') ? '"nested-Zz9Yy8Xx.wasm" "import.worker-AbCdEf12.js"' : '';
		});
		expect(fetched.sort()).toEqual([
			'/_app/immutable/workers/assets/sql-wasm-CXIAVl5x.wasm',
			'/_app/immutable/workers/helper-Dwwmq1yl.js',
			'/_app/immutable/workers/nested-Zz9Yy8Xx.wasm'
		]);
	});

	it('leaves the files the version lists to the caller, and goes on past a file that fails', async () => {
		const worker = '/_app/immutable/workers/optimizer.worker-AbCdEf12.js';
		const listed = '/_app/immutable/workers/listed-AAAAAAAA.wasm';
		const cache = fakeCache({
			[worker]: '"listed-AAAAAAAA.wasm" "bad-BBBBBBBB.js" "ok-CCCCCCCC.wasm"'
		});
		const fetched: string[] = [];
		await cacheWorkerImports(cache, [worker], new Set([listed]), '', async (url) => {
			if (url.includes('bad-')) throw new Error('404');
			fetched.push(url);
		});
		expect(fetched).toEqual(['/_app/immutable/workers/ok-CCCCCCCC.wasm']);
	});
});
