// How the client build groups modules into chunks for a first visit (issue 13: LCP and blocking time).
//
// Left to itself, Rolldown makes one shared chunk per combination of screens that use a module: home's first
// visit preloaded ~23 scripts, most under 1 kB. Lighthouse's simulation counts every `modulepreload` in <head>
// as a high-priority request on the way to the first paint (six connections, one round trip each on slow 4G),
// and every chunk costs its own import/export lines and gzip stream. So the modules a first visit needs are
// put in two chunks:
//   - `shell`: what every screen starts with (SvelteKit's client, the layout and all it imports: Svelte's
//     runtime, Dexie, start-up) plus what home and the study screen share (the queue, study settings, counts);
//   - `home`: the rest of the home page (deck list, deck groups, the home screen's state);
// plus `paint-first` (src/lib/state/paint-first.ts), a chunk of its own that the shell imports, so that its
// top-level await holds back the whole shell until the prerendered page is painted; and `dexie` (the library),
// a chunk of its own that does not wait for it: its evaluation (~40 % of the shell's) runs in the task where
// the scripts arrive, and the rest of the shell in the next one, so neither is one long task (session 6). The styles of home, study
// (with the summary it loads after its first card) and the status dock go with the shell: one stylesheet, which
// svelte.config.js inlines into the page.
// Everything else (other screens, code loaded on an action or after the first paint) keeps Rolldown's automatic
// chunks, so no screen loads another's code. The route nodes themselves stay entries of their own (SvelteKit
// loads them by name): a few hundred bytes each.
import { readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** Modules every screen loads at start (the app entry, SvelteKit's client, the layout). */
const SHELL_ROOTS = [
	'node_modules/@sveltejs/kit/src/runtime/client/entry.js',
	'.svelte-kit/generated/client-optimized/app.js',
	'src/routes/+layout.svelte'
];
const HOME_PAGE = 'src/routes/+page.svelte';
const STUDY_PAGE = 'src/routes/study/+page.svelte';
/** Its own chunk, imported by the shell: its top-level await holds the shell back until a frame is painted. */
const PAINT_FIRST = 'src/lib/state/paint-first.ts';
/** Dexie: evaluated as soon as it has arrived, apart from the shell (see above). */
const DEXIE = /[\\/]node_modules[\\/]dexie[\\/]/;
/** A Svelte component's styles (a virtual module of its own: Vite writes them to its chunk's stylesheet). */
const STYLE = /\?svelte&type=style/;

/**
 * @typedef {{ getModuleInfo(id: string): { importedIds: readonly string[]; dynamicallyImportedIds: readonly string[] } | null }} ChunkingContext
 */

/**
 * Every module `from` imports statically, itself included (dynamic imports are left out: they load later).
 * @param {ChunkingContext} ctx @param {string[]} from
 */
function staticClosure(ctx, from) {
	/** @type {Set<string>} */
	const seen = new Set();
	const stack = [...from];
	while (stack.length) {
		const id = /** @type {string} */ (stack.pop());
		if (seen.has(id)) continue;
		const info = ctx.getModuleInfo(id);
		if (!info) continue;
		seen.add(id);
		stack.push(...info.importedIds);
	}
	return seen;
}

/** @param {string} root @param {string} path */
function moduleId(root, path) {
	try {
		return realpathSync(resolve(root, path));
	} catch {
		return resolve(root, path);
	}
}

/**
 * Rolldown's `output.codeSplitting` for the client build (vite.config.ts).
 * @param {string} root the project directory
 */
export function firstVisitChunks(root) {
	/** @type {Map<string, 'paint-first' | 'dexie' | 'shell' | 'home'> | null} */
	let plan = null;
	/** @param {ChunkingContext} ctx */
	const planFor = (ctx) => {
		if (plan) return plan;
		const id = (/** @type {string} */ path) => moduleId(root, path);
		const shell = staticClosure(ctx, SHELL_ROOTS.map(id));
		const home = staticClosure(ctx, [id(HOME_PAGE)]);
		const study = staticClosure(ctx, [id(STUDY_PAGE)]);
		plan = new Map();
		for (const module of home) {
			const shared = shell.has(module) || study.has(module) || STYLE.test(module);
			plan.set(module, shared ? 'shell' : 'home');
		}
		for (const module of shell) plan.set(module, 'shell');
		plan.set(id(PAINT_FIRST), 'paint-first');
		for (const module of plan.keys()) if (DEXIE.test(module)) plan.set(module, 'dexie');
		// The status dock's styles too: SvelteKit links the CSS of what the layout imports later in <head>
		// anyway, so in the shell's stylesheet it costs no request of its own.
		// Likewise what the study screen imports after its first card (the end-of-session summary): its own
		// stylesheet, added to the page then, made the browser recalculate the whole page's style in a long task
		// after the first card (issue 13: blocking time); in the shell's it is a few hundred bytes of the page.
		const layout = staticClosure(ctx, [id('src/routes/+layout.svelte')]);
		const later = [...layout, ...study].flatMap((m) => ctx.getModuleInfo(m)?.dynamicallyImportedIds ?? []);
		for (const module of [...staticClosure(ctx, later), ...study])
			if (STYLE.test(module)) plan.set(module, 'shell');
		return plan;
	};
	// By priority, paint-first and then the shell first: a group also takes the modules its own modules import,
	// and the shell's must stay in the shell (the `home` chunk imports from it, never the other way round).
	// (The generated route nodes and the app entry are entries: Rolldown keeps them in their own chunks.)
	const group = (
		/** @type {'paint-first' | 'dexie' | 'shell' | 'home'} */ name,
		/** @type {number} */ priority
	) => ({
		debugName: name,
		priority,
		// A function (not a `test`) because only `name` is given the module graph.
		/** @param {string} module @param {ChunkingContext} ctx */
		name: (module, ctx) => (planFor(ctx).get(module) === name ? name : null)
	});
	return { groups: [group('paint-first', 4), group('dexie', 3), group('shell', 2), group('home', 1)] };
}

/**
 * V8's explicit compile hint (Chromium ≥ 136): a file that starts with this comment has all its functions
 * compiled eagerly, on a background thread while the file is streamed in, instead of lazily on the main thread
 * the first time each is called (issue 13: blocking time). A first visit calls most of these chunks' functions
 * at start-up (module evaluation, SvelteKit's `start()`, hydration), and the lazy compiles were a large part of
 * those tasks. Other engines ignore the comment. Cost: the functions a first visit never calls are compiled
 * too (background CPU and memory), so only the chunks a first visit runs carry it.
 */
export const COMPILE_HINT = '//# allFunctionsCalledOnLoad';
/** The chunks (group names above) that carry the hint. */
const EAGER_CHUNKS = new Set(['shell', 'home']);

/**
 * Rolldown's `output.postBanner` (added after minification, which drops comments): the compile hint on a
 * first visit's chunks, as their first line, where V8 looks for it (part of the file's hash like any other
 * content).
 * @param {{ name: string }} chunk
 */
export function compileHintBanner(chunk) {
	return EAGER_CHUNKS.has(chunk.name) ? COMPILE_HINT : '';
}

/**
 * Vite writes its preload helper's list (`const __vite__mapDeps=…`) above everything in a chunk once the
 * bundle is generated, so above the banner too; this puts the compile hint back on the first line of the
 * written files, where V8's explainer says it goes.
 * @returns {import('vite').Plugin}
 */
export function compileHintFirst() {
	const line = `\n${COMPILE_HINT}\n`;
	return {
		name: 'kartka:compile-hint-first',
		apply: 'build',
		writeBundle(options, bundle) {
			for (const chunk of Object.values(bundle)) {
				if (chunk.type !== 'chunk' || !options.dir) continue;
				const file = resolve(options.dir, chunk.fileName);
				const code = readFileSync(file, 'utf8');
				if (code.includes(line)) writeFileSync(file, `${COMPILE_HINT}\n${code.replace(line, '\n')}`);
			}
		}
	};
}
