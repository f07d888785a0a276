// scripts/serve.js serves build/ as it ships: route shells, the SPA fallback, cache headers that let the
// service worker see updates, compression, and the COOP/COEP headers that cross-origin isolation needs.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveBuild } from '../../scripts/serve.js';

let dir: string;
let server: { url: string; close: () => Promise<void> };

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'kartka-serve-'));
	mkdirSync(join(dir, '_app/immutable/chunks'), { recursive: true });
	writeFileSync(join(dir, 'index.html'), '<p>home shell</p>');
	writeFileSync(join(dir, 'study.html'), '<p>study shell</p>');
	writeFileSync(join(dir, '404.html'), '<p>fallback shell</p>');
	writeFileSync(join(dir, 'service-worker.js'), 'self.addEventListener("fetch", () => {});');
	writeFileSync(join(dir, 'manifest.webmanifest'), JSON.stringify({ name: 'Kartka', pad: 'x'.repeat(2000) }));
	writeFileSync(join(dir, '_app/immutable/chunks/a.js'), `export const a = "${'a'.repeat(5000)}";`);
	server = await serveBuild({ dir });
});

afterAll(async () => {
	await server?.close();
	rmSync(dir, { recursive: true, force: true });
});

describe('serveBuild', () => {
	it('serves each route shell by its path, query strings included', async () => {
		expect(await (await fetch(`${server.url}/`)).text()).toContain('home shell');
		const study = await fetch(`${server.url}/study?deck=x`);
		expect(study.status).toBe(200);
		expect(await study.text()).toContain('study shell');
	});

	it('answers unknown paths with the SPA fallback', async () => {
		const deep = await fetch(`${server.url}/exam/plan/3`);
		expect(deep.status).toBe(200);
		expect(await deep.text()).toContain('fallback shell');
	});

	it('sends the cross-origin isolation headers on every response', async () => {
		for (const path of ['/', '/study', '/nope', '/service-worker.js', '/_app/immutable/chunks/a.js']) {
			const response = await fetch(`${server.url}${path}`);
			expect(response.headers.get('cross-origin-opener-policy'), path).toBe('same-origin');
			expect(response.headers.get('cross-origin-embedder-policy'), path).toBe('require-corp');
		}
	});

	it('revalidates the worker and the shells, caches hashed files for a year', async () => {
		expect((await fetch(`${server.url}/service-worker.js`)).headers.get('cache-control')).toBe('no-cache');
		expect((await fetch(`${server.url}/study`)).headers.get('cache-control')).toBe('no-cache');
		expect((await fetch(`${server.url}/_app/immutable/chunks/a.js`)).headers.get('cache-control')).toContain(
			'immutable'
		);
	});

	it('compresses text and serves the manifest with its type', async () => {
		const js = await fetch(`${server.url}/_app/immutable/chunks/a.js`, {
			headers: { 'accept-encoding': 'gzip' }
		});
		expect(js.headers.get('content-encoding')).toBe('gzip');
		const manifest = await fetch(`${server.url}/manifest.webmanifest`);
		expect(manifest.headers.get('content-type')).toMatch(/^application\/manifest\+json/);
		expect(((await manifest.json()) as { name: string }).name).toBe('Kartka');
	});
});
