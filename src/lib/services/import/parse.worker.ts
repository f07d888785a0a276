/// <reference lib="webworker" />
/**
 * Parses one import file off the main thread and posts progress; replays an imported review history
 * into schedules for the preview ("Import progress" ticked) the same way. sql.js and its wasm are loaded only
 * when the file is an Anki package; the wasm comes from the package via Vite's `?url`, so the build
 * emits it as an asset that the service worker precaches (imports work offline).
 */
import { errorMessage } from '$lib/domain/errors';
import type { SqlJsStatic } from 'sql.js';
import wasmUrl from 'sql.js/dist/sql-wasm.wasm?url';
import { runHistoryReplay } from '$lib/domain/import/history-replay';
import { ImportError } from '$lib/domain/import/import-model';
import { parseImport } from '$lib/domain/import/parse-import';
import type { WorkerRequest, WorkerResponse } from './parse-worker-protocol';

declare const self: DedicatedWorkerGlobalScope;

/** The parse in progress (one at a time: the client sends the next file only after an answer). */
let controller: AbortController | undefined;
/** sql.js stays loaded for the next package once this worker has needed it. */
let sqlJs: Promise<SqlJsStatic> | undefined;

function post(message: WorkerResponse, transfer: Transferable[] = []): void {
	self.postMessage(message, transfer);
}

function loadSqlJs(): Promise<SqlJsStatic> {
	sqlJs ??= import('sql.js')
		.then(({ default: initSqlJs }) => initSqlJs({ locateFile: () => wasmUrl }))
		.catch((e: unknown) => {
			sqlJs = undefined; // try again with the next package (e.g. once back online)
			throw e;
		});
	return sqlJs;
}

self.onmessage = async (event: MessageEvent<WorkerRequest>) => {
	const req = event.data;
	if (req.type === 'cancel') {
		controller?.abort();
		return;
	}
	controller = new AbortController();
	let lastPostMs = 0;
	// At most ~20 progress messages a second: progress bars need no more.
	const progress = (fraction: number, stage: string) => {
		const now = performance.now();
		if (now - lastPostMs < 50 && fraction < 1) return;
		lastPostMs = now;
		post({ type: 'progress', fraction, stage });
	};
	try {
		if (req.type === 'replay') {
			const replays = runHistoryReplay(req.job, (f) => progress(f, 'Replaying review history'));
			post({ type: 'replayed', replays });
			return;
		}
		const collection = await parseImport(req.bytes, {
			fileName: req.fileName,
			textOptions: req.textOptions,
			withReviews: req.withReviews,
			deviceMemoryGb: req.deviceMemoryGb,
			signal: controller.signal,
			loadSqlJs,
			onProgress: progress
		});
		const buffers = collection.media
			.map((m) => m.bytes.buffer)
			.filter((b): b is ArrayBuffer => b instanceof ArrayBuffer);
		post({ type: 'done', collection }, [...new Set(buffers)]);
	} catch (e) {
		const code = e instanceof ImportError ? e.code : 'internal';
		const message = e instanceof ImportError ? e.message : `The file could not be read (${errorMessage(e)}).`;
		post({ type: 'error', code, message });
	}
};
