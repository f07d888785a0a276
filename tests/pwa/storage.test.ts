import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatBytes, requestPersistence, storageStatus } from '$lib/pwa/storage';

function stubStorage(storage: Partial<StorageManager> | undefined) {
	vi.stubGlobal('navigator', { storage });
}

afterEach(() => {
	vi.unstubAllGlobals();
	vi.resetModules();
});

describe('formatBytes', () => {
	it('uses decimal units with one decimal below 10', () => {
		expect(formatBytes(0)).toBe('0 bytes');
		expect(formatBytes(1)).toBe('1 byte');
		expect(formatBytes(999)).toBe('999 bytes');
		expect(formatBytes(1000)).toBe('1.0 kB');
		expect(formatBytes(1_234_567)).toBe('1.2 MB');
		expect(formatBytes(45_600_000)).toBe('46 MB');
		expect(formatBytes(999_950)).toBe('1.0 MB');
		expect(formatBytes(2_500_000_000)).toBe('2.5 GB');
		expect(formatBytes(Number.NaN)).toBe('unknown');
	});
});

describe('storageStatus', () => {
	it('reports persistence, usage and quota', async () => {
		stubStorage({
			persisted: async () => false,
			estimate: async () => ({ usage: 1200, quota: 5_000_000 })
		});
		expect(await storageStatus()).toEqual({
			supported: true,
			persisted: false,
			usageBytes: 1200,
			quotaBytes: 5_000_000
		});
	});

	it('says so when the browser has no StorageManager', async () => {
		stubStorage(undefined);
		expect(await storageStatus()).toEqual({
			supported: false,
			persisted: null,
			usageBytes: null,
			quotaBytes: null
		});
	});
});

describe('persistence requests', () => {
	it('does not ask again when storage is already persistent', async () => {
		const persist = vi.fn(async () => true);
		stubStorage({ persisted: async () => true, persist });
		expect(await requestPersistence()).toBe(true);
		expect(persist).not.toHaveBeenCalled();
	});

	it('asks after a session only once per app start', async () => {
		const persist = vi.fn(async () => false);
		stubStorage({ persisted: async () => false, persist });
		const { requestPersistenceAfterSession } = await import('$lib/pwa/storage');
		expect(await requestPersistenceAfterSession()).toBe(false);
		expect(await requestPersistenceAfterSession()).toBeNull();
		expect(persist).toHaveBeenCalledTimes(1);
	});

	it('treats a refusal that throws as not granted', async () => {
		stubStorage({
			persisted: async () => false,
			persist: async () => {
				throw new Error('blocked');
			}
		});
		expect(await requestPersistence()).toBe(false);
	});
});
