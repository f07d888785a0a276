import { describe, expect, it } from 'vitest';
import {
	cacheNameFor,
	CACHE_PREFIX,
	deletableCaches,
	installsCodeOf,
	pageAssetUrls,
	planRequest,
	precacheUrls,
	shellKey,
	shellUrls,
	shellWorkerUrls,
	staleCaches,
	isImmutable,
	isWorkerScript,
	workerAssetUrls,
	type RequestFacts
} from '$lib/pwa/precache-plan';

const ORIGIN = 'https://kartka.example';
const precached = new Set(
	precacheUrls({
		base: '',
		build: ['/_app/immutable/entry/start.abc.js', '/_app/immutable/chunks/deck.def.js'],
		files: ['/manifest.webmanifest', '/icons/icon-192.png'],
		prerendered: ['/', '/study', '/deck', '/settings', '/exam/plan']
	})
);

function facts(path: string, extra: Partial<RequestFacts> = {}): RequestFacts {
	return {
		url: new URL(path, ORIGIN),
		method: 'GET',
		mode: 'cors',
		hasRange: false,
		origin: ORIGIN,
		...extra
	};
}

describe('precacheUrls and cache names', () => {
	it('merges, de-duplicates and sorts build output, static files and route shells', () => {
		expect(
			precacheUrls({ base: '', build: ['/b.js', '/a.js'], files: ['/a.js'], prerendered: ['/'] })
		).toEqual(['/', '/a.js', '/b.js']);
	});

	it('names the cache after the version and the file list', () => {
		const a = cacheNameFor('1.0.0', ['/', '/_app/immutable/a.js']);
		expect(a.startsWith(`${CACHE_PREFIX}1.0.0-`)).toBe(true);
		expect(cacheNameFor('1.0.0', ['/', '/_app/immutable/a.js'])).toBe(a); // an unchanged build is not an update
		expect(cacheNameFor('1.0.0', ['/', '/_app/immutable/b.js'])).not.toBe(a); // changed code, same version name
		expect(cacheNameFor('1.0.1', ['/', '/_app/immutable/a.js'])).not.toBe(a);
	});

	it('deletes only other Kartka versions on activate', () => {
		const current = cacheNameFor('2', ['/']);
		const old = cacheNameFor('1', ['/']);
		expect(staleCaches([old, current, 'someone-elses-cache'], current)).toEqual([old]);
	});

	it('treats only hashed build output as immutable', () => {
		expect(isImmutable('/_app/immutable/chunks/x.js', '')).toBe(true);
		expect(isImmutable('/manifest.webmanifest', '')).toBe(false);
		expect(isImmutable('/kartka/_app/immutable/x.js', '/kartka')).toBe(true);
	});
});

