/**
 * Reads what the exam screens need about one deck in one transaction; domain/exam/deck-study-state.ts
 * derives the rest.
 */
import type { KartkaDB } from '$lib/db/db';
import { readDeckStudyState } from '$lib/db/exam.repo';
import { settingsForDeck } from '$lib/db/settings.repo';
import { deckStudyState, type DeckStudyState } from '$lib/domain/exam/deck-study-state';
import { schedulerForDeck } from '$lib/domain/deck-scheduler';
import { studyDayOf } from '$lib/domain/study-day';

export async function loadDeckStudyState(
	db: KartkaDB,
	deckId: string,
	nowMs: number,
	/** The deck's settings and scheduler when the caller has them already (read and built once). */
	known?: Pick<DeckStudyState, 'settings' | 'scheduler'>
): Promise<DeckStudyState> {
	const settings = known?.settings ?? (await settingsForDeck(db, deckId));
	const studyDay = studyDayOf(nowMs, settings.dayCutoffHour);
	const rows = await readDeckStudyState(db, deckId, studyDay);
	const scheduler = known?.scheduler ?? schedulerForDeck({ deckSettings: settings, examCap: null });
	return deckStudyState({ deckId, nowMs, settings, scheduler, ...rows });
}
