/**
 * What the app shell starts once, when the layout mounts: the install offer, the service worker and its
 * update flow (which watches the database for other tabs' upgrades), and the online/offline badge.
 * Kept here so that the status component never touches the database itself.
 */
import { appDb } from '$lib/db/db';
import { watchConnectivity } from '$lib/pwa/connectivity.svelte';
import { listenForInstallPrompt } from '$lib/pwa/install-prompt.svelte';
import { startServiceWorker, watchDatabase } from '$lib/pwa/service-worker-updates.svelte';
import { isFirstVisit } from './app-ready';
import { noteStudyEnded, watchSyncTriggers } from './sync-runner.svelte';

/**
 * Runs each step in a task of its own, in order, until `stopped()`: each is short, but together (with the
 * database's schema parsed on construction) they made one long task on a slow phone (issue 13: blocking time).
 */
export function runInTasks(steps: readonly (() => void)[], stopped: () => boolean): void {
	const next = (i: number) => {
		if (i >= steps.length || stopped()) return;
		steps[i]!();
		setTimeout(() => next(i + 1), 0);
	};
	next(0);
}

/** Starts the shell's watchers; returns what stops them. */
export function startAppShell(nowMs: number): () => void {
	let stopped = false;
	const stops: (() => void)[] = [];
	runInTasks(
		[
			() => listenForInstallPrompt(nowMs),
			() => stops.push(watchConnectivity()),
			() => watchDatabase(appDb()),
			// Sync (when on): on reconnect, when the app becomes visible, after each study session; at once
			// unless this is a first visit (its database is new: sync and class decks cannot be on yet, and
			// checking would open the database on the page just for that).
			() => stops.push(watchSyncTriggers(appDb(), { now: !isFirstVisit() })),
			() => void startServiceWorker()
		],
		() => stopped
	);
	return () => {
		stopped = true;
		for (const stop of stops) stop();
	};
}

/** A study session ended: the moment for the sync it held back (never mid-answer). */
export function noteAppSessionEnded(): void {
	noteStudyEnded(appDb());
}
