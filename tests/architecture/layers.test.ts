// The layer rules in eslint.config.js (docs/architecture.md) fail on a planted violation and pass the
// imports each layer is allowed, so the next reach across a layer breaks `npm run lint`.
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const RULE = '@typescript-eslint/no-restricted-imports';
let eslint: ESLint;

// Loading the config and its plugins is the slow part (seconds on a busy 2-core machine): do it once, here.
beforeAll(async () => {
	eslint = new ESLint({ cwd: process.cwd() });
	await eslint.lintText('export {};\n', { filePath: 'src/lib/domain/warm-up.ts' });
}, 120_000);

async function ruleHits(filePath: string, source: string): Promise<number> {
	const [result] = await eslint.lintText(`${source}\nexport const used = [imported];\n`, { filePath });
	return result!.messages.filter((m) => m.ruleId === RULE).length;
}

const planted: [string, string, string][] = [
	['domain imports dexie', 'src/lib/domain/planted.ts', "import { Dexie as imported } from 'dexie';"],
	['domain imports svelte', 'src/lib/domain/planted.ts', "import { tick as imported } from 'svelte';"],
	['domain imports $app', 'src/lib/domain/planted.ts', "import { goto as imported } from '$app/navigation';"],
	['domain imports db', 'src/lib/domain/exam/planted.ts', "import { appDb as imported } from '$lib/db/db';"],
	[
		'domain imports db relatively',
		'src/lib/domain/planted.ts',
		"import { appDb as imported } from '../db/db';"
	],
	[
		'domain imports state',
		'src/lib/domain/planted.ts',
		"import { X as imported } from '$lib/state/x.svelte';"
	],
	[
		'domain imports services',
		'src/lib/domain/planted.ts',
		"import { x as imported } from '$lib/services/x';"
	],
	['db imports services', 'src/lib/db/planted.ts', "import { x as imported } from '$lib/services/x';"],
	['db imports state', 'src/lib/db/planted.ts', "import { X as imported } from '$lib/state/x.svelte';"],
	['db imports components', 'src/lib/db/planted.ts', "import { x as imported } from '$lib/components/x';"],
	[
		'services import state',
		'src/lib/services/planted.ts',
		"import { X as imported } from '$lib/state/x.svelte';"
	],
	[
		'services import components',
		'src/lib/services/planted.ts',
		"import { x as imported } from '$lib/components/x';"
	],
	[
		'a component imports db',
		'src/lib/components/planted.ts',
		"import { appDb as imported } from '$lib/db/db';"
	],
	[
		'a component imports dexie',
		'src/lib/components/planted.ts',
		"import { Dexie as imported } from 'dexie';"
	],
	[
		'a component calls a service',
		'src/lib/components/planted.ts',
		"import { x as imported } from '$lib/services/x';"
	],
	[
		'a route imports a repo',
		'src/routes/planted/+page.ts',
		"import { getDeck as imported } from '$lib/db/decks.repo';"
	],
	[
		'a route opens its own database',
		'src/routes/planted/+page.ts',
		"import { KartkaDB as imported } from '$lib/db/db';"
	]
];

const allowed: [string, string, string][] = [
	['domain imports domain', 'src/lib/domain/exam/planted.ts', "import { x as imported } from '../model';"],
	['db imports domain', 'src/lib/db/planted.ts', "import { x as imported } from '$lib/domain/model';"],
	[
		'services import db',
		'src/lib/services/planted.ts',
		"import { x as imported } from '$lib/db/decks.repo';"
	],
	['state imports services', 'src/lib/state/planted.ts', "import { x as imported } from '$lib/services/x';"],
	[
		'a component takes a service type',
		'src/lib/components/planted.ts',
		"import type { X as imported } from '$lib/services/x';"
	],
	['a route takes appDb', 'src/routes/planted/+page.ts', "import { appDb as imported } from '$lib/db/db';"]
];

describe('layer rules (eslint.config.js)', () => {
	it.each(planted)('fail when %s', async (_name, filePath, source) => {
		expect(await ruleHits(filePath, source)).toBe(1);
	});

	it.each(allowed)('pass when %s', async (_name, filePath, source) => {
		expect(await ruleHits(filePath, source)).toBe(0);
	});
});
