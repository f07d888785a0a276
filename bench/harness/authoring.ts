// Runs the BUILT authoring worker (build/_app/immutable/workers/authoring.worker-*.js) on a text and
// measures: time inside the worker, time from posting the text to the answer (worker start and module
// load included), and how the page's main thread fares meanwhile (long tasks, and the largest gap
// between the ticks of a 10 ms timer).
import type { AuthoringResponse } from '$lib/services/authoring/authoring-protocol';

interface Run {
	workerMs: number;
	wallMs: number;
	longestTaskMs: number;
	longTasks: number;
	maxTimerGapMs: number;
	candidates: number;
	words: number;
}

const w = window as unknown as {
	__run: (text: string, runs: number) => Promise<Run[]>;
	__benchReady: boolean;
};
const workerUrl = new URLSearchParams(location.search).get('workerUrl') ?? '';

function once(text: string): Promise<Run> {
	return new Promise((resolve, reject) => {
		let longestTaskMs = 0;
		let longTasks = 0;
		const observer = new PerformanceObserver((list) => {
			for (const e of list.getEntries()) {
				longTasks++;
				longestTaskMs = Math.max(longestTaskMs, e.duration);
			}
		});
		observer.observe({ type: 'longtask', buffered: false });
		let last = performance.now();
		let maxTimerGapMs = 0;
		const timer = setInterval(() => {
			const now = performance.now();
			maxTimerGapMs = Math.max(maxTimerGapMs, now - last);
			last = now;
		}, 10);
		const started = performance.now();
		const worker = new Worker(workerUrl, { type: 'module' });
		worker.onmessage = (event: MessageEvent<AuthoringResponse>) => {
			const msg = event.data;
			if (msg.type === 'progress') return;
			const wallMs = performance.now() - started;
			clearInterval(timer);
			worker.terminate();
			// Let the observer deliver the last entries before reading them.
			setTimeout(() => {
				observer.disconnect();
				if (msg.type === 'error') reject(new Error(msg.message));
				else
					resolve({
						workerMs: msg.elapsedMs,
						wallMs,
						longestTaskMs,
						longTasks,
						maxTimerGapMs,
						candidates: msg.result.candidates.length,
						words: msg.result.words
					});
			}, 50);
		};
		worker.onerror = (e) => reject(new Error(e.message));
		worker.postMessage({ type: 'extract', text });
	});
}

w.__run = async (text, runs) => {
	const out: Run[] = [];
	for (let i = 0; i < runs; i++) out.push(await once(text));
	return out;
};
w.__benchReady = true;
