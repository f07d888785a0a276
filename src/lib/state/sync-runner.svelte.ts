/**
 * When sync runs: "Sync now", when the connection comes back, when the app becomes visible, and after a
 * study session, never while a card is being answered (a request during a session waits for its end).
 * The sync client itself is loaded on first use (dynamic import): not part of the first-load JS, and
 * never loaded at all while sync is off.
 */
import type { KartkaDB } from '$lib/db/db';
import { getSyncMeta } from '$lib/db/sync-tracking.repo';
import { errorMessage } from '$lib/domain/errors';
import type { SyncProgress } from '$lib/services/sync/replicator';
import { activity } from './activity.svelte';

export const syncActivity = $state({
	running: false,
	progress: null as SyncProgress | null,
	/** Bumped after every sync attempt, so that screens showing the status line refresh it. */
	attempts: 0,
	lastError: null as string | null
});

let deferred = false;

export const loadSyncService = () => import('$lib/services/sync/sync.service');
export const loadClassDeckService = () => import('$lib/services/sync/class-deck.service');

async function hasClassDecks(db: KartkaDB): Promise<boolean> {
	return ((await getSyncMeta<unknown[]>(db, 'classDecks')) ?? []).length > 0;
}

/** Class decks the student subscribed to: checked for a newer version on every sync (GET only). */
export async function checkClassSubscriptions(db: KartkaDB): Promise<void> {
	if (!(await hasClassDecks(db))) return;
	await (await loadClassDeckService()).checkClassDecks(db, { nowMs: () => Date.now() });
}

/** What a sync would do now: the student's own sync, the class decks' checks, or nothing. */
async function syncWanted(db: KartkaDB): Promise<{ own: boolean; classes: boolean }> {
	try {
		const own = !!(await getSyncMeta<{ enabled?: boolean }>(db, 'config'))?.enabled;
		return { own, classes: await hasClassDecks(db) };
	} catch {
		// The database did not open: the screen shows that failure with "Try again"; sync waits for the next trigger.
		return { own: false, classes: false };
	}
}

/** Runs a sync if sync is on and nobody is answering a card; otherwise remembers to run it later. */
export async function requestSync(db: KartkaDB): Promise<void> {
	if (activity.studying) {
		deferred = true;
		return;
	}
	if (syncActivity.running) return;
	const { own: on, classes } = await syncWanted(db);
	if (!on && !classes) return;
	syncActivity.running = true;
	try {
		if (on) {
			const service = await loadSyncService();
			await service.syncNow(db, {
				nowMs: () => Date.now(),
				onProgress: (p) => (syncActivity.progress = p)
			});
		}
		await checkClassSubscriptions(db);
		syncActivity.lastError = null;
	} catch (error) {
		syncActivity.lastError = errorMessage(error);
	} finally {
		syncActivity.running = false;
		syncActivity.progress = null;
		syncActivity.attempts++;
	}
}

/** A study session ended: run the sync it held back (or the "after each session" sync). */
export function noteStudyEnded(db: KartkaDB): void {
	deferred = false;
	void requestSync(db);
}

/** Listens for the moments sync should run; returns the function that stops listening. */
export function watchSyncTriggers(db: KartkaDB, { now = true }: { now?: boolean } = {}): () => void {
	const onOnline = () => void requestSync(db);
	const onVisible = () => {
		if (document.visibilityState === 'visible') void requestSync(db);
	};
	window.addEventListener('online', onOnline);
	document.addEventListener('visibilitychange', onVisible);
	if (now) void requestSync(db);
	return () => {
		window.removeEventListener('online', onOnline);
		document.removeEventListener('visibilitychange', onVisible);
	};
}

export function hasDeferredSync(): boolean {
	return deferred;
}
