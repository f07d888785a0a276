// Fits FSRS parameters with the BUILT optimizer worker (the wasm that ships) on a simulated student's
// log of `reviews` answers, and reports how long it took and how much better the fit predicts the log.
import { evaluateWeights } from '$lib/domain/optimizer/evaluation';
import { buildTrainingSet, packItems } from '$lib/domain/optimizer/training-items';
import { simulateReviews } from '../../tests/helpers/simulate-reviews';

const params = new URLSearchParams(location.search);
const reviews = Number(params.get('reviews') ?? 10_000);
const w = window as unknown as { __benchResult: unknown; __benchDone: boolean };

async function main() {
	const t0 = performance.now();
	const sim = simulateReviews({ targetReviews: reviews, seed: 99 });
	const set = buildTrainingSet(sim.logs);
	const packed = packItems(set.items);
	const prepareMs = performance.now() - t0;

	const started = performance.now();
	const worker = new Worker(params.get('workerUrl')!, { type: 'module' });
	let readyMs = 0;
	let progressReads = 0;
	const result = await new Promise<{ weights: number[]; elapsedMs: number }>((resolve, reject) => {
		worker.onmessage = ({ data }) => {
			if (data.type === 'progress-source') {
				readyMs = performance.now() - started;
				const timer = setInterval(() => {
					const [done, total] = new Uint32Array(data.memory.buffer, data.pointer, 2);
					if (total) progressReads++;
					if (done === total && total) clearInterval(timer);
				}, 100);
			} else if (data.type === 'done') resolve(data);
			else reject(new Error(data.message));
		};
		worker.postMessage({
			type: 'kartka-optimize',
			...packed,
			wasmUrl: params.get('wasmUrl'),
			enableShortTerm: true
		});
	});
	const totalMs = performance.now() - started;
	worker.terminate();
	const before = evaluateWeights(set.items, null);
	const after = evaluateWeights(set.items, result.weights);
	w.__benchResult = {
		reviews: sim.logs.length,
		items: set.items.length,
		prepareMs,
		readyMs,
		fitMs: result.elapsedMs,
		totalMs,
		progressReads,
		before,
		after,
		threads: Math.min(4, navigator.hardwareConcurrency || 2),
		isolated: crossOriginIsolated
	};
	w.__benchDone = true;
}

main().catch((error) => {
	w.__benchResult = { error: String(error) };
	w.__benchDone = true;
});
