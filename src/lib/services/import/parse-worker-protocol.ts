/** Messages between the page and parse.worker.ts (structured-clone friendly: no functions, no signals). */
import type { ImportedCollection, TextOptions } from '$lib/domain/import/import-model';
import type { HistoryReplayJob } from '$lib/domain/import/history-replay';
import type { ReplayedCard } from '$lib/domain/replay';

interface ParseRequest {
	type: 'parse';
	bytes: Uint8Array;
	fileName: string;
	textOptions?: TextOptions;
	withReviews?: boolean;
	/** `navigator.deviceMemory` of the page (GB): the worker derives its byte budget from it (import-limits.ts). */
	deviceMemoryGb?: number;
}

/** The preview's review-history replay ("Import progress" ticked), off the main thread. */
interface ReplayRequest {
	type: 'replay';
	job: HistoryReplayJob;
}

interface CancelRequest {
	type: 'cancel';
}

export type WorkerRequest = ParseRequest | ReplayRequest | CancelRequest;

export type WorkerResponse =
	| { type: 'progress'; fraction: number; stage: string }
	| { type: 'done'; collection: ImportedCollection }
	| { type: 'replayed'; replays: ReplayedCard[] }
	| { type: 'error'; code: string; message: string };
