/** The authoring draft (text, title, suggestions and choices), kept so that it survives a reload. */
import type { KartkaDB } from './db';
import { getSetting, putSetting } from './settings.repo';

const DRAFT_KEY = 'authoring-draft';

export function loadDraft<T>(db: KartkaDB): Promise<T | undefined> {
	return getSetting<T>(db, DRAFT_KEY);
}

export function saveDraft(db: KartkaDB, draft: unknown): Promise<void> {
	return putSetting(db, DRAFT_KEY, draft);
}

export async function clearDraft(db: KartkaDB): Promise<void> {
	await db.settings.delete(DRAFT_KEY);
}
