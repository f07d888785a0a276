/**
 * Messages between the page and the optimizer worker. Plain data (typed arrays are transferred).
 * The wasm optimizer (fsrs-browser, fsrs-rs compiled with threads) runs synchronously inside the worker,
 * so it cannot post progress itself: it writes progress into its SHARED wasm memory, and the worker hands
 * that memory and the address to the page once, which then reads it while training runs.
 */
export const OPTIMIZE = 'kartka-optimize';

export interface OptimizeRequest {
	type: typeof OPTIMIZE;
	ratings: Uint32Array;
	deltaDays: Uint32Array;
	lengths: Uint32Array;
	/** Where the wasm is: a client asset, so it is in the service worker's precache list. */
	wasmUrl: string;
	/** Fit the same-day (short-term) parameters too: the scheduler uses learning steps. */
	enableShortTerm: boolean;
}

export type OptimizerMessage =
	| { type: 'progress-source'; memory: WebAssembly.Memory; pointer: number }
	| { type: 'done'; weights: number[]; elapsedMs: number }
	| { type: 'error'; message: string };

/** [items processed, items total], as fsrs-rs writes them (two u32 at `pointer`). */
export function readProgress(memory: WebAssembly.Memory, pointer: number): { done: number; total: number } {
	const view = new Uint32Array(memory.buffer, pointer, 2);
	return { done: view[0] ?? 0, total: view[1] ?? 0 };
}
