/**
 * Runs parseImport in parse.worker.ts: one worker per file, progress forwarded, `signal` aborts it (the
 * worker is terminated: nothing half-parsed can leak out). Resolves with the collection or rejects with
 * an ImportError carrying the worker's code and message.
 */
import { ImportError, type ImportedCollection, type ParseOptions } from '$lib/domain/import/import-model';
import type { WorkerRequest, WorkerResponse } from './parse-worker-protocol';

export function parseWithWorker(bytes: Uint8Array, options: ParseOptions): Promise<ImportedCollection> {
	return new Promise((resolve, reject) => {
		if (options.signal?.aborted) {
			reject(new ImportError('cancelled', 'Import cancelled: nothing was imported.'));
			return;
		}
		const worker = new Worker(new URL('./parse.worker.ts', import.meta.url), { type: 'module' });
		const finish = () => {
			options.signal?.removeEventListener('abort', onAbort);
			worker.terminate();
		};
		const onAbort = () => {
			finish();
			reject(new ImportError('cancelled', 'Import cancelled: nothing was imported.'));
		};
		options.signal?.addEventListener('abort', onAbort);
		worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
			const msg = event.data;
			if (msg.type === 'progress') options.onProgress?.(msg.fraction, msg.stage);
			else if (msg.type === 'done') {
				finish();
				resolve(msg.collection);
			} else {
				finish();
				reject(new ImportError(msg.code, msg.message));
			}
		};
		worker.onerror = (event) => {
			finish();
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
