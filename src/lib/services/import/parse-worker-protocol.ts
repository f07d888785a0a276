/** Messages between the page and parse.worker.ts (structured-clone friendly: no functions, no signals). */
import type { ImportedCollection, TextOptions } from '$lib/domain/import/import-model';

interface ParseRequest {
	type: 'parse';
	bytes: Uint8Array;
	fileName: string;
	textOptions?: TextOptions;
	withReviews?: boolean;
}

interface CancelRequest {
	type: 'cancel';
}

export type WorkerRequest = ParseRequest | CancelRequest;

export type WorkerResponse =
	| { type: 'progress'; fraction: number; stage: string }
	| { type: 'done'; collection: ImportedCollection }
	| { type: 'error'; code: string; message: string };
