/**
 * Registers the service worker (at once, with the platform API) and tracks updates: a new version that is waiting,
 * a version applied by another tab, and a database upgraded by another tab. Applying an update is always
 * the student's choice ("Reload to update"), and it is not offered while a card is on screen.
 */
import { dev } from '$app/environment';
import { base } from '$app/paths';
import { onVersionChange, type KartkaDB } from '$lib/db/db';
import { activity } from '$lib/state/activity.svelte';
import {
	askWorkerVersion,
	KEEP_URLS,
	SKIP_WAITING,
	TAB_STARTED,
	WARM_CACHE,
	WHICH_CACHE
} from './worker-messages';

/** Whether this browser can open Kartka with no network. */
export type OfflineReadiness = 'checking' | 'installing' | 'ready' | 'unsupported' | 'failed';

export const updates = $state({
	waiting: false,
	activatedElsewhere: false,
	databaseReplaced: false,
	/** "Later" was chosen; cleared when the next study session ends so the offer comes back then. */
	dismissed: false,
	applying: false,
	offline: 'checking' as OfflineReadiness
});

const HOUR_MS = 60 * 60 * 1000;
/** Coming back to the app (phone unlocked, tab switched) checks at most this often. */
const RECHECK_ON_RETURN_MS = 10 * 60 * 1000;
/** If the new worker never takes control (another tab holds it), reload anyway after this. */
const TAKEOVER_TIMEOUT_MS = 5000;
/**
 * The worker caches the rest of the app (other screens, import parsers, wasm) once the first visit has
 * settled: at the end of the first study session, when the app is left, or this long after it took control.
 */
const WARM_AFTER_MS = 8000;

let registration: ServiceWorkerRegistration | null = null;
let lastCheckMs = 0;
let started = false;

/**
 * The cache (build) this page runs from: the one of the worker that served it. An update is a worker with
 * another cache; a reinstall of the same build is not one. Null until known (a first visit is uncontrolled).
 */
let runningCache: Promise<string | null> = Promise.resolve(null);

/** Call once from the layout. Resolves when registration has been attempted. */
export async function startServiceWorker(): Promise<void> {
	if (started) return;
	started = true;
	if (!('serviceWorker' in navigator)) {
		updates.offline = 'unsupported';
		return;
	}
	const controller = navigator.serviceWorker.controller;
	if (controller) runningCache = askWorkerVersion(controller).then((v) => v?.cache ?? null);
	navigator.serviceWorker.addEventListener('controllerchange', onControllerChange);
	navigator.serviceWorker.addEventListener('message', answerWhichCache);
	if (controller) onControlled(controller);
	updates.offline = controller ? 'ready' : 'installing';
	try {
		// Registered at once with the platform API: the worker installs as early as possible on a first
		// visit, and workbox-window (its messaging helper) loads only when an update is applied.
		// In dev SvelteKit serves the worker as an ES module; the build emits a classic script.
		registration = await navigator.serviceWorker.register(`${base}/service-worker.js`, {
			scope: `${base}/`,
			type: dev ? 'module' : 'classic'
		});
	} catch {
		// Blocked (private mode, policy, a test context): the app still works online.
		updates.offline = navigator.serviceWorker.controller ? 'ready' : 'failed';
		return;
	}
	if (!registration) {
		updates.offline = navigator.serviceWorker.controller ? 'ready' : 'failed';
		return;
	}
	watchWaiting(registration);
	scheduleChecks();
}

async function onControllerChange(): Promise<void> {
	if (updates.applying) return window.location.reload();
	updates.offline = 'ready';
	const controller = navigator.serviceWorker.controller;
	const served = controller ? await askWorkerVersion(controller) : null;
	const running = await runningCache;
	if (running === null) {
		// First visit: the new worker claimed this page; it serves the build the page came with.
		runningCache = Promise.resolve(served?.cache ?? null);
		if (controller) onControlled(controller);
		return;
	}
	// Another tab applied a new version: this tab still runs the old code and should reload when it can.
	if (served?.cache !== running) updates.activatedElsewhere = true;
}

