/**
 * Persistent storage: without it the browser may evict IndexedDB (all cards and progress) when space runs
 * low. It is requested after the first study session (when the student has something to lose and the
 * browser has seen engagement), never on first paint, and again when the app is installed.
 */

export interface StorageStatus {
	/** The StorageManager API exists (not in some embedded browsers and old Safari). */
	supported: boolean;
	/** null when the browser cannot say. */
	persisted: boolean | null;
	usageBytes: number | null;
	quotaBytes: number | null;
}

let askedThisLoad = false;

function manager(): StorageManager | null {
	return typeof navigator !== 'undefined' && navigator.storage ? navigator.storage : null;
}

export async function storageStatus(): Promise<StorageStatus> {
	const storage = manager();
	if (!storage) return { supported: false, persisted: null, usageBytes: null, quotaBytes: null };
	const [persisted, estimate] = await Promise.all([
		storage.persisted ? storage.persisted().catch(() => null) : Promise.resolve(null),
		storage.estimate ? storage.estimate().catch(() => null) : Promise.resolve(null)
	]);
	return {
		supported: true,
		persisted,
		usageBytes: estimate?.usage ?? null,
		quotaBytes: estimate?.quota ?? null
	};
}

/** Asks for persistent storage; true when granted (now or before). */
export async function requestPersistence(): Promise<boolean> {
	const storage = manager();
	if (!storage?.persist) return false;
	try {
		if (await storage.persisted?.()) return true;
		return await storage.persist();
	} catch {
		return false;
	}
}

/**
 * Called when a study session ends. Asks once per app start: Chromium decides silently from engagement
 * (so a later session may succeed), Firefox asks the user and remembers the answer.
 */
export async function requestPersistenceAfterSession(): Promise<boolean | null> {
	if (askedThisLoad) return null;
	askedThisLoad = true;
	return requestPersistence();
}

const UNITS = ['bytes', 'kB', 'MB', 'GB', 'TB'] as const;

/** One decimal below 10, whole numbers above. */
function round(value: number): number {
	return value < 9.95 ? Math.round(value * 10) / 10 : Math.round(value);
}

/** 1234567 → "1.2 MB" (decimal units, as browsers show storage). */
export function formatBytes(bytes: number): string {
	if (!Number.isFinite(bytes) || bytes < 0) return 'unknown';
	if (bytes < 1000) return `${Math.round(bytes)} ${bytes === 1 ? 'byte' : 'bytes'}`;
	let unit = Math.min(Math.floor(Math.log10(bytes) / 3), UNITS.length - 1);
	let shown = round(bytes / 1000 ** unit);
	// 999 950 bytes rounds to "1000 kB": say "1.0 MB" instead.
	if (shown >= 1000 && unit < UNITS.length - 1) shown = round(bytes / 1000 ** ++unit);
	return `${shown < 10 ? shown.toFixed(1) : shown} ${UNITS[unit]}`;
}
