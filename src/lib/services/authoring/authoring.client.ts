/**
 * Runs the extraction in authoring.worker.ts with progress. One extraction at a time; a new one (or
 * `cancel`) terminates the worker in flight, so a stale result can never arrive after a newer text.
 */
import type { ExtractionResult } from '$lib/domain/authoring/authoring-model';
import { KartkaError } from '$lib/domain/errors';
import type { AuthoringResponse, ExtractRequest } from './authoring-protocol';

export interface ExtractOptions {
	onProgress?: (fraction: number, stage: string) => void;
	signal?: AbortSignal;
}

export interface Extraction {
	result: ExtractionResult;
	/** Time spent in the worker (for the benchmark and the status line). */
	elapsedMs: number;
}

let current: Worker | undefined;

function spawn(): Worker {
	return new Worker(new URL('./authoring.worker.ts', import.meta.url), { type: 'module' });
}

export function cancelExtraction(): void {
	current?.terminate();
	current = undefined;
}

export function extractInWorker(text: string, options: ExtractOptions = {}): Promise<Extraction> {
	cancelExtraction();
	return new Promise((resolve, reject) => {
		const cancelled = () => new KartkaError('authoring-cancelled', 'Suggesting cards was cancelled.');
		if (options.signal?.aborted) return reject(cancelled());
		const worker = spawn();
		current = worker;
		const finish = () => {
			options.signal?.removeEventListener('abort', onAbort);
			worker.terminate();
			if (current === worker) current = undefined;
		};
		const onAbort = () => {
			finish();
			reject(cancelled());
		};
		options.signal?.addEventListener('abort', onAbort);
		worker.onmessage = (event: MessageEvent<AuthoringResponse>) => {
			const msg = event.data;
			if (msg.type === 'progress') options.onProgress?.(msg.fraction, msg.stage);
			else if (msg.type === 'done') {
				finish();
				resolve({ result: msg.result, elapsedMs: msg.elapsedMs });
			} else {
				finish();
				reject(new KartkaError(msg.code, msg.message));
			}
		};
		worker.onerror = (event) => {
			finish();
			reject(
				new KartkaError('authoring-worker', `The card suggester failed: ${event.message || 'unknown error'}.`)
			);
		};
		const request: ExtractRequest = { type: 'extract', text };
		worker.postMessage(request);
	});
}
