/**
 * Reads what the exam screens need about one deck in one transaction; domain/exam/deck-study-state.ts
 * derives the rest.
 */
import type { KartkaDB } from '$lib/db/db';
import { readDeckStudyState } from '$lib/db/exam.repo';
import { settingsForDeck } from '$lib/db/settings.repo';
import { deckStudyState, type DeckStudyState } from '$lib/domain/exam/deck-study-state';
import { createScheduler } from '$lib/domain/fsrs-adapter';
import { studyDayOf } from '$lib/domain/study-day';

export async function loadDeckStudyState(
	db: KartkaDB,
	deckId: string,
	nowMs: number
): Promise<DeckStudyState> {
	const settings = await settingsForDeck(db, deckId);
	const studyDay = studyDayOf(nowMs, settings.dayCutoffHour);
	const rows = await readDeckStudyState(db, deckId, studyDay);
	return deckStudyState({ deckId, nowMs, settings, scheduler: createScheduler(settings), ...rows });
}
