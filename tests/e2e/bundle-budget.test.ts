// Byte budgets (issue 13), checked on the build that `npm run test:e2e` makes first: the JavaScript a first
// visit loads, gzip, from the build's own module graph (scripts/bundle-budget.js). Bytes, not time: the same
// build always gives the same figures. A broken budget fails with the list of chunks behind it.
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
	BUDGETS,
	budgetLines,
	ciLimit,
	describeOverBudget,
	librariesIn,
	measureBuild,
	preloadedScripts
} from '../../scripts/bundle-budget.js';
import { readdirSync, readFileSync } from 'node:fs';
import { staticClosure } from '../../src/lib/pwa/module-preloads.server';

const MANIFEST = '.svelte-kit/output/client/.vite/manifest.json';

describe('byte budgets of the build', () => {
	const { routes } = measureBuild('build', MANIFEST);
	const lines = budgetLines(routes);

	it('measures home, home + study, and every other screen', () => {
		expect(lines.map((l) => l.name)).toEqual(
			expect.arrayContaining([
				'home, first visit',
				'home + study',
				'home + study, after the first paint',
				'/study: extra over home'
			])
		);
		expect(routes.size).toBeGreaterThanOrEqual(5);
		// The floor of any page: the Svelte runtime, SvelteKit's client and Dexie.
		expect(lines[0]!.bytes).toBeGreaterThan(30_000);
	});

	it('loads ts-fsrs neither on home nor before the first card, and the status dock only after the paint', () => {
		const home = routes.get('/')!;
		const study = routes.get('/study')!;
		expect(librariesIn('build', home.app)).not.toContain('ts-fsrs');
		expect(librariesIn('build', study.app)).not.toContain('ts-fsrs');
		expect(librariesIn('build', study.later)).toContain('ts-fsrs');
		expect(home.later.map((c) => c.source)).toContain('src/lib/components/pwa/AppStatus.svelte');
		expect(home.app.map((c) => c.source)).not.toContain('src/lib/components/pwa/AppStatus.svelte');
	});

	// Lighthouse's simulation counts each preloaded script as a request before the first paint: a first visit's
	// modules are a few chunks (scripts/first-visit-chunks.js), not one per combination of screens (~23 before).
	// Study's own chunks come on top of the shell's (its module, the card, the keys, the session state).
	it('preloads a handful of scripts on home and study, and no stylesheet request', () => {
		for (const [page, most] of [
			['build/index.html', 10],
			['build/study.html', 20]
		] as const) {
			const html = readFileSync(page, 'utf8');
			expect(preloadedScripts(html).length, page).toBeLessThanOrEqual(most);
			// Stylesheets are inlined (svelte.config.js inlineStyleThreshold): only disabled links remain.
			expect(html).toContain('<style>');
			expect(html).not.toMatch(/<link href="[^"]+\.css" rel="stylesheet">/);
		}
	});

	// What the service worker installs for a page is what the page preloads (precache-plan.ts): a chunk a
	// screen imports but does not preload is fetched one round trip late, and is missing offline after a
	// first visit (src/lib/pwa/module-preloads.server.ts says why SvelteKit's own list fell short).
	it('every page preloads every script its preloaded scripts import', () => {
		const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8'));
		for (const page of readdirSync('build').filter((f) => f.endsWith('.html'))) {
			const listed = preloadedScripts(readFileSync(`build/${page}`, 'utf8'));
			const missing = staticClosure(manifest, listed).filter((file) => !listed.includes(file));
			expect(missing, page).toEqual([]);
		}
	});

	// The target where it is met; a ratchet ceiling (CI_CEILINGS) where it is not yet, so nothing grows.
	it.each(lines.map((l) => [l.name, l] as const))('%s stays within what CI allows', (_name, line) => {
		if (line.bytes > ciLimit(line)) expect.fail(describeOverBudget({ ...line, budget: ciLimit(line) }));
		if (line.bytes > line.budget) console.info(`over its target (ratchet): ${describeOverBudget(line)}`);
	});
});

describe('the budget check itself', () => {
	it('fails a build whose home page preloads too much, naming the chunk', () => {
		const dir = mkdtempSync(join(tmpdir(), 'kartka-budget-'));
		try {
			mkdirSync(join(dir, '_app/immutable/chunks'), { recursive: true });
			// Random bytes do not compress: 100 kB stays ~100 kB gzip.
			const big = randomBytes(100_000);
			writeFileSync(join(dir, '_app/immutable/chunks/big.js'), big);
			writeFileSync(join(dir, '_app/immutable/chunks/small.js'), 'export const a = 1;');
			const page = (file: string) => `<link href="./_app/immutable/chunks/${file}" rel="modulepreload">`;
			writeFileSync(join(dir, 'index.html'), page('big.js'));
			writeFileSync(join(dir, 'study.html'), page('small.js'));
			writeFileSync(
				join(dir, 'manifest.json'),
				JSON.stringify({
					'src/big.ts': { file: '_app/immutable/chunks/big.js' },
					'src/small.ts': { file: '_app/immutable/chunks/small.js' }
				})
			);
			const [home] = budgetLines(measureBuild(dir, join(dir, 'manifest.json')).routes);
			expect(home!.bytes).toBeGreaterThan(BUDGETS.home);
			expect(describeOverBudget(home!)).toMatch(
				/home, first visit: .* budget 80\.0 kB\n.*big\.js {2}\(src\/big\.ts\)/
			);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
