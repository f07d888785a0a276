/** Settings rows: the global scheduler settings, and per-deck overrides kept on the deck row. */
import type { StudySettingsInput } from '$lib/domain/study-settings';
import { Queue } from '$lib/domain/model';
import { resolveSettings, type SchedulerSettings } from '$lib/domain/scheduler-settings';
import { studyDayOf } from '$lib/domain/study-day';
import { todaysWork } from '$lib/domain/todays-work';
import type { KartkaDB } from './db';
import { notesInScope } from '$lib/domain/exam/exam-scope';

const SCHEDULER_KEY = 'scheduler';

export async function getGlobalSettings(db: KartkaDB): Promise<Partial<SchedulerSettings>> {
	const row = await db.settings.get(SCHEDULER_KEY);
	return (row?.value as Partial<SchedulerSettings> | undefined) ?? {};
}

export async function saveGlobalSettings(db: KartkaDB, value: Partial<SchedulerSettings>): Promise<void> {
	await db.settings.put({ key: SCHEDULER_KEY, value });
}

/**
 * Changes some global settings and keeps the others: read and write in ONE transaction, so that two
 * tabs saving different fields at once do not undo each other's change. Returns the saved value.
 */
export async function patchGlobalSettings(
	db: KartkaDB,
	patch: Partial<SchedulerSettings>
): Promise<Partial<SchedulerSettings>> {
	return db.transaction('rw', db.settings, async () => {
		const value = { ...(await getGlobalSettings(db)), ...patch };
		await saveGlobalSettings(db, value);
		return value;
	});
}

/** The settings in force for a deck: defaults, then global, then the deck's own. */
export async function settingsForDeck(db: KartkaDB, deckId: string): Promise<SchedulerSettings> {
	const [global, deck] = await Promise.all([getGlobalSettings(db), db.decks.get(deckId)]);
	return resolveSettings(global, deck?.settings);
}

/** The tables `readStudySettingsInput` reads (for callers that read it inside their transaction). */
export function studySettingsTables(db: KartkaDB) {
	return [db.settings, db.decks, db.notes, db.cards, db.reviewLogs, db.examPlans];
}

/** What deciding a deck's settings and scheduler needs (see domain/deck-scheduler.ts): read only. */
export async function readStudySettingsInput(
	db: KartkaDB,
	deckId: string,
	nowMs: number
): Promise<StudySettingsInput> {
	return db.transaction('r', studySettingsTables(db), async () => {
		const [deckSettings, plan] = await Promise.all([settingsForDeck(db, deckId), db.examPlans.get(deckId)]);
		if (!plan) return { deckSettings, plan: null, examNotes: null, examNewAtDayStart: 0 };
		const examNotes = plan.tags.length === 0 ? null : await notesOfTags(db, deckId, plan.tags);
		const covered = (noteId: string) => examNotes === null || examNotes.has(noteId);
		const today = studyDayOf(nowMs, deckSettings.dayCutoffHour);
		const [stillNew, todaysLogs] = await Promise.all([
			db.cards
				.where('[deckId+queue+newPosition]')
				.between([deckId, Queue.New, -Infinity], [deckId, Queue.New, Infinity])
				// (suspended new cards sit in this index too since schema v11: not counted)
				.filter((c) => c.queue === Queue.New && covered(c.noteId))
				.count(),
			db.reviewLogs.where('[deckId+studyDay]').equals([deckId, today]).toArray()
		]);
		const introducedToday = todaysWork(todaysLogs).newCardNotes.filter(covered).length;
		return { deckSettings, plan, examNotes, examNewAtDayStart: stillNew + introducedToday };
	});
}

/** The note ids an exam limited to some tags covers. */
async function notesOfTags(db: KartkaDB, deckId: string, tags: string[]): Promise<Set<string>> {
	const notes = await db.notes
		.where('tags')
		.anyOf(tags)
		.filter((n) => n.deckId === deckId)
		.toArray();
	return new Set(notesInScope(notes, tags).map((n) => n.id));
}

/** A value stored under `key` in the settings table (drafts, device-level choices). */
export async function getSetting<T>(db: KartkaDB, key: string): Promise<T | undefined> {
	return (await db.settings.get(key))?.value as T | undefined;
}

export async function putSetting(db: KartkaDB, key: string, value: unknown): Promise<void> {
	await db.settings.put({ key, value });
}
