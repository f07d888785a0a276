/**
 * Review logs by time across every deck. Schema v9 dropped the plain `reviewedMs` index (one index entry
 * less to write per log: a first sync writes 100,000 of them); these reads walk `[deckId+reviewedMs]`
 * instead, one key range per deck, jumping from one deck's last key to the next deck's first. A few
 * requests per deck, and only the logs in the time range are read, as with the old index.
 */
import type { ReviewLogRow } from '$lib/domain/model';
import type { KartkaDB } from './db';

const BY_DECK_TIME = '[deckId+reviewedMs]';

/** Logs answered at or after `fromMs`, in time order (equal times: by local id, as the old index gave). */
export async function logsSinceAllDecks(db: KartkaDB, fromMs: number): Promise<ReviewLogRow[]> {
	const out: ReviewLogRow[] = [];
	const logs = db.reviewLogs;
	// Times are numbers, and in IndexedDB's key order every number sorts before any string or array:
	// [deck, Infinity] is past the last key of `deck`.
	let next = (await logs.orderBy(BY_DECK_TIME).limit(1).keys())[0] as [string, number] | undefined;
	while (next) {
		const deckId = next[0];
		out.push(
			...(await logs.where(BY_DECK_TIME).between([deckId, fromMs], [deckId, Infinity], true, true).toArray())
		);
		next = (await logs.where(BY_DECK_TIME).above([deckId, Infinity]).limit(1).keys())[0] as
			[string, number] | undefined;
	}
	return out.sort((a, b) => a.reviewedMs - b.reviewedMs || (a.id ?? 0) - (b.id ?? 0));
}
