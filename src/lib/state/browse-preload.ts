/**
 * Browse's code, loaded before the student asks for it (issue 11: first rows ≤ 200 ms after "Browse").
 * Fetching and evaluating the route's chunks after the click was most of that time. They are loaded once
 * the page has loaded (the `load` event), the service worker is active (on a first visit, its install is
 * not slowed down, and the chunks then come through it) and the browser is idle. So a first visit's load
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
	// Without a worker (blocked, unsupported), right after `load`.
	const schedule = () =>
		'serviceWorker' in navigator ? void navigator.serviceWorker.ready.then(whenIdle) : whenIdle();
	if (document.readyState === 'complete') schedule();
	else window.addEventListener('load', schedule, { once: true });
	return () => {
		cancelled = true;
		window.removeEventListener('load', schedule);
		if (idle !== undefined) cancelIdleCallback(idle);
	};
}
