/**
 * The settings and scheduler in force for a deck, as the screens ask for them. The rules (exam quota,
 * exam cap) are in domain/deck-scheduler.ts; the reads in settings.repo.ts.
 * - `studySettingsForDeck`: settings only (the home counts need no scheduler).
 * - `schedulingForDeck`: settings and the deck's scheduler (study, practice).
 */
import type { KartkaDB } from '$lib/db/db';
import { readStudySettingsInput } from '$lib/db/settings.repo';
import { schedulerForDeck, studySettings, type StudySettings } from '$lib/domain/deck-scheduler';
import type { Scheduler } from '$lib/domain/fsrs-adapter';
import type { SchedulerSettings } from '$lib/domain/scheduler-settings';

export type { StudySettings } from '$lib/domain/deck-scheduler';

export async function studySettingsForDeck(
	db: KartkaDB,
	deckId: string,
	nowMs: number
): Promise<StudySettings> {
	return studySettings(await readStudySettingsInput(db, deckId, nowMs), nowMs);
}

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
	return { ...study, scheduler: schedulerForDeck(study) };
}
