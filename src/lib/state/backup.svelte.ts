/**
 * Settings › Backup: when the last backup was made, making one, and restoring one after the user saw
 * what it holds against what is there now (the confirmation is the component's dialog).
 */
import type { KartkaDB } from '$lib/db/db';
import { lastBackupMs, tableCounts } from '$lib/db/backup.repo';
import { errorMessage } from '$lib/domain/errors';
import type { BackupContents } from '$lib/services/backup/backup.service';
import { clearMediaCache } from './media-urls.svelte';

export interface PendingRestore {
	contents: BackupContents;
	fileName: string;
	current: Record<string, number>;
}

export interface BackupFile {
	fileName: string;
	bytes: Uint8Array;
}

/** The backup format (zip, schema) loads when a backup is made or read (issue 13: not Settings' first load). */
const backups = () => import('$lib/services/backup/backup.service');

const nf = new Intl.NumberFormat();

/** "3 decks, 120 cards, 40 reviews, 2 media files". */
export function describeCounts(counts: Record<string, number>): string {
	const c = (k: string, one: string, many: string) =>
		`${nf.format(counts[k] ?? 0)} ${counts[k] === 1 ? one : many}`;
	return [
		c('decks', 'deck', 'decks'),
		c('cards', 'card', 'cards'),
		c('reviewLogs', 'review', 'reviews'),
		c('media', 'media file', 'media files')
	].join(', ');
}

export class BackupState {
	/** undefined: not read yet; null: never. */
	last = $state<number | null | undefined>(undefined);
	busy = $state(false);
	message = $state<string | null>(null);
	error = $state<string | null>(null);
	pending = $state.raw<PendingRestore | null>(null);

	constructor(
		private readonly db: KartkaDB,
		private readonly clock: () => number = () => Date.now()
	) {}

	async load(): Promise<void> {
		this.last = await lastBackupMs(this.db);
	}

	async backup(save: (file: BackupFile) => void): Promise<void> {
		this.busy = true;
		this.error = this.message = null;
		try {
			const { backupHandedOver, createBackup } = await backups();
			const file = await createBackup(this.db, this.clock());
			save(file);
			// Only now is there a file to keep: record "Last backup" (issue 12).
			await backupHandedOver(this.db, file);
			this.last = file.createdMs;
			this.message = `Saved ${file.fileName}: ${describeCounts(file.counts)}. Keep it somewhere other than this device.`;
		} catch (e) {
			this.error = `The backup could not be made: ${errorMessage(e)}`;
		} finally {
			this.busy = false;
		}
	}

	/** Reads a chosen backup file; true when it is ready to be confirmed (`pending`). */
	async choose(file: File): Promise<boolean> {
		this.busy = true;
		this.error = this.message = null;
		try {
			const { readBackupFor } = await backups();
			const contents = await readBackupFor(this.db, new Uint8Array(await file.arrayBuffer()));
			this.pending = { contents, fileName: file.name, current: await tableCounts(this.db) };
			return true;
		} catch (e) {
			this.error = `${errorMessage(e)} Nothing was changed.`;
			return false;
		} finally {
			this.busy = false;
		}
	}

	async restore(chosen: PendingRestore, when: (ms: number) => string): Promise<void> {
		this.busy = true;
		try {
			const { restoreBackup } = await backups();
			await restoreBackup(this.db, chosen.contents);
			clearMediaCache();
			this.last = await lastBackupMs(this.db);
			this.message = `Restored the backup of ${when(chosen.contents.createdMs)}: ${describeCounts(chosen.contents.counts)}.`;
		} catch (e) {
			this.error = `The restore failed and nothing was changed: ${errorMessage(e)}`;
		} finally {
			this.busy = false;
			this.pending = null;
		}
	}
}
