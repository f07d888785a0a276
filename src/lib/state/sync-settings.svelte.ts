/**
 * Settings → Sync: the form (server address, username, password), the four actions, the status line,
 * progress of a long first sync, and conflicting edits with "Use this one".
 */
import type { KartkaDB } from '$lib/db/db';
import { useConflictingVersion } from '$lib/db/sync-edits.repo';
import { countPending } from '$lib/db/sync-outbox-batches.repo';
import { getSyncMeta } from '$lib/db/sync-tracking.repo';
import { errorMessage } from '$lib/domain/errors';
import { deviceLabel } from '$lib/domain/sync/log-ids';
import type { SyncedNoteRow } from '$lib/domain/sync/row-docs';
import { syncStatusText } from '$lib/domain/sync/sync-status';
import { checkClassSubscriptions, loadSyncService, syncActivity } from './sync-runner.svelte';

export interface ConflictView {
	noteId: string;
	/** The note's current text (its first field), for recognising it. */
	current: string;
	versions: { index: number; text: string; from: string }[];
}

function firstField(fields: Record<string, string>): string {
	const text = Object.values(fields)[0] ?? '';
	return text
		.replace(/<[^>]*>/g, ' ')
		.replace(/\s+/g, ' ')
		.trim()
		.slice(0, 120);
}

export class SyncSettingsState {
	url = $state('');
	username = $state('');
	password = $state('');
	enabled = $state(false);
	busy = $state(false);
	status = $state('');
	message = $state<string | null>(null);
	conflicts = $state<ConflictView[]>([]);
	progress = $derived(syncActivity.progress);

	constructor(
		private readonly db: KartkaDB,
		private readonly clock: () => number = () => Date.now(),
		private readonly online: () => boolean = () => navigator.onLine
	) {}

	async load(): Promise<void> {
		const config = await getSyncMeta<{ url: string; username: string; enabled: boolean }>(this.db, 'config');
		this.url = config?.url ?? this.url;
		this.username = config?.username ?? this.username;
		this.enabled = config?.enabled ?? false;
		await this.refresh();
	}

	/** The status line and the conflict list, from the database. */
	async refresh(): Promise<void> {
		const state = await getSyncMeta<{
			lastSyncMs?: number;
			lastErrorCode?: string;
			lastErrorMessage?: string;
		}>(this.db, 'state');
		this.status = syncStatusText({
			enabled: this.enabled,
			online: this.online(),
			pending: await countPending(this.db),
			lastSyncMs: state?.lastSyncMs ?? null,
			lastErrorCode: state?.lastErrorCode ?? null,
			lastErrorMessage: state?.lastErrorMessage ?? null,
			nowMs: this.clock()
		});
		const notes = (await this.db.notes
			.filter((n) => !!(n as SyncedNoteRow).conflicts?.length)
			.toArray()) as SyncedNoteRow[];
		this.conflicts = notes.map((n) => ({
			noteId: n.id,
			current: firstField(n.fields),
			versions: (n.conflicts ?? []).map((c, index) => ({
				index,
				text: firstField(c.fields),
				from: deviceLabel(c.editedBy)
			}))
		}));
	}

	private async run(action: () => Promise<unknown>, done: string): Promise<void> {
		if (this.busy) return;
		this.busy = true;
		this.message = null;
		syncActivity.running = true;
		try {
			await action();
			this.message = done;
		} catch (error) {
			this.message = errorMessage(error);
		} finally {
			this.busy = false;
			syncActivity.running = false;
			syncActivity.progress = null;
			syncActivity.attempts++;
			await this.refresh();
		}
	}

	private options() {
		return {
			nowMs: this.clock,
			onProgress: (p: typeof syncActivity.progress) => (syncActivity.progress = p)
		};
	}

	turnOn(): Promise<void> {
		return this.run(async () => {
			const service = await loadSyncService();
			this.enabled = false;
			await service.turnOnSync(
				this.db,
				{ url: this.url, username: this.username, password: this.password },
				this.options()
			);
			this.enabled = true;
			this.password = '';
		}, 'Sync is on.').then(() => this.load());
	}

	syncNow(): Promise<void> {
		return this.run(async () => {
			await (await loadSyncService()).syncNow(this.db, this.options());
			await checkClassSubscriptions(this.db);
		}, 'Synced.');
	}

	turnOff(): Promise<void> {
		return this.run(async () => {
			await (await loadSyncService()).turnOffSync(this.db);
			this.enabled = false;
		}, 'Sync is off. Your data stays on this device.');
	}

	replace(): Promise<void> {
		return this.run(
			async () => (await loadSyncService()).replaceWithServer(this.db, this.options()),
			"This device now has the server's data."
		);
	}

	useVersion(noteId: string, index: number): Promise<void> {
		return this.run(
			() => useConflictingVersion(this.db, noteId, index, this.clock()),
			'Kept the version you chose.'
		);
	}
}
