/**
 * The settings in force for a deck today (no scheduler): what the home and deck screens' counts need.
 * Apart from deck-scheduling.service.ts so that those screens load no FSRS code (issue 13).
 */
import type { KartkaDB } from '$lib/db/db';
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
