/**
 * Runs the optimizer worker for the page: starts it, relays progress, and cancels by terminating it
 * (which also ends its thread pool). One worker per run: a cancelled or finished run leaves nothing
 * behind. Browser only; import it dynamically so the wasm stays out of the first load.
 */
import wasmUrl from 'fsrs-browser/fsrs_browser_bg.wasm?url';
import type { PackedItems } from '$lib/domain/optimizer/training-items';
import { OPTIMIZE, readProgress, type OptimizeRequest, type OptimizerMessage } from './optimizer-protocol';

export class OptimizerCancelled extends Error {
	constructor() {
		super('Optimization cancelled.');
		this.name = 'OptimizerCancelled';
	}
}

export class OptimizerUnavailable extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'OptimizerUnavailable';
	}
}

interface FitProgress {
	/** 0..1 */
	fraction: number;
	done: number;
	total: number;
}

export interface FitOptions {
	onProgress?: (progress: FitProgress) => void;
	signal?: AbortSignal;
	/** How often the page reads the worker's progress (ms). */
	pollMs?: number;
}

export interface FitResult {
	weights: number[];
	elapsedMs: number;
}

/** Why the optimizer cannot run in this page, or null when it can. */
function optimizerUnavailableReason(): string | null {
	if (typeof Worker === 'undefined' || typeof WebAssembly === 'undefined')
		return 'This browser cannot run the optimizer (no Web Workers or WebAssembly).';
	if (!globalThis.crossOriginIsolated)
		return 'The optimizer needs a cross-origin isolated page (COOP and COEP headers), and this one is not. Serve Kartka with `npm start`, or reload the page.';
	return null;
}

export function fitParameters(packed: PackedItems, options: FitOptions = {}): Promise<FitResult> {
	const reason = optimizerUnavailableReason();
	if (reason) return Promise.reject(new OptimizerUnavailable(reason));
	if (options.signal?.aborted) return Promise.reject(new OptimizerCancelled());
	const worker = new Worker(new URL('./optimizer.worker.ts', import.meta.url), { type: 'module' });
	return new Promise<FitResult>((resolve, reject) => {
		let timer: ReturnType<typeof setInterval> | undefined;
		const finish = (settle: () => void) => {
			clearInterval(timer);
			options.signal?.removeEventListener('abort', abort);
			worker.terminate();
			settle();
		};
		const abort = () => finish(() => reject(new OptimizerCancelled()));
		options.signal?.addEventListener('abort', abort, { once: true });
		worker.addEventListener('error', (e) =>
			finish(() => reject(new Error(e.message || 'The optimizer failed to start.')))
		);
		worker.addEventListener('message', (event: MessageEvent<OptimizerMessage>) => {
			const message = event.data;
			if (message.type === 'progress-source') {
				const report = () => {
					const { done, total } = readProgress(message.memory, message.pointer);
					options.onProgress?.({ done, total, fraction: total > 0 ? Math.min(1, done / total) : 0 });
				};
				timer = setInterval(report, options.pollMs ?? 100);
			} else if (message.type === 'done') {
				options.onProgress?.({ done: 1, total: 1, fraction: 1 });
				finish(() => resolve({ weights: message.weights, elapsedMs: message.elapsedMs }));
			} else if (message.type === 'error') {
				finish(() => reject(new Error(message.message)));
			}
		});
		const request: OptimizeRequest = { type: OPTIMIZE, ...packed, wasmUrl, enableShortTerm: true };
		worker.postMessage(request, [packed.ratings.buffer, packed.deltaDays.buffer, packed.lengths.buffer]);
	});
}
