/**
 * When an update activates, tabs opened on the previous version are still running its code: their lazily
 * loaded chunks (a screen opened later, a worker) have hashed names that only the previous cache holds.
 * Deleting that cache at once broke those tabs offline. So the previous caches are kept until no tab that
 * was open at activation is left, then deleted. Pure: the service worker passes what it sees.
 */
import { staleCaches } from './precache-plan';

/** The Cache API entry where the worker remembers which tabs were open at activation (it may be restarted). */
export const RETENTION_CACHE = 'kartka-meta';
export const RETENTION_KEY = '/__kartka/clients-at-activation';

/**
 * What to do now: while a tab open at activation (`openAtActivation`, client ids) is among `liveClients`,
 * nothing; after that, delete every other Kartka version's cache and forget the record (`done`).
 */
export function cachesToDelete(
	keys: readonly string[],
	current: string,
	openAtActivation: readonly string[],
	liveClients: readonly string[]
): { delete: string[]; done: boolean } {
	const live = new Set(liveClients);
	if (openAtActivation.some((id) => live.has(id))) return { delete: [], done: false };
	return { delete: staleCaches(keys, current), done: true };
}

/** Where to look for a hashed file missing from the current cache: older versions first kept for old tabs. */
export function fallbackCaches(keys: readonly string[], current: string): string[] {
	return staleCaches(keys, current);
}
