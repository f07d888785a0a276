import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

/**
 * The layers of src/lib (docs/architecture.md). Each folder may import only the layers below it:
 * domain (pure rules) <- db (I/O) <- services (actions across repos) <- state (screens) <- routes,
 * with components presentational (props in, events out) and pwa beside them.
 */
const layer = (name) => [
	`$lib/${name}/*`,
	`$lib/${name}`,
	`**/lib/${name}/*`,
	`../${name}/*`,
	`../../${name}/*`
];
const forbid = (names, message) => ({ group: names.flatMap(layer), message });
const LAYERS = {
	'src/lib/domain/**': {
		paths: ['dexie', 'svelte', 'workbox-window'].map((name) => ({
			name,
			message: 'src/lib/domain is pure TypeScript: no storage, no UI framework.'
		})),
		patterns: [
			{ group: ['svelte/*', '$app/*'], message: 'src/lib/domain is pure: no Svelte or SvelteKit.' },
			forbid(
				['db', 'state', 'services', 'components', 'pwa'],
				'src/lib/domain imports no other layer: pass data in.'
			)
		]
	},
	'src/lib/db/**': {
		patterns: [
			forbid(
				['state', 'services', 'components', 'pwa'],
				'src/lib/db does I/O only: it imports domain and dexie.'
			)
		]
	},
	'src/lib/services/**': {
		patterns: [forbid(['state', 'components'], 'src/lib/services may not reach up into state or components.')]
	},
	'src/lib/components/**': {
		paths: [{ name: 'dexie', message: 'Components get data by props; the screen state reads the database.' }],
		patterns: [
			forbid(['db'], 'Components get data by props and send events out; the screen state does I/O.'),
			{
				...forbid(['services'], 'Components call no services: the screen state does (types are fine).'),
				allowTypeImports: true
			}
		]
	},
	'src/routes/**': {
		paths: [
			{ name: 'dexie', message: 'Routes stay thin: the screen state reads the database.' },
			{
				name: '$lib/db/db',
				allowImportNames: ['appDb'],
				message: 'Routes may take appDb() and hand it to the screen state; nothing else from $lib/db.'
			}
		],
		patterns: [
			{
				group: ['$lib/db/*', '!$lib/db/db'],
				message: 'Routes may take appDb() and hand it to the screen state; nothing else from $lib/db.'
			}
		]
	}
};

export default ts.config(
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	{ languageOptions: { globals: { ...globals.browser, ...globals.node } } },
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	{
		rules: {
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
			'svelte/no-navigation-without-resolve': 'off'
		}
	},
	...Object.entries(LAYERS).map(([glob, options]) => ({
		files: [glob],
		rules: { '@typescript-eslint/no-restricted-imports': ['error', options] }
	})),
	{ ignores: ['build/', '.svelte-kit/', 'node_modules/', 'test-results/', 'bench-results/'] }
);
