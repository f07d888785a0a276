import { fileURLToPath } from 'node:url';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { deckManifest } from './scripts/deck-manifest.js';
import { compileHintBanner, compileHintFirst, firstVisitChunks } from './scripts/first-visit-chunks.js';

export default defineConfig(({ isSsrBuild }) => ({
	plugins: [sveltekit(), compileHintFirst()],
	build: {
		// The browser's chunks only (the server build just prerenders): a first visit's modules in two chunks
		// instead of ~23 (scripts/first-visit-chunks.js says why).
		rolldownOptions: isSsrBuild
			? {}
			: {
					output: {
						codeSplitting: firstVisitChunks(fileURLToPath(new URL('.', import.meta.url))),
						// V8 compiles a first visit's chunks off the main thread as they stream in (the script says why).
						postBanner: compileHintBanner
					}
				}
	},
	define: {
		__KARTKA_DECKS__: JSON.stringify(deckManifest())
	},
	test: {
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					include: ['tests/**/*.test.ts'],
					exclude: ['tests/e2e/**'],
					environment: 'node',
					setupFiles: ['tests/setup-unit.ts'],
					// Generous: CI machines have 2 cores; speed targets live in benchmarks, not here.
					testTimeout: 30_000
				}
			},
			{
				extends: true,
				test: {
					name: 'e2e',
					include: ['tests/e2e/**/*.test.ts'],
					environment: 'node',
					globalSetup: ['tests/e2e/global-setup.ts'],
					fileParallelism: false,
					testTimeout: 120_000,
					hookTimeout: 120_000
				}
			}
		]
	}
}));
