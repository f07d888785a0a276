/**
 * Completes a prerendered page's `<link rel="modulepreload">` list from Vite's client manifest, at build time
 * (src/hooks.server.ts).
 *
 * Why: SvelteKit lists a page's scripts by walking the manifest, but its walk marks a chunk as seen when it
 * first meets it through a dynamic import (as "not preloaded") and then skips it when a static import reaches
 * it later. Once the app's shell chunk holds SvelteKit's client, which imports every screen dynamically
 * (scripts/first-visit-chunks.js), most of a screen's own chunks were left out: the browser found them only
 * after the screen's module had loaded (one more round trip), and the service worker, which installs what the
 * pages preload (precache-plan.ts), did not install them, so a first visit's offline study broke.
 */

export interface ManifestChunk {
	file: string;
	name?: string;
	src?: string;
	imports?: string[];
	/** The stylesheets of the chunk's components (a lazily loaded component's own styles). */
	css?: string[];
}
export type ClientManifest = Record<string, ManifestChunk>;

const MODULE_PRELOAD = /<link href="([^"]+)" rel="modulepreload">/g;

/** Every built file the given files import statically, the files themselves included, in a stable order. */
export function staticClosure(manifest: ClientManifest, files: readonly string[]): string[] {
	const keyOf = new Map(Object.entries(manifest).map(([key, chunk]) => [chunk.file, key]));
	const found = new Set<string>();
	const visit = (key: string | undefined) => {
		const chunk = key === undefined ? undefined : manifest[key];
		if (!chunk || found.has(chunk.file)) return;
		found.add(chunk.file);
		for (const imported of chunk.imports ?? []) visit(imported);
	};
	for (const file of files) visit(keyOf.get(file));
	return [...found];
}

/**
 * The page with a modulepreload link, after its last one, for each file its preloaded scripts import
 * statically but SvelteKit left out. `assetsPrefix` is how the page's own links start (`./` at the root).
 */
export function completeModulePreloads(html: string, manifest: ClientManifest, assetsPrefix: string): string {
	const links = [...html.matchAll(MODULE_PRELOAD)];
	const last = links.at(-1);
	if (!last || last.index === undefined) return html;
	const listed = links.map(([, href]) => href!.slice(assetsPrefix.length));
	const have = new Set(listed);
	const missing = staticClosure(manifest, listed).filter((file) => !have.has(file));
	if (missing.length === 0) return html;
	const at = last.index + last[0].length;
	const added = missing
		.map((file) => `\n\t\t<link href="${assetsPrefix}${file}" rel="modulepreload">`)
		.join('');
	return html.slice(0, at) + added + html.slice(at);
}