/**
 * Tracks the waiting worker from the registration itself. workbox-window's own `waiting` event stops
 * firing after the first update it classes as external (any update found later than a minute after
 * load), and phones keep a tab open for days.
 */
function watchWaiting(reg: ServiceWorkerRegistration): void {
	const refresh = async () => {
		const waiting = reg.waiting;
		if (!waiting || !navigator.serviceWorker.controller) {
			updates.waiting = false;
			return;
		}
		const [offered, running] = await Promise.all([askWorkerVersion(waiting), runningCache]);
		updates.waiting = reg.waiting === waiting && (offered === null || offered.cache !== running);
	};
	reg.addEventListener('updatefound', () =>
		reg.installing?.addEventListener('statechange', () => void refresh())
	);
	reg.waiting?.addEventListener('statechange', () => void refresh());
	void refresh();
}

function scheduleChecks(): void {
	setInterval(() => {
		if (document.visibilityState === 'visible') void checkForUpdate();
	}, HOUR_MS);
	document.addEventListener('visibilitychange', () => {
		if (document.visibilityState === 'visible' && Date.now() - lastCheckMs > RECHECK_ON_RETURN_MS)
			void checkForUpdate();
	});
	window.addEventListener('online', () => void checkForUpdate());
	lastCheckMs = Date.now(); // the browser checks on every navigation
}

/** Asks the server for a newer worker; a no-op offline. */
export async function checkForUpdate(): Promise<void> {
	if (!registration) return;
	lastCheckMs = Date.now();
	try {
		await registration.update();
	} catch {
		// Offline or the server is down: try again later.
	}
}

/** "Reload to update": lets the waiting worker take over, then reloads into the new version. */
export function applyUpdate(): void {
	if (activity.studying && !updates.databaseReplaced) return; // never in the middle of a session
	updates.applying = true;
	const waiting = registration?.waiting;
	if (waiting) {
		// The controllerchange listener reloads.
		void import('workbox-window').then(({ messageSW }) => messageSW(waiting, { type: SKIP_WAITING }));
		setTimeout(() => window.location.reload(), TAKEOVER_TIMEOUT_MS);
	} else {
		window.location.reload();
	}
}

export function dismissUpdate(): void {
	updates.dismissed = true;
}

/** A study session ended: the update offer may come back, and the rest of the app can be cached now. */
export function noteSessionEnded(): void {
	updates.dismissed = false;
	warmCache();
}

/**
 * A worker controls this tab: it keeps what the tab loaded before (a first visit fetches its code before
 * any worker exists), drops older versions no tab runs from, and later caches the rest of the app.
 */
function onControlled(worker: ServiceWorker): void {
	const loaded = performance
		.getEntriesByType('resource')
		.map((entry) => new URL(entry.name))
		.filter((url) => url.origin === location.origin && url.pathname.startsWith(`${base}/_app/immutable/`))
		.map((url) => url.pathname);
	worker.postMessage({ type: KEEP_URLS, urls: loaded });
	worker.postMessage({ type: TAB_STARTED });
	setTimeout(warmCache, WARM_AFTER_MS);
	document.addEventListener('visibilitychange', () => {
		if (document.visibilityState === 'hidden') warmCache();
	});
}

let warmed = false;
function warmCache(): void {
	const worker = navigator.serviceWorker?.controller;
	if (warmed || !worker) return;
	warmed = true;
	worker.postMessage({ type: WARM_CACHE });
}

/** The worker asks which build this tab runs, to keep that version's cache while the tab is open. */
function answerWhichCache(event: MessageEvent): void {
	if ((event.data as { type?: string } | null)?.type !== WHICH_CACHE) return;
	const port = event.ports[0];
	void runningCache.then((cache) => port?.postMessage({ cache }));
}

/** Another tab opened a newer database schema: this tab's connection is closed, so offer a reload. */
export function watchDatabase(db: KartkaDB): void {
	onVersionChange(db, () => {
		updates.databaseReplaced = true;
	});
}
