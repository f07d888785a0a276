/**
 * Browse's code, loaded before the student asks for it (issue 11: first rows ≤ 200 ms after "Browse").
 * Fetching and evaluating the route's chunks was most of that time. They are loaded once the page has
 * loaded (the `load` event) and the browser is idle, so a first visit's load is unchanged: no byte is
 * added before the page has loaded (scripts/bundle-budget.js counts only what a first visit
 * preloads and starts). Hovering or touching the link still preloads at once (data-sveltekit-preload-data).
 */
import { preloadCode } from '$app/navigation';

/** requestIdleCallback's deadline: a busy page still preloads eventually. */
const IDLE_TIMEOUT_MS = 3_000;

export function preloadBrowseWhenIdle(): () => void {
	if (typeof window === 'undefined') return () => {};
	let timer: ReturnType<typeof setTimeout> | undefined;
	let idle: number | undefined;
	const preload = () => void preloadCode('/browse').catch(() => undefined);
	const schedule = () => {
		// Safari has no requestIdleCallback: a timer there.
		if ('requestIdleCallback' in window) idle = requestIdleCallback(preload, { timeout: IDLE_TIMEOUT_MS });
		else timer = setTimeout(preload, IDLE_TIMEOUT_MS);
	};
	if (document.readyState === 'complete') schedule();
	else window.addEventListener('load', schedule, { once: true });
	return () => {
		window.removeEventListener('load', schedule);
		clearTimeout(timer);
		if (idle !== undefined) cancelIdleCallback(idle);
	};
}
