/**
 * What a deck's study session needs before its first card: the deck's title, its study settings, today's
 * queue input and the notes of the queued cards. Read on the page at a usual start; on a first visit the
 * installer worker reads it right after writing the deck and hands it over (issue 13: the study page shows
 * its first card without opening the database on the main thread), so both read it the same way.
 */
import { getDeck, getNotes } from '$lib/db/decks.repo';
import type { KartkaDB } from '$lib/db/db';
import { loadQueueInput } from '$lib/db/queue.repo';
import type { NoteRow } from '$lib/domain/model';
import type { QueueInput } from '$lib/domain/study-queue';
import type { StudySettings } from '$lib/domain/study-settings';
import { studySettingsForDeck } from './study-settings.service';

export interface StudyStart {
	deckId: string;
	deckTitle: string;
	study: StudySettings;
	input: QueueInput;
	/** The notes of every card in `input` (structured-clonable: posted from the worker). */
	notes: NoteRow[];
}

export async function readStudyStart(db: KartkaDB, deckId: string, nowMs: number): Promise<StudyStart> {
	const [deck, study] = await Promise.all([getDeck(db, deckId), studySettingsForDeck(db, deckId, nowMs)]);
	const input = await loadQueueInput(db, deckId, nowMs, study.settings);
	const noteIds = [...new Set([...input.learning, ...input.review, ...input.fresh].map((c) => c.noteId))];
	const notes = (await getNotes(db, noteIds)).filter((n): n is NoteRow => !!n);
	return { deckId, deckTitle: deck?.title ?? '', study, input, notes };
}
