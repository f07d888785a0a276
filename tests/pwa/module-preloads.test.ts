import { describe, expect, it } from 'vitest';
import { completeModulePreloads, staticClosure, type ClientManifest } from '$lib/pwa/module-preloads.server';

// The shape that made SvelteKit leave a screen's chunks out: the shell imports every screen dynamically, and
// the screen shares a chunk (`keys`) with another screen that the walk met first through that dynamic import.
const manifest: ClientManifest = {
	'entry.js': { file: '_app/immutable/entry/start.js', imports: ['_shell.js'] },
	'_shell.js': { file: '_app/immutable/chunks/shell.js', imports: ['_runtime.js'] },
	'_runtime.js': { file: '_app/immutable/chunks/runtime.js' },
	'nodes/1.js': { file: '_app/immutable/nodes/1.js', imports: ['_shell.js', '_keys.js'] },
	'nodes/2.js': { file: '_app/immutable/nodes/2.js', imports: ['_shell.js', '_keys.js', '_card.js'] },
	'_keys.js': { file: '_app/immutable/chunks/keys.js', imports: ['_runtime.js'] },
	'_card.js': { file: '_app/immutable/chunks/card.js', imports: ['_keys.js'] }
};

const page = (hrefs: string[]) =>
	`<head>\n${hrefs.map((h) => `\t\t<link href="./${h}" rel="modulepreload">`).join('\n')}\n\t\t<style></style>\n</head><body></body>`;
const preloads = (html: string) =>
	[...html.matchAll(/<link href="([^"]+)" rel="modulepreload">/g)].map((m) => m[1]);

describe('module preloads of a prerendered page', () => {
	it('lists every file the preloaded scripts import statically, once', () => {
		expect(staticClosure(manifest, ['_app/immutable/nodes/2.js']).sort()).toEqual([
			'_app/immutable/chunks/card.js',
			'_app/immutable/chunks/keys.js',
			'_app/immutable/chunks/runtime.js',
			'_app/immutable/chunks/shell.js',
			'_app/immutable/nodes/2.js'
		]);
	});

	it("adds the screen's chunks SvelteKit left out, after its own links, keeping theirs first", () => {
		const html = page([
			'_app/immutable/entry/start.js',
			'_app/immutable/chunks/shell.js',
			'_app/immutable/nodes/2.js'
		]);
		const done = completeModulePreloads(html, manifest, './');
		expect(preloads(done)).toEqual([
			'./_app/immutable/entry/start.js',
			'./_app/immutable/chunks/shell.js',
			'./_app/immutable/nodes/2.js',
			'./_app/immutable/chunks/runtime.js',
			'./_app/immutable/chunks/keys.js',
			'./_app/immutable/chunks/card.js'
		]);
		expect(done.indexOf('<style>')).toBeGreaterThan(done.lastIndexOf('modulepreload'));
	});

	it('leaves a complete page, and one without module preloads, as it is', () => {
		const complete = page([
			'_app/immutable/nodes/1.js',
			'_app/immutable/chunks/shell.js',
			'_app/immutable/chunks/runtime.js',
			'_app/immutable/chunks/keys.js'
		]);
		expect(completeModulePreloads(complete, manifest, './')).toBe(complete);
		expect(completeModulePreloads('<head></head>', manifest, './')).toBe('<head></head>');
	});
});
