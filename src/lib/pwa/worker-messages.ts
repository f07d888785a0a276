/**
 * The messages between the page and the service worker (and between two workers). Shared so that both
 * sides agree; workbox-window's messageSkipWaiting() sends the same SKIP_WAITING message.
 */

export const SKIP_WAITING = 'SKIP_WAITING';
export const GET_VERSION = 'GET_VERSION';
/** Page → worker: cache the rest of this version (other screens, parsers, wasm) now, in the background. */
export const WARM_CACHE = 'WARM_CACHE';
/** Page → worker: `urls` (hashed files this page loaded before the worker controlled it) should be kept. */
export const KEEP_URLS = 'KEEP_URLS';
/** Page → worker: a tab started; older caches no open tab runs from can go. */
export const TAB_STARTED = 'TAB_STARTED';
/** Worker → page: which cache (build) does this tab run from? Answered on the message's port. */
export const WHICH_CACHE = 'WHICH_CACHE';

/** Which build a worker serves: its version name and its cache (version + digest of the file list). */
export interface WorkerVersion {
	version: string;
	cache: string;
}

/** Asks a worker which build it serves; null if it does not answer in time (old or busy worker). */
export function askWorkerVersion(worker: ServiceWorker, timeoutMs = 3000): Promise<WorkerVersion | null> {
	return new Promise((resolve) => {
		const channel = new MessageChannel();
		const timer = setTimeout(() => resolve(null), timeoutMs);
		channel.port1.onmessage = (event: MessageEvent<WorkerVersion>) => {
			clearTimeout(timer);
			resolve(event.data);
		};
		worker.postMessage({ type: GET_VERSION }, [channel.port2]);
	});
}
