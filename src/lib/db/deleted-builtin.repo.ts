/**
 * The shipped decks the user deleted (never reinstalled at start-up): one settings row. Read at every
 * start-up, so in a module of its own: the home page does not load deck management's code (issue 13).
 */
import type { KartkaDB } from './db';

export const DELETED_BUILTIN_KEY = 'deletedBuiltinDecks';

export async function deletedBuiltinDecks(db: KartkaDB): Promise<Set<string>> {
	const row = await db.settings.get(DELETED_BUILTIN_KEY);
	return new Set(Array.isArray(row?.value) ? (row.value as string[]) : []);
}
