/** App start-up shared by every page: open the database and install or refresh the shipped decks. */
import { appDb } from '$lib/db/db';
import { installBuiltinDecks } from '$lib/services/builtin-decks.service';

/**
 * A start-up that runs once and is shared by every caller while it runs or after it succeeded; a failed
 * start-up is forgotten, so that "Try again" really tries again (a rejected promise is never cached).
 */
export function onceUntilSuccess(start: () => Promise<unknown>): () => Promise<void> {
	let ready: Promise<void> | null = null;
	return () => {
		ready ??= start().then(
			() => undefined,
			(error: unknown) => {
				ready = null;
				throw error;
			}
		);
		return ready;
	};
}

export const appReady: () => Promise<void> = onceUntilSuccess(async () => {
	const db = appDb();
	// After a failed open Dexie keeps answering every query with that failure; an explicit open() tries again.
	if (!db.isOpen()) await db.open();
	await installBuiltinDecks(db, Date.now());
});
