/**
 * Runs import work in parse.worker.ts (parseImport, and the review-history replay of the preview),
 * progress forwarded. One worker is kept warm between requests (so a second Anki package does not load
 * sql.js again); cancelling terminates it, so nothing half-done can leak out, and the next request gets
 * a fresh one. Resolves with the result or rejects with an ImportError carrying the worker's code and
 * message.
 */
import { ImportError, type ImportedCollection, type ParseOptions } from '$lib/domain/import/import-model';
import type { HistoryReplayJob } from '$lib/domain/import/history-replay';
import type { ReplayedCard } from '$lib/domain/replay';
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

interface Run {
	signal?: AbortSignal;
	onProgress?: (fraction: number, stage: string) => void;
}

/** Posts `request` and resolves with what `result` picks out of the worker's final message. */
function runInWorker<T>(
	request: WorkerRequest,
	run: Run,
	result: (msg: WorkerResponse) => T | undefined
): Promise<T> {
	return new Promise((resolve, reject) => {
		if (run.signal?.aborted) {
			reject(new ImportError('cancelled', 'Import cancelled: nothing was imported.'));
			return;
		}
		const worker = idle ?? spawn();
		idle = undefined;
		const settle = (keepWorker: boolean) => {
			run.signal?.removeEventListener('abort', onAbort);
			if (keepWorker) release(worker);
			else worker.terminate();
		};
		const onAbort = () => {
			settle(false);
			reject(new ImportError('cancelled', 'Import cancelled: nothing was imported.'));
		};
		run.signal?.addEventListener('abort', onAbort);
		worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
			const msg = event.data;
			if (msg.type === 'progress') {
				run.onProgress?.(msg.fraction, msg.stage);
				return;
			}
			if (msg.type === 'error') {
				settle(msg.code !== 'internal');
				reject(new ImportError(msg.code, msg.message));
				return;
			}
			const value = result(msg);
			settle(value !== undefined);
			if (value !== undefined) resolve(value);
			else
				reject(new ImportError('internal', `The import worker answered "${msg.type}" to "${request.type}".`));
		};
		worker.onerror = (event) => {
			settle(false);
			reject(new ImportError('internal', `The import worker failed: ${event.message || 'unknown error'}.`));
		};
		worker.postMessage(request);
	});
}

export function parseWithWorker(bytes: Uint8Array, options: ParseOptions): Promise<ImportedCollection> {
	return runInWorker(
		{
			type: 'parse',
			bytes,
			fileName: options.fileName,
			textOptions: options.textOptions,
			withReviews: options.withReviews,
			deviceMemoryGb: options.deviceMemoryGb
		},
		options,
		(msg) => (msg.type === 'done' ? msg.collection : undefined)
	);
}

export function replayWithWorker(job: HistoryReplayJob, run: Run = {}): Promise<ReplayedCard[]> {
	return runInWorker({ type: 'replay', job }, run, (msg) =>
		msg.type === 'replayed' ? msg.replays : undefined
	);
}
