// V8's compile hint on a first visit's chunks (issue 13: blocking time; scripts/first-visit-chunks.js says
// why), checked on the build `npm run test:e2e` makes first: the hint is on the first line of the shell and
// home chunks home preloads, and on no other script (every function of a file with it is compiled up front).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { preloadedScripts } from '../../scripts/bundle-budget.js';
import { COMPILE_HINT } from '../../scripts/first-visit-chunks.js';

const CHUNKS = 'build/_app/immutable/chunks';

describe("the compile hint on a first visit's chunks", () => {
	const hinted = readdirSync(CHUNKS).filter((file) =>
		readFileSync(join(CHUNKS, file), 'utf8').includes(COMPILE_HINT)
	);

	it('is the first line of exactly two chunks, the shell and home, both preloaded by home', () => {
		expect(hinted).toHaveLength(2);
		const preloaded = preloadedScripts(readFileSync('build/index.html', 'utf8')).join('\n');
		for (const file of hinted) {
			expect(readFileSync(join(CHUNKS, file), 'utf8').startsWith(`${COMPILE_HINT}\n`), file).toBe(true);
			expect(preloaded, file).toContain(file);
		}
	});

	it("is on SvelteKit's client (the shell) but not on Dexie's chunk, which home barely calls", () => {
		const texts = hinted.map((file) => readFileSync(join(CHUNKS, file), 'utf8'));
		expect(texts.some((text) => text.includes('__vite__mapDeps'))).toBe(true);
		const dexie = readdirSync(CHUNKS).find((file) =>
			readFileSync(join(CHUNKS, file), 'utf8').includes('semVer')
		);
		expect(dexie).toBeDefined();
		expect(hinted).not.toContain(dexie);
	});
});
