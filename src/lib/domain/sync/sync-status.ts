/** The status line of Settings → Sync, in words. Pure: the clock and the facts come in. */

export interface SyncStatusInput {
	enabled: boolean;
	online: boolean;
	pending: number;
	lastSyncMs: number | null;
	/** Code of the last failed sync (KartkaError code), null after a success. */
	lastErrorCode: string | null;
	lastErrorMessage?: string | null;
	nowMs: number;
}

function plural(n: number, word: string): string {
	return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** "just now", "2 minutes ago", "3 hours ago", "2 days ago". */
export function timeAgo(thenMs: number, nowMs: number): string {
	const minutes = Math.floor(Math.max(0, nowMs - thenMs) / 60_000);
	if (minutes < 1) return 'just now';
	if (minutes < 60) return `${plural(minutes, 'minute')} ago`;
	const hours = Math.floor(minutes / 60);
	if (hours < 24) return `${plural(hours, 'hour')} ago`;
	return `${plural(Math.floor(hours / 24), 'day')} ago`;
}

export function syncStatusText(s: SyncStatusInput): string {
	if (!s.enabled) return 'Sync is off.';
	if (s.lastErrorCode === 'sync-auth') return 'Wrong password';
	if (!s.online) return `Offline: ${plural(s.pending, 'change')} waiting`;
	if (s.lastErrorCode === 'sync-unreachable') return 'Server unreachable';
	if (s.lastErrorCode) return s.lastErrorMessage ?? 'Sync failed';
	if (s.lastSyncMs === null) return 'Not synced yet';
	const synced = `Synced ${timeAgo(s.lastSyncMs, s.nowMs)}`;
	return s.pending > 0 ? `${synced} · ${plural(s.pending, 'change')} waiting` : synced;
}
