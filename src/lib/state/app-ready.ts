/**
 * App start-up shared by every page: open the database, then install or refresh the shipped decks.
 * A failure to open is shown by the page (with "Try again"), and the next call starts over instead of
 * returning the same rejected promise for ever. A shipped deck that cannot be written (storage full) is
 * skipped and logged by installBuiltinDecks, and tried again at the next start: it never blocks study
 * of what is already stored.
 */
import { appDb } from '$lib/db/db';
import { installBuiltinDecks } from '$lib/services/builtin-decks.service';

/** A start-up that is shared while it runs or once it succeeded, and retried after it failed. */
export function retryingOnce(start: () => Promise<void>): () => Promise<void> {
	let ready: Promise<void> | null = null;
	return () => {
		ready ??= start().catch((e: unknown) => {
			ready = null;
			throw e;
		});
		return ready;
	};
}

export const appReady = retryingOnce(async () => {
	const db = appDb();
	await db.open();
	await installBuiltinDecks(db, Date.now());
});