describe('planRequest', () => {
	it('answers every known route from its precached shell, whatever the query', () => {
		expect(planRequest(facts('/study?deck=abc', { mode: 'navigate' }), '', precached)).toEqual({
			kind: 'cache',
			key: '/study',
			keepMiss: false
		});
		expect(planRequest(facts('/', { mode: 'navigate' }), '', precached)).toMatchObject({
			kind: 'cache',
			key: '/'
		});
		expect(planRequest(facts('/settings/', { mode: 'navigate' }), '', precached)).toEqual({
			kind: 'cache',
			key: '/settings',
			keepMiss: false
		});
		expect(planRequest(facts('/exam/plan', { mode: 'navigate' }), '', precached)).toEqual({
			kind: 'cache',
			key: '/exam/plan',
			keepMiss: false
		});
	});

	it('sends an unknown page to the network with the SPA fallback for offline', () => {
		expect(planRequest(facts('/new-page/1', { mode: 'navigate' }), '', precached)).toEqual({
			kind: 'navigate',
			fallbackKey: '/404.html'
		});
	});

	it('serves the files of this version from the cache, keeping hashed ones fetched on first use', () => {
		expect(planRequest(facts('/_app/immutable/chunks/deck.def.js'), '', precached)).toEqual({
			kind: 'cache',
			key: '/_app/immutable/chunks/deck.def.js',
			keepMiss: true
		});
		expect(planRequest(facts('/manifest.webmanifest'), '', precached)).toEqual({
			kind: 'cache',
			key: '/manifest.webmanifest',
			keepMiss: false
		});
		expect(planRequest(facts('/icons/icon-192.png', { mode: 'no-cors' }), '', precached).kind).toBe('cache');
	});

	it("keeps any other hashed file once fetched (a worker's own wasm or helper)", () => {
		expect(
			planRequest(facts('/_app/immutable/workers/assets/sql-wasm-CXIAVl5-.wasm'), '', precached)
		).toEqual({
			kind: 'cache',
			key: '/_app/immutable/workers/assets/sql-wasm-CXIAVl5-.wasm',
			keepMiss: true
		});
	});

	it("answers the prerendered home's data from the cache, whatever SvelteKit's query", () => {
		const withData = new Set([...precached, '/__data.json']);
		expect(planRequest(facts('/__data.json?x-sveltekit-invalidated=01'), '', withData)).toEqual({
			kind: 'cache',
			key: '/__data.json',
			keepMiss: false
		});
	});

	it('leaves everything else to the browser', () => {
		expect(planRequest(facts('/_app/version.json'), '', precached).kind).toBe('network');
		expect(planRequest(facts('/manifest.webmanifest?v=2'), '', precached).kind).toBe('network');
		expect(planRequest(facts('/study', { method: 'POST', mode: 'navigate' }), '', precached).kind).toBe(
			'network'
		);
		expect(planRequest(facts('/icons/icon-192.png', { hasRange: true }), '', precached).kind).toBe('network');
		expect(
			planRequest(
				{ ...facts('/'), url: new URL('https://cdn.example/study'), mode: 'navigate' },
				'',
				precached
			).kind
		).toBe('network');
	});
});

describe('deletableCaches: an older version stays while a tab runs from it', () => {
	const current = cacheNameFor('2', ['/']);
	const old = cacheNameFor('1', ['/']);
	const older = cacheNameFor('0', ['/']);
	it('deletes the older versions no open tab runs from', () => {
		expect(deletableCaches([older, old, current, 'other-app'], current, [current, current])).toEqual([
			older,
			old
		]);
	});
	it('keeps the version an open tab still runs', () => {
		expect(deletableCaches([older, old, current], current, [current, old])).toEqual([older]);
	});
	it('deletes nothing while a tab has not answered', () => {
		expect(deletableCaches([older, old, current], current, [current, null])).toEqual([]);
	});
});

describe('pageAssetUrls', () => {
	it("lists a prerendered page's preloaded scripts and stylesheets as paths", () => {
		const html = `<link rel="icon" href="./favicon.svg">
			<link href="./_app/immutable/entry/start.A.js" rel="modulepreload">
			<link href="./_app/immutable/chunks/B.js" rel="modulepreload">
			<link href="./_app/immutable/assets/0.C.css" rel="stylesheet">
			<link rel="manifest" href="./manifest.webmanifest">`;
		expect(pageAssetUrls(html, '/study', '')).toEqual([
			'/_app/immutable/assets/0.C.css',
			'/_app/immutable/chunks/B.js',
			'/_app/immutable/entry/start.A.js'
		]);
		expect(pageAssetUrls(html.replaceAll('./_app', '../_app'), '/exam/plan', '')).toContain(
			'/_app/immutable/chunks/B.js'
		);
	});

	it('adds what the page lists for a first offline study (the scheduler), but nothing outside the app', () => {
		const html = `<link href="./_app/immutable/chunks/B.js" rel="modulepreload">
			<meta name="kartka-precache" content="./_app/immutable/chunks/Sched.js ./_app/immutable/chunks/Fsrs.js ./favicon.svg">`;
		expect(pageAssetUrls(html, '/study', '')).toEqual([
			'/_app/immutable/chunks/B.js',
			'/_app/immutable/chunks/Fsrs.js',
			'/_app/immutable/chunks/Sched.js'
		]);
	});
});

