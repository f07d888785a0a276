/**
 * Import work off the main thread: parsing, and the preview's review-history replay, run in a worker
 * (parse-worker-client) so that a large file never freezes the page, with progress and cancel. Where
 * there is no Worker (unit tests in Node) they run in place, with the same options and results.
 */
import { ImportError, type ImportedCollection, type ParseOptions } from '$lib/domain/import/import-model';
import type { HistoryReplayJob } from '$lib/domain/import/history-replay';
import type { ReplayedCard } from '$lib/domain/replay';

/**
 * `navigator.deviceMemory` (GB, Chromium only; rounded down to 0.25 … 8 by the browser), read on the page
 * and handed to the worker, whose byte and time budgets follow it (importLimitsFor in import-limits.ts).
 */
export function pageDeviceMemoryGb(): number | undefined {
	if (typeof navigator === 'undefined') return undefined;
	const gb = (navigator as Navigator & { deviceMemory?: unknown }).deviceMemory;
	return typeof gb === 'number' && Number.isFinite(gb) && gb > 0 ? gb : undefined;
}

export async function parseInWorker(bytes: Uint8Array, options: ParseOptions): Promise<ImportedCollection> {
	if (options.signal?.aborted) throw new ImportError('cancelled', 'Import cancelled: nothing was changed.');
	const withMemory = { ...options, deviceMemoryGb: options.deviceMemoryGb ?? pageDeviceMemoryGb() };
	if (typeof Worker !== 'undefined') {
		const { parseWithWorker } = await import('./parse-worker-client');
		return parseWithWorker(bytes, withMemory);
	}
	const { parseImport } = await import('$lib/domain/import/parse-import');
	return parseImport(bytes, withMemory);
}

/** Replays an imported review history into FSRS schedules and logs, in the worker where there is one. */
export async function replayInWorker(
	job: HistoryReplayJob,
	run: { signal?: AbortSignal; onProgress?: (fraction: number, stage: string) => void } = {}
): Promise<ReplayedCard[]> {
	if (run.signal?.aborted) throw new ImportError('cancelled', 'Import cancelled: nothing was changed.');
	if (typeof Worker !== 'undefined') {
		const { replayWithWorker } = await import('./parse-worker-client');
		return replayWithWorker(job, run);
	}
	const { runHistoryReplay } = await import('$lib/domain/import/history-replay');
	return runHistoryReplay(job, (f) => run.onProgress?.(f, 'Replaying review history'));
}
