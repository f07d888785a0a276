/**
 * What the app shell starts once, when the layout mounts: the install offer, the service worker and its
 * update flow (which watches the database for other tabs' upgrades), and the online/offline badge.
 * Kept here so that the status component never touches the database itself.
 */
import { appDb } from '$lib/db/db';
import { watchConnectivity } from '$lib/pwa/connectivity.svelte';
import { listenForInstallPrompt } from '$lib/pwa/install-prompt.svelte';
import { startServiceWorker, watchDatabase } from '$lib/pwa/service-worker-updates.svelte';
import { noteStudyEnded, watchSyncTriggers } from './sync-runner.svelte';

/** Starts the shell's watchers; returns what stops them. */
export function startAppShell(nowMs: number): () => void {
	listenForInstallPrompt(nowMs);
	watchDatabase(appDb());
	const stopConnectivity = watchConnectivity();
	// Sync (when on): on reconnect, when the app becomes visible, after each study session.
	const stopSync = watchSyncTriggers(appDb());
	void startServiceWorker();
	return () => {
		stopConnectivity();
		stopSync();
	};
}

/** A study session ended: the moment for the sync it held back (never mid-answer). */
export function noteAppSessionEnded(): void {
	noteStudyEnded(appDb());
}
