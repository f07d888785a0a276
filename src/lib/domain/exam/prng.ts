/**
 * A small seeded PRNG (mulberry32) so that a test generated from a seed is the same test on every
 * device and every run. Not for anything security-related.
 */
import { fnv1a32 } from '../text-hash';

export interface Rng {
	/** A float in [0, 1). */
	next(): number;
	/** An integer in [0, n). */
	int(n: number): number;
	/** One element of a non-empty array. */
	pick<T>(items: readonly T[]): T;
	/** A shuffled copy (Fisher–Yates). */
	shuffle<T>(items: readonly T[]): T[];
}

/** A seed from any string (FNV-1a), so that seeds can be typed by people ("exam-3"). */
export function seedFromString(text: string): number {
	return fnv1a32(text);
}

export function createRng(seed: number | string): Rng {
	let state = (typeof seed === 'string' ? seedFromString(seed) : seed) >>> 0;
	function next(): number {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	}
	const int = (n: number) => Math.floor(next() * n);
	return {
		next,
		int,
		pick: <T>(items: readonly T[]) => items[int(items.length)]!,
		shuffle<T>(items: readonly T[]): T[] {
			const out = [...items];
			for (let i = out.length - 1; i > 0; i--) {
				const j = int(i + 1);
				[out[i], out[j]] = [out[j]!, out[i]!];
			}
			return out;
		}
	};
}
