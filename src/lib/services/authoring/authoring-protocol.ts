/** Messages between the page and authoring.worker.ts (structured-clone friendly). */
import type { ExtractionResult } from '$lib/domain/authoring/authoring-model';

export interface ExtractRequest {
	type: 'extract';
	text: string;
}

export type AuthoringResponse =
	| { type: 'progress'; fraction: number; stage: string }
	| { type: 'done'; result: ExtractionResult; elapsedMs: number }
	| { type: 'error'; code: string; message: string };
