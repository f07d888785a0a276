// Shared steps of the PWA browser tests (tests/e2e/pwa-*.test.ts): waiting for the service worker,
// studying a few cards, listing the route shells of a build, and making a second build of the app.
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';

const ROOT = resolve(import.meta.dirname, '../..');

/**
 * Resolves once a service worker controls the page (it has installed the shell and claimed the page; on a
 * first visit the study screen's code follows right after: src/service-worker.ts).
 */
export async function waitForWorker(page: Page): Promise<void> {
	await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
		timeout: 60_000
	});
}

/** The paths held by the worker's cache (the only Kartka cache). */
export function cachedPaths(page: Page): Promise<string[]> {
	return page.evaluate(async () => {
		const [name] = (await caches.keys()).filter((key) => key.startsWith('kartka-precache-'));
		return (await (await caches.open(name!)).keys()).map((r) => new URL(r.url).pathname).sort();
	});
}

/**
 * Resolves once the worker has cached the whole build: the shell at install, the rest in the background
 * once the first visit settled (the import parsers, sql.js and the optimizer's wasm among them).
 */
export async function waitForFullCache(page: Page, buildDir = 'build'): Promise<void> {
	const expected = expectedCacheKeys(buildDir);
	const deadline = Date.now() + 60_000;
	for (;;) {
		const cached = new Set(await cachedPaths(page));
		const missing = expected.filter((key) => !cached.has(key));
		if (missing.length === 0) return;
		if (Date.now() > deadline) throw new Error(`Not cached after 60 s: ${missing.join(', ')}`);
		await page.waitForTimeout(500);
	}
}

/** The id of the first deck on the home screen (from its link). */
export async function firstDeckId(page: Page): Promise<string> {
	const link = page.locator('a[href^="/deck?id="]').first();
	await link.waitFor();
	const href = (await link.getAttribute('href')) ?? '';
	return new URLSearchParams(href.split('?')[1]).get('id') ?? '';
}

/** Answers `count` cards with Good on the study screen; returns the questions answered. */
export async function studyCards(page: Page, count: number): Promise<string[]> {
	const questions: string[] = [];
	for (let i = 0; i < count; i++) {
		await page.getByRole('button', { name: 'Show answer' }).click();
		questions.push(await page.locator('article.card .question').innerText());
		await page.getByRole('button', { name: 'Good', exact: true }).click();
	}
	await page
		.getByRole('button', { name: 'Show answer' })
		.or(page.getByRole('heading', { name: 'Session complete' }))
		.waitFor();
	return questions;
}

/** Every prerendered route of a build ('/', '/study', ...), found from its HTML files, so new routes are covered. */
export function routeShells(buildDir: string): string[] {
	const routes: string[] = [];
	const walk = (dir: string) => {
		for (const entry of readdirSync(dir, { withFileTypes: true })) {
			const path = join(dir, entry.name);
			if (entry.isDirectory()) {
				if (entry.name !== '_app') walk(path);
			} else if (entry.name.endsWith('.html') && entry.name !== '404.html') {
				const route =
					'/' +
					relative(buildDir, path)
						.replace(/\.html$/, '')
						.replace(/(^|\/)index$/, '');
				routes.push(route === '/' ? '/' : route.replace(/\/$/, ''));
			}
		}
	};
	walk(buildDir);
	return routes.sort();
}

/**
 * The cache keys the worker must hold for a build: every file it contains, route shells by their path, minus the
 * worker itself and SvelteKit's version.json (always asked of the network).
 */
export function expectedCacheKeys(buildDir: string): string[] {
	const keys: string[] = [];
	const walk = (dir: string) => {
		for (const entry of readdirSync(dir, { withFileTypes: true })) {
			const path = join(dir, entry.name);
			if (entry.isDirectory()) walk(path);
			else keys.push('/' + relative(buildDir, path));
		}
	};
	walk(buildDir);
	return (
		keys
			// _headers is the host's configuration, never served (issue 12: not precached).
			.filter((key) => key !== '/service-worker.js' && key !== '/_app/version.json' && key !== '/_headers')
			.map((key) =>
				key === '/404.html' ? key : key.endsWith('.html') ? key.replace(/(\/index)?\.html$/, '') || '/' : key
			)
			.sort()
	);
}

/** The version name a build was made with (SvelteKit writes it to _app/version.json). */
export function buildVersion(buildDir: string): string {
	return (JSON.parse(readFileSync(join(buildDir, '_app/version.json'), 'utf8')) as { version: string })
		.version;
}

/**
 * Builds the current sources with another version name in a temporary copy of the project, so the shared
 * build/ and .svelte-kit/ of the other tests are never touched. Returns the build folder.
 */
export async function buildVariant(version: string): Promise<{ dir: string; cleanup: () => void }> {
	const work = mkdtempSync(join(tmpdir(), 'kartka-build-'));
	// Everything the build may read; not what it writes, nor what is big and unrelated.
	const skip = new Set(['node_modules', 'build', '.svelte-kit', '.git', 'test-results', 'bench-results']);
	for (const entry of readdirSync(ROOT)) {
		if (!skip.has(entry)) cpSync(join(ROOT, entry), join(work, entry), { recursive: true });
	}
	symlinkSync(join(ROOT, 'node_modules'), join(work, 'node_modules'), 'dir');
	await promisify(execFile)(
		process.execPath,
		[join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'error'],
		{
			cwd: work,
			env: { ...process.env, NODE_ENV: 'production', KARTKA_VERSION: version },
			maxBuffer: 64 * 1024 * 1024
		}
	);
	return { dir: join(work, 'build'), cleanup: () => rmSync(work, { recursive: true, force: true }) };
}
