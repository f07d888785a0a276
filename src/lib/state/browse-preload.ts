/**
 * Browse's code, loaded before the student asks for it (issue 11: first rows ≤ 200 ms after "Browse").
 * Fetching and evaluating the route's chunks after the click was most of that time. They are loaded once
 * the page has loaded (the `load` event) and the browser is idle, on visits the service worker already
 * controls (the chunks come from its cache; a first visit is left alone). So a first visit's load
 * is unchanged: scripts/bundle-budget.js counts what a first visit's HTML preloads and what start-up
 * imports, and this comes after both. Hovering or touching the link still preloads at once
 * (data-sveltekit-preload-data).
 */
import { preloadCode } from '$app/navigation';

/** requestIdleCallback's deadline: a busy page still preloads eventually. */
const IDLE_TIMEOUT_MS = 3_000;

export function preloadBrowseWhenIdle(): () => void {
	if (typeof window === 'undefined') return () => {};
	let cancelled = false;
	let idle: number | undefined;
	const preload = () => {
		if (!cancelled) void preloadCode('/browse').catch(() => undefined);
	};
	const whenIdle = () => {
		if (cancelled) return;
		// Safari has no requestIdleCallback: a timer there.
		if ('requestIdleCallback' in window) idle = requestIdleCallback(preload, { timeout: IDLE_TIMEOUT_MS });
		else setTimeout(preload, IDLE_TIMEOUT_MS);
	};
	// Only on a later visit, when a service worker already controls the page: the code then comes from its
	// cache. A first visit (no controller yet) downloads and installs enough already; preloading there added to
	// Lighthouse's blocking time on home (issue 13), and hovering or touching the link still
	// preloads. Without service workers at all (blocked, unsupported), right after `load`.
	const schedule = () => {
		if (!('serviceWorker' in navigator)) whenIdle();
		else if (navigator.serviceWorker.controller && servedByWorker()) whenIdle();
	};
	if (document.readyState === 'complete') schedule();
	else window.addEventListener('load', schedule, { once: true });
	return () => {
		cancelled = true;
		window.removeEventListener('load', schedule);
		if (idle !== undefined) cancelIdleCallback(idle);
	};
}

/**
 * Whether this page's own HTML came through a service worker. A first visit's worker can take control
 * (clients.claim) before the page's `load` event on a fast machine: `controller` is then set, but the visit is
 * still a first one, whose start-up the preload would lengthen.
 */
function servedByWorker(): boolean {
	const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
	return (navigation?.workerStart ?? 0) > 0;
}
