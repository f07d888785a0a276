/** App start-up shared by every page: open the database and install or refresh the shipped decks. */
import { appDb } from '$lib/db/db';
import { installShippedDecks, wantShippedDeck } from '$lib/services/builtin-decks.client';

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

/** Shipped decks not installed yet (null: not known yet), and the decks screens are waiting for. */
let pending: readonly string[] | null = null;
const wanted: string[] = [];
const pendingChanged = new Set<() => void>();

export const appReady: () => Promise<void> = onceUntilSuccess(async () => {
	const db = appDb();
	// After a failed open Dexie keeps answering every query with that failure; an explicit open() tries again.
	if (!db.isOpen()) await db.open();
	// In a worker where the browser has one (issue 13: no long task on a first visit).
	await installShippedDecks(db, Date.now(), wanted, (ids) => {
		pending = ids;
		for (const listener of [...pendingChanged]) listener();
	});
});

/**
 * Resolves once one deck can be studied: a shipped deck still to install is installed first, and the
 * screen opens while the others follow (issue 13). Any other deck is ready once the database is open.
 */
export function deckReady(deckId: string): Promise<void> {
	wanted.unshift(deckId);
	wantShippedDeck(deckId);
	const all = appReady();
	return new Promise<void>((resolve, reject) => {
		const settle = (done: () => void) => {
			pendingChanged.delete(check);
			done();
		};
		const check = () => {
			if (pending !== null && !pending.includes(deckId)) settle(resolve);
		};
		pendingChanged.add(check);
		check();
		all.then(
			() => settle(resolve),
			(error: unknown) => settle(() => reject(error))
		);
	});
}
