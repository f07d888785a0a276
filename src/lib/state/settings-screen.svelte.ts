/** The settings screen: the global scheduler settings with Optimize, and backup/restore. */
import type { KartkaDB } from '$lib/db/db';
import { BackupState } from './backup.svelte';
import { ClassDecksState } from './class-decks.svelte';
import { OptimizerRun } from './optimizer.svelte';
import { ScreenState, type ScreenOptions } from './screen-status.svelte';
import { SchedulerSettingsEditor } from './settings.svelte';
import { SyncSettingsState } from './sync-settings.svelte';

export class SettingsScreen extends ScreenState {
	readonly scheduler: SchedulerSettingsEditor;
	readonly optimizer: OptimizerRun;
	readonly backup: BackupState;
	readonly sync: SyncSettingsState;
	readonly classDecks: ClassDecksState;

	constructor(db: KartkaDB, options: ScreenOptions = {}) {
		super(options);
		this.scheduler = new SchedulerSettingsEditor(db);
		this.optimizer = new OptimizerRun(db, () => this.scheduler.parametersChanged());
		this.backup = new BackupState(db, this.clock);
		this.sync = new SyncSettingsState(db, this.clock);
		this.classDecks = new ClassDecksState(db, this.clock);
	}

	protected async fetch(): Promise<void> {
		await Promise.all([this.scheduler.load(), this.backup.load(), this.sync.load(), this.classDecks.load()]);
	}
}
