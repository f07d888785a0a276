/**
 * `<html data-ready>`: set once the app has hydrated and the first screen has loaded its data (or shown
 * its error). The home page is prerendered with the shipped decks, so its heading and buttons are on
 * screen before the app runs: browser tests wait for this attribute, which nothing but the running app
 * sets, instead of for something the prerendered HTML already shows.
 */
let resolveReady: () => void = () => {};
const pageReady = new Promise<void>((resolve) => (resolveReady = resolve));

export function markPageReady(): void {
	if (typeof document !== 'undefined') document.documentElement.dataset.ready = 'true';
	resolveReady();
}

/** A screen that never says it is ready (or takes this long) does not hold back what waits for it. */
const READY_FALLBACK_MS = 3000;
/** requestIdleCallback's deadline: on a busy page the work still starts after this long. */
const IDLE_TIMEOUT_MS = 1000;

/**
 * Resolves in an idle moment after the first screen is ready: for what the first paint does not need
 * (the status dock, the service worker's update flow), so it adds no work to start-up (issue 13: TBT).
 */
export function afterPageReady(): Promise<void> {
	const fallback = new Promise<void>((resolve) => setTimeout(resolve, READY_FALLBACK_MS));
	return Promise.race([pageReady, fallback]).then(
		() =>
			new Promise<void>((resolve) => {
				if (typeof requestIdleCallback === 'function')
					requestIdleCallback(() => resolve(), { timeout: IDLE_TIMEOUT_MS });
				else setTimeout(resolve, 0);
			})
	);
}

/** Resolves in a later task: lets the browser paint and end the current (hydration) task first. */
export function afterThisTask(): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, 0));
}
