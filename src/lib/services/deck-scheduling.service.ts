/**
 * The settings and scheduler in force for a deck, as the screens ask for them. The rules (exam quota,
 * exam cap) are in domain/deck-scheduler.ts; the reads in settings.repo.ts.
 * - `schedulingForDeck`: settings and the deck's scheduler (study, practice).
 * Settings alone (`studySettingsForDeck`: the home counts need no scheduler) and the scheduler of settings
 * already read (`schedulerFor`) are in study-settings.service.ts, with no FSRS code until asked.
 * The scheduler (ts-fsrs) is loaded on demand: the study screen shows its first card without it and needs
 * it only for the answer buttons' intervals and the answer itself (issue 13: less JS before the first card).
 */
import type { KartkaDB } from '$lib/db/db';
import type { Scheduler } from '$lib/domain/fsrs-adapter';
import type { SchedulerSettings } from '$lib/domain/scheduler-settings';
import { schedulerFor, studySettingsForDeck, type StudySettings } from './study-settings.service';

export interface DeckScheduling extends StudySettings {
	settings: SchedulerSettings;
	scheduler: Scheduler;
}

export async function schedulingForDeck(
	db: KartkaDB,
	deckId: string,
	nowMs: number
): Promise<DeckScheduling> {
	const study = await studySettingsForDeck(db, deckId, nowMs);
	return { ...study, scheduler: await schedulerFor(study) };
}
