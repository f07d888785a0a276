/// <reference lib="webworker" />
/**
 * Runs the extraction (compromise + chrono-node, ~155 KB gzip) off the main thread, so the page stays
 * responsive and those libraries never load with the app's first page.
 */
import { extractCandidates } from '$lib/domain/authoring/extract';
import { KartkaError, errorMessage } from '$lib/domain/errors';
import type { AuthoringResponse, ExtractRequest } from './authoring-protocol';

declare const self: DedicatedWorkerGlobalScope;

function post(message: AuthoringResponse): void {
	self.postMessage(message);
}

self.onmessage = (event: MessageEvent<ExtractRequest>) => {
	const started = performance.now();
	let lastPostMs = 0;
	try {
		const result = extractCandidates(event.data.text, (fraction, stage) => {
			// At most ~20 messages a second: a progress bar needs no more.
			const now = performance.now();
			if (now - lastPostMs < 50 && fraction < 1) return;
			lastPostMs = now;
			post({ type: 'progress', fraction, stage });
		});
		post({ type: 'done', result, elapsedMs: performance.now() - started });
	} catch (e) {
		const code = e instanceof KartkaError ? e.code : 'internal';
		const message = e instanceof KartkaError ? e.message : `The text could not be read (${errorMessage(e)}).`;
		post({ type: 'error', code, message });
	}
};
