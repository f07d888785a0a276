/**
 * The settings in force for a deck today (no scheduler): what the home and deck screens' counts need.
 * Apart from deck-scheduling.service.ts so that those screens load no FSRS code (issue 13).
 * `schedulerFor` loads the scheduler (ts-fsrs) on demand for settings already read: here rather than in
 * deck-scheduling.service.ts so that a deck's study screen, which needs only these two, shares its module
 * with home and does not load "Study all"'s code (issue 13: home + study ≤ 90 kB).
 */
import type { KartkaDB } from '$lib/db/db';
import type { Scheduler } from '$lib/domain/fsrs-adapter';
import { readStudySettingsInput } from '$lib/db/settings.repo';
import { studySettings, type StudySettings } from '$lib/domain/study-settings';

export type { StudySettings } from '$lib/domain/study-settings';

export async function studySettingsForDeck(
	db: KartkaDB,
	deckId: string,
	nowMs: number
): Promise<StudySettings> {
	return studySettings(await readStudySettingsInput(db, deckId, nowMs), nowMs);
}

export async function schedulerFor(study: StudySettings): Promise<Scheduler> {
	const { schedulerForDeck } = await import('$lib/domain/deck-scheduler');
	return schedulerForDeck(study);
}
