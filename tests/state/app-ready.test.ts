// App start-up is shared while it runs and after it succeeded, and forgotten after a failure so that
// "Try again" really starts again (it used to cache the rejected promise forever).
import { describe, expect, it } from 'vitest';
import { onceUntilSuccess } from '$lib/state/app-ready';

describe('appReady (onceUntilSuccess)', () => {
	it('runs the start-up once for concurrent and later callers', async () => {
		let runs = 0;
		const ready = onceUntilSuccess(async () => void runs++);
		await Promise.all([ready(), ready()]);
		await ready();
		expect(runs).toBe(1);
	});

	it('tries again after a failure, then keeps the success', async () => {
		let runs = 0;
		const ready = onceUntilSuccess(async () => {
			runs++;
			if (runs === 1) throw new Error('IndexedDB is blocked');
		});
		await expect(ready()).rejects.toThrow('IndexedDB is blocked');
		await expect(ready()).resolves.toBeUndefined();
		await ready();
		expect(runs).toBe(2);
	});
});
