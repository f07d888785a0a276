/// <reference lib="webworker" />
/**
 * Fits personal FSRS parameters with fsrs-rs compiled to wasm (fsrs-browser), off the main thread.
 * fsrs-browser trains on a rayon thread pool of nested workers over shared wasm memory, which is why the
 * page must be cross-origin isolated (COOP + COEP). The pool's threads may load this very script (the
 * bundler points the rayon helper at the current worker), so only our own message type is handled.
 */
import { errorMessage } from '$lib/domain/errors';
import init, { Fsrs, initThreadPool, Progress } from 'fsrs-browser';
import { OPTIMIZE, type OptimizeRequest, type OptimizerMessage } from './optimizer-protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
let ready: Promise<WebAssembly.Memory> | null = null;

/**
 * fsrs-browser starts each rayon thread from its helper script, which the bundler emits as a separate
 * file that is not in the app's file list, so the service worker would not precache it and threads
 * could not start offline. This bundle contains the same helper (it answers the threads' init message),
 * so threads are started from this script instead.
 */
function startThreadsFromThisScript(): void {
	// Nested workers exist in worker scopes; the webworker typings just do not declare them.
	const global = scope as unknown as { Worker: typeof Worker; location: Location };
	const NativeWorker = global.Worker;
	global.Worker = class extends NativeWorker {
		constructor(url: string | URL, options?: WorkerOptions) {
			super(String(url).includes('workerHelpers') ? scope.location.href : url, options);
		}
	};
}

function start(wasmUrl: string): Promise<WebAssembly.Memory> {
	ready ??= (async () => {
		const wasm = await init({ module_or_path: wasmUrl });
		startThreadsFromThisScript();
		// One thread per core, up to 4 (training gains little beyond); at least one is required.
		await initThreadPool(Math.max(1, Math.min(4, navigator.hardwareConcurrency || 2)));
		return wasm.memory;
	})();
	return ready;
}

function post(message: OptimizerMessage): void {
	scope.postMessage(message);
}

scope.addEventListener('message', async (event: MessageEvent) => {
	const request = event.data as OptimizeRequest | null;
	if (request?.type !== OPTIMIZE) return;
	try {
		if (!scope.crossOriginIsolated)
			throw new Error('The page is not cross-origin isolated: wasm threads are unavailable.');
		const memory = await start(request.wasmUrl);
		const started = performance.now();
		const progress = Progress.new();
		post({ type: 'progress-source', memory, pointer: progress.pointer() });
		const fsrs = new Fsrs();
		const weights = fsrs.computeParameters(
			request.ratings,
			request.deltaDays,
			request.lengths,
			progress,
			request.enableShortTerm
		);
		post({ type: 'done', weights: Array.from(weights), elapsedMs: performance.now() - started });
		fsrs.free();
	} catch (error) {
		post({ type: 'error', message: errorMessage(error) });
	}
});
