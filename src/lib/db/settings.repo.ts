/** Settings rows: the global scheduler settings, and per-deck overrides kept on the deck row. */
import { resolveSettings, type SchedulerSettings } from '$lib/domain/scheduler-settings';
import type { KartkaDB } from './db';

const SCHEDULER_KEY = 'scheduler';

export async function getGlobalSettings(db: KartkaDB): Promise<Partial<SchedulerSettings>> {
	const row = await db.settings.get(SCHEDULER_KEY);
	return (row?.value as Partial<SchedulerSettings> | undefined) ?? {};
}

export async function saveGlobalSettings(db: KartkaDB, value: Partial<SchedulerSettings>): Promise<void> {
	await db.settings.put({ key: SCHEDULER_KEY, value });
}

/** The settings in force for a deck: defaults, then global, then the deck's own. */
export async function settingsForDeck(db: KartkaDB, deckId: string): Promise<SchedulerSettings> {
	const [global, deck] = await Promise.all([getGlobalSettings(db), db.decks.get(deckId)]);
	return resolveSettings(global, deck?.settings);
}

export async function getSetting<T>(db: KartkaDB, key: string): Promise<T | undefined> {
	return (await db.settings.get(key))?.value as T | undefined;
}

export async function putSetting(db: KartkaDB, key: string, value: unknown): Promise<void> {
	await db.settings.put({ key, value });
}