describe('workerAssetUrls', () => {
	const worker = '/_app/immutable/workers/parse.worker-BfM3ACQ3.js';
	it('finds the hashed files a worker loads relative to itself, as Vite emits them', () => {
		const source =
			'var a=new URL(`assets/sql-wasm-CXIAVl5-.wasm`,import.meta.url).href;' +
			'importScripts("workerHelpers-Dwwmq1yl.js");let m=`application/wasm`,e=`failed to prepare wasm: ${x}`;';
		expect(workerAssetUrls(worker, source, '')).toEqual([
			'/_app/immutable/workers/assets/sql-wasm-CXIAVl5-.wasm',
			'/_app/immutable/workers/workerHelpers-Dwwmq1yl.js'
		]);
	});

	it('ignores paths outside the hashed output and the worker itself', () => {
		const source = '"../../../../etc/passwd-abcdefgh.js" `parse.worker-BfM3ACQ3.js` "plain.wasm"';
		expect(workerAssetUrls(worker, source, '')).toEqual([]);
	});

	it('recognises worker bundles', () => {
		expect(isWorkerScript(worker, '')).toBe(true);
		expect(isWorkerScript('/_app/immutable/chunks/a.js', '')).toBe(false);
		expect(isWorkerScript('/_app/immutable/workers/assets/x.wasm', '')).toBe(false);
	});
});

describe('shellWorkerUrls', () => {
	it("puts the shipped-deck installer in an update's install, not the import parser or the optimizer", () => {
		const build = [
			'/_app/immutable/workers/builtin-decks.worker-B2gV7X3-.js',
			'/_app/immutable/workers/parse.worker-Ig4NVjUs.js',
			'/_app/immutable/workers/optimizer.worker-Dxrs5rSH.js',
			'/_app/immutable/chunks/builtin-decks.worker-abc.js'
		];
		expect(shellWorkerUrls(build, '')).toEqual(['/_app/immutable/workers/builtin-decks.worker-B2gV7X3-.js']);
		expect(
			shellWorkerUrls(
				build.map((u) => `/kartka${u}`),
				'/kartka'
			)
		).toEqual(['/kartka/_app/immutable/workers/builtin-decks.worker-B2gV7X3-.js']);
	});
});

describe('shellKey', () => {
	it('maps the forms a link can take to the prerendered path', () => {
		expect(shellKey('/', '')).toBe('/');
		expect(shellKey('/index.html', '')).toBe('/');
		expect(shellKey('/study.html', '')).toBe('/study');
		expect(shellKey('/study/', '')).toBe('/study');
		expect(shellKey('/kartka', '/kartka')).toBe('/kartka/');
		expect(shellKey('/kartka/study', '/kartka')).toBe('/kartka/study');
	});
});

describe('shellUrls', () => {
	it('installs the deck list and study shells, nothing else', () => {
		const input = {
			base: '',
			build: ['/_app/immutable/entry/start.abc.js'],
			files: ['/manifest.webmanifest', '/register-sw.js', '/favicon.svg', '/icons/icon-192.png'],
			prerendered: ['/', '/study', '/deck', '/settings']
		};
		expect(shellUrls(input)).toEqual(['/', '/study']);
		const based = {
			base: '/kartka',
			build: [],
			files: input.files.map((f) => `/kartka${f}`),
			prerendered: ['/kartka/', '/kartka/study', '/kartka/settings']
		};
		expect(shellUrls(based)).toEqual(['/kartka/', '/kartka/study']);
	});
});

describe('installsCodeOf', () => {
	it("installs the deck list's code before control on a first visit, the study screen's after it", () => {
		expect(installsCodeOf('/', '', false)).toBe(true);
		expect(installsCodeOf('/study', '', false)).toBe(false);
		expect(installsCodeOf('/kartka/', '/kartka', false)).toBe(true);
		expect(installsCodeOf('/kartka/study', '/kartka', false)).toBe(false);
	});

	it("installs every shell route's code before an update waits", () => {
		expect(installsCodeOf('/', '', true)).toBe(true);
		expect(installsCodeOf('/study', '', true)).toBe(true);
		expect(installsCodeOf('/kartka/study', '/kartka', true)).toBe(true);
	});
});
