// Issue 13: the study shell is laid out so that the last session's card is painted before the app's code
// (src/lib/pwa/study-shell.server.ts, applied by src/hooks.server.ts when the shells are prerendered).
import { describe, expect, it } from 'vitest';
import { afterFirstCardFiles, layOutStudyShell, PRECACHE_META } from '$lib/pwa/study-shell.server';
import { pageAssetUrls } from '$lib/pwa/precache-plan';

const SHELL = `<!doctype html>
<html lang="en">
	<head>
		<meta charset="utf-8" />
		<script>registerSw()</script>
		<meta http-equiv="content-security-policy" content="script-src 'self'">
		<link href="./_app/immutable/entry/start.A.js" rel="modulepreload">
		<link href="./_app/immutable/chunks/B.js" rel="modulepreload">
		<link href="./_app/immutable/assets/0.C.css" rel="stylesheet">
		<link href="./_app/immutable/assets/12.D.css" rel="stylesheet">
	</head>
	<body data-sveltekit-preload-data="hover">
		<div style="display: contents">
			<script>boot()</script>
		</div>
	</body>
</html>`;

describe('layOutStudyShell', () => {
	const html = layOutStudyShell(SHELL, 'paint()', ['_app/immutable/chunks/S.js'], './');
	const at = (text: string) => html.indexOf(text);

	it('puts the painter first in the <body>, after the whole <head> and its CSP', () => {
		expect(at('<script>paint()</script>')).toBeGreaterThan(at('content-security-policy'));
		expect(at('<script>paint()</script>')).toBeGreaterThan(at('</head>'));
		expect(html).toMatch(/<body data-sveltekit-preload-data="hover">\n\t\t<script>paint\(\)<\/script>\n/);
		expect(at('12.D.css')).toBeLessThan(at('</head>'));
		expect(html.match(/rel="stylesheet"/g)).toHaveLength(2);
	});

	it('moves the module preloads after the painter and before the boot script, each once and in order', () => {
		expect(at('start.A.js')).toBeGreaterThan(at('<script>paint()</script>'));
		expect(at('start.A.js')).toBeLessThan(at('chunks/B.js'));
		expect(at('chunks/B.js')).toBeLessThan(at('<script>boot()</script>'));
		expect(html.match(/rel="modulepreload"/g)).toHaveLength(2);
	});

	it("moves the worker's registration from the <head> to the end of the <body>, after the boot script", () => {
		const moved = layOutStudyShell(SHELL, 'paint()', [], './', '<script>registerSw()</script>');
		expect(moved.match(/registerSw\(\)/g)).toHaveLength(1);
		expect(moved.indexOf('registerSw()')).toBeGreaterThan(moved.indexOf('<script>boot()</script>'));
		expect(moved.indexOf('registerSw()')).toBeLessThan(moved.indexOf('</body>'));
	});

	it("keeps the manifest's link in the <head>, the only place Chromium reads it from", () => {
		const withManifest = SHELL.replace('</head>', '<link rel="manifest" href="./m.webmanifest" />\n</head>');
		const moved = layOutStudyShell(withManifest, 'paint()', [], './', '<script>registerSw()</script>');
		expect(moved.match(/rel="manifest"/g)).toHaveLength(1);
		expect(moved.indexOf('rel="manifest"')).toBeLessThan(moved.indexOf('</head>'));
	});

	it("puts a first visit's data block right before the painter, which reads it", () => {
		const data = '<script type="application/json" id="d">{}</script>';
		const withData = layOutStudyShell(SHELL, 'paint()', [], './', undefined, data);
		expect(withData).toMatch(
			/<body[^>]*>\n\t\t<script type="application\/json" id="d">\{\}<\/script>\n\t\t<script>paint\(\)/
		);
		expect(withData.match(/id="d"/g)).toHaveLength(1);
	});

	it('leaves a page without a <body> as it is', () => {
		expect(layOutStudyShell('<html><head></head></html>', 'paint()', [], './')).toBe(
			'<html><head></head></html>'
		);
	});

	it('lists the files to install with the page, which the service worker reads with the rest', () => {
		expect(html).toContain(`<meta name="${PRECACHE_META}" content="./_app/immutable/chunks/S.js">`);
		expect(at(PRECACHE_META)).toBeLessThan(at('</head>'));
		expect(pageAssetUrls(html, '/study', '')).toEqual([
			'/_app/immutable/assets/0.C.css',
			'/_app/immutable/assets/12.D.css',
			'/_app/immutable/chunks/B.js',
			'/_app/immutable/chunks/S.js',
			'/_app/immutable/entry/start.A.js'
		]);
	});
});

describe('afterFirstCardFiles', () => {
	it("finds the scheduler's shared chunk and the sanitizer with what they import, nothing else", () => {
		const manifest = {
			'_Sched.js': { file: '_app/immutable/chunks/Sched.js', name: 'deck-scheduler', imports: ['_Fsrs.js'] },
			'_Fsrs.js': { file: '_app/immutable/chunks/Fsrs.js', name: 'fsrs-adapter' },
			'src/lib/components/card-purifier.ts': {
				file: '_app/immutable/chunks/Pur.js',
				name: 'card-purifier',
				src: 'src/lib/components/card-purifier.ts',
				imports: ['_Fsrs.js']
			},
			'node_modules/sql.js/dist/sql-wasm-browser.js': {
				file: '_app/immutable/chunks/Sql.js',
				src: 'node_modules/sql.js/dist/sql-wasm-browser.js'
			}
		};
		expect(afterFirstCardFiles(manifest)).toEqual([
			'_app/immutable/chunks/Fsrs.js',
			'_app/immutable/chunks/Pur.js',
			'_app/immutable/chunks/Sched.js'
		]);
	});

	it("lists the stylesheet of a component it finds (the summary's), which it loads with its code", () => {
		const manifest = {
			'src/lib/components/SessionSummary.svelte': {
				file: '_app/immutable/chunks/Sum.js',
				src: 'src/lib/components/SessionSummary.svelte',
				css: ['_app/immutable/assets/SessionSummary.X.css']
			}
		};
		expect(afterFirstCardFiles(manifest)).toEqual([
			'_app/immutable/assets/SessionSummary.X.css',
			'_app/immutable/chunks/Sum.js'
		]);
	});

	it('finds the scheduler when it is a module of its own', () => {
		const manifest = {
			'src/lib/domain/deck-scheduler.ts': {
				file: '_app/immutable/chunks/S.js',
				src: 'src/lib/domain/deck-scheduler.ts'
			}
		};
		expect(afterFirstCardFiles(manifest)).toEqual(['_app/immutable/chunks/S.js']);
	});
});
