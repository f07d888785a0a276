/**
 * Runs parseImport in parse.worker.ts, progress forwarded. One worker is kept warm between files (so a
 * second Anki package does not load sql.js again); cancelling terminates it, so nothing half-parsed can
 * leak out, and the next file gets a fresh one. Resolves with the collection or rejects with an
 * ImportError carrying the worker's code and message.
 */
import { ImportError, type ImportedCollection, type ParseOptions } from '$lib/domain/import/import-model';
import type { WorkerRequest, WorkerResponse } from './parse-worker-protocol';

let idle: Worker | undefined;

function spawn(): Worker {
	return new Worker(new URL('./parse.worker.ts', import.meta.url), { type: 'module' });
}

function release(worker: Worker): void {
	worker.onmessage = null;
	worker.onerror = null;
	if (idle) worker.terminate();
	else idle = worker;
}

export function parseWithWorker(bytes: Uint8Array, options: ParseOptions): Promise<ImportedCollection> {
	return new Promise((resolve, reject) => {
		if (options.signal?.aborted) {
			reject(new ImportError('cancelled', 'Import cancelled: nothing was imported.'));
			return;
		}
		const worker = idle ?? spawn();
		idle = undefined;
		const settle = (keepWorker: boolean) => {
			options.signal?.removeEventListener('abort', onAbort);
			if (keepWorker) release(worker);
			else worker.terminate();
		};
		const onAbort = () => {
			settle(false);
			reject(new ImportError('cancelled', 'Import cancelled: nothing was imported.'));
		};
		options.signal?.addEventListener('abort', onAbort);
		worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
			const msg = event.data;
			if (msg.type === 'progress') options.onProgress?.(msg.fraction, msg.stage);
			else if (msg.type === 'done') {
				settle(true);
				resolve(msg.collection);
			} else {
				settle(msg.code !== 'internal');
				reject(new ImportError(msg.code, msg.message));
			}
		};
		worker.onerror = (event) => {
			settle(false);
			reject(new ImportError('internal', `The import worker failed: ${event.message || 'unknown error'}.`));
		};
		const request: WorkerRequest = {
			type: 'parse',
			bytes,
			fileName: options.fileName,
			textOptions: options.textOptions,
			withReviews: options.withReviews
		};
		worker.postMessage(request);
	});
}
