/**
 * Lets the browser paint the prerendered page before the app's code runs (issue 13: LCP). Imported first by
 * the layout and built as a chunk of its own (scripts/first-visit-chunks.js) that the app's shell chunk
 * imports, so its top-level `await` holds back the evaluation of the whole app (Svelte, SvelteKit, Dexie) and
 * hydration until one frame has been painted. On a slow phone the HTML already paints before the scripts
 * arrive; where they are already there (a fast network, the service worker's cache) this keeps the same
 * order: content first, then start-up. Costs one frame of start-up; nothing on a hidden page (no frames).
 */

/** A page whose frames stall (a background tab that became hidden meanwhile) still starts after this. */
const PAINT_WAIT_MAX_MS = 100;

if (typeof document !== 'undefined' && document.visibilityState === 'visible') {
	await new Promise<void>((resolve) => {
		const fallback = setTimeout(resolve, PAINT_WAIT_MAX_MS);
		// rAF runs just before the frame is painted; the timer after it, once it is.
		requestAnimationFrame(() =>
			setTimeout(() => {
				clearTimeout(fallback);
				resolve();
			}, 0)
		);
	});
}

export {};
