/**
 * The settings and scheduler in force for a deck. The one place where deck-level policies that shape
 * scheduling (e.g. an exam date) are applied, so that the study session does not need to know them.
 */
import type { KartkaDB } from '$lib/db/db';
import { settingsForDeck } from '$lib/db/settings.repo';
import { createScheduler, type Scheduler } from '$lib/domain/fsrs-adapter';
import type { SchedulerSettings } from '$lib/domain/scheduler-settings';

export interface DeckScheduling {
	settings: SchedulerSettings;
	scheduler: Scheduler;
}

export async function schedulingForDeck(db: KartkaDB, deckId: string, _nowMs: number): Promise<DeckScheduling> {
	const settings = await settingsForDeck(db, deckId);
	return { settings, scheduler: createScheduler(settings) };
}
