/**
 * Sync as a person uses it: turn on (check the server, queue this device's data so that the first sync
 * merges both sides), sync now, turn off, replace this device's data with the server's. The
 * configuration lives in syncMeta (this device only; the password never leaves it except to the server).
 * This module and the client it loads are imported dynamically: not part of the first-load JS.
 */
import type { KartkaDB } from '$lib/db/db';
import { clearForReplace, enqueueEverything } from '$lib/db/sync-enroll.repo';
import { DexieSyncStore } from '$lib/db/sync-store.repo';
import { countPending } from '$lib/db/sync-outbox-batches.repo';
import { getSyncMeta, putSyncMeta } from '$lib/db/sync-tracking.repo';
import { errorMessage, KartkaError } from '$lib/domain/errors';
import { syncStatusText } from '$lib/domain/sync/sync-status';
import { checkServerAddress, CouchHttp } from './couch-http';
import { pull, replicate, type SyncProgress, type SyncSummary } from './replicator';

export interface SyncConfig {
	url: string;
	username: string;
	password: string;
	enabled: boolean;
}

export interface SyncState {
	enabled: boolean;
	url: string;
	username: string;
	lastSyncMs: number | null;
	lastErrorCode: string | null;
	lastErrorMessage: string | null;
}

const CONFIG = 'config';
const STATE = 'state';

export async function loadSyncConfig(db: KartkaDB): Promise<SyncConfig | null> {
	return (await getSyncMeta<SyncConfig>(db, CONFIG)) ?? null;
}

export async function loadSyncState(db: KartkaDB): Promise<SyncState> {
	const config = await loadSyncConfig(db);
	const state = await getSyncMeta<Partial<SyncState>>(db, STATE);
	return {
		enabled: config?.enabled ?? false,
		url: config?.url ?? '',
		username: config?.username ?? '',
		lastSyncMs: state?.lastSyncMs ?? null,
		lastErrorCode: state?.lastErrorCode ?? null,
		lastErrorMessage: state?.lastErrorMessage ?? null
	};
}

export async function statusLine(db: KartkaDB, online: boolean, nowMs: number): Promise<string> {
	const state = await loadSyncState(db);
	return syncStatusText({ ...state, online, pending: await countPending(db), nowMs });
}

function client(config: SyncConfig, fetcher?: typeof fetch): CouchHttp {
	return new CouchHttp({
		url: config.url,
		username: config.username,
		password: config.password,
		fetch: fetcher
	});
}

/** Reaches the database, creating it when the server lets this user (npm run sync-server, an admin). */
async function ensureDatabase(http: CouchHttp): Promise<void> {
	const info = await http.request('GET', '', { allow404: true });
	if (info === null) await http.request('PUT', '');
}

async function recordOutcome(db: KartkaDB, nowMs: number, error: unknown) {
	const previous = (await getSyncMeta<Partial<SyncState>>(db, STATE)) ?? {};
	await putSyncMeta(
		db,
		STATE,
		error
			? {
					...previous,
					lastErrorCode: error instanceof KartkaError ? error.code : 'sync-failed',
					lastErrorMessage: errorMessage(error)
				}
			: { ...previous, lastSyncMs: nowMs, lastErrorCode: null, lastErrorMessage: null }
	);
}

export interface RunOptions {
	nowMs: () => number;
	onProgress?: (p: SyncProgress) => void;
	fetch?: typeof fetch;
}

/** Turn on sync: checks the address (HTTPS unless loopback) and the password, then the first sync. */
export async function turnOnSync(
	db: KartkaDB,
	input: { url: string; username: string; password: string },
	options: RunOptions
): Promise<SyncSummary> {
	checkServerAddress(input.url);
	const config: SyncConfig = { ...input, url: input.url.trim(), enabled: true };
	await ensureDatabase(client(config, options.fetch));
	await putSyncMeta(db, CONFIG, config);
	await enqueueEverything(db, options.nowMs());
	return syncNow(db, options);
}

let running: Promise<SyncSummary> | null = null;

/** One sync at a time: a second request while one runs waits for it instead of starting another. */
export function syncNow(db: KartkaDB, options: RunOptions): Promise<SyncSummary> {
	running ??= (async () => {
		const config = await loadSyncConfig(db);
		if (!config?.enabled) throw new KartkaError('sync-off', 'Sync is off.');
		try {
			const summary = await replicate(client(config, options.fetch), new DexieSyncStore(db), {
				onProgress: options.onProgress
			});
			await recordOutcome(db, options.nowMs(), null);
			return summary;
		} catch (error) {
			await recordOutcome(db, options.nowMs(), error);
			throw error;
		}
	})().finally(() => (running = null));
	return running;
}

export async function turnOffSync(db: KartkaDB): Promise<void> {
	const config = await loadSyncConfig(db);
	if (config) await putSyncMeta(db, CONFIG, { ...config, enabled: false, password: '' });
}

/** "Replace this device's data with the server's": only on request; this device's unsent changes are dropped. */
export async function replaceWithServer(db: KartkaDB, options: RunOptions): Promise<number> {
	const config = await loadSyncConfig(db);
	if (!config?.enabled) throw new KartkaError('sync-off', 'Turn on sync first.');
	const http = client(config, options.fetch);
	await ensureDatabase(http); // fails (wrong password, unreachable) before anything is cleared
	await clearForReplace(db);
	try {
		const { pulled } = await pull(http, new DexieSyncStore(db), { onProgress: options.onProgress });
		await recordOutcome(db, options.nowMs(), null);
		return pulled;
	} catch (error) {
		await recordOutcome(db, options.nowMs(), error);
		throw error;
	}
}
