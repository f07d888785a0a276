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

/**
 * Posts `message` with a reply port to a worker or a tab and waits for the one answer on it; null if none
 * comes in time (an old or busy worker, a tab still starting up).
 */
export function askOnPort<T>(
	target: { postMessage(message: unknown, transfer: Transferable[]): void },
	message: { type: string },
	timeoutMs: number
): Promise<T | null> {
	return new Promise((resolve) => {
		const channel = new MessageChannel();
		const timer = setTimeout(() => resolve(null), timeoutMs);
		channel.port1.onmessage = (event: MessageEvent<T>) => {
			clearTimeout(timer);
			resolve(event.data);
		};
		target.postMessage(message, [channel.port2]);
	});
}

/** Asks a worker which build it serves; null if it does not answer in time (old or busy worker). */
export function askWorkerVersion(worker: ServiceWorker, timeoutMs = 3000): Promise<WorkerVersion | null> {
	return askOnPort<WorkerVersion>(worker, { type: GET_VERSION }, timeoutMs);
}
