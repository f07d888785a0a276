/**
 * Reading and writing card suspensions (schema v11) where the middleware of suspensions.repo.ts does not do it
 * for the caller: queue-index readers leave suspended cards out (they are stored with their state queue), and a
 * bulk suspend / unsuspend writes only the suspension rows. Apart from suspensions.repo.ts, which every
 * database loads at start-up, so that only the screens using these carry them.
 */
import { Queue, type CardRow } from '$lib/domain/model';
import type { KartkaDB } from './db';
import { splitCard, SUSPENSIONS, type SuspensionRow } from './suspensions.repo';

/** Cards read by a queue index, suspended ones left out (they are stored with their state queue). */
export function withoutSuspended<T extends CardRow>(cards: T[]): T[] {
	return cards.filter((c) => c.queue !== Queue.Suspended);
}

/**
 * The first `n` unsuspended cards of a limited index read: `read(limit)` again with a larger limit while
 * suspended cards took places (rare: suspended cards are few, and only those in the window count).
 */
export async function limitUnsuspended<T extends CardRow>(
	read: (limit: number) => PromiseLike<T[]>,
	n: number
): Promise<T[]> {
	let limit = n;
	for (;;) {
		const rows = await read(limit);
		const kept = withoutSuspended(rows);
		if (kept.length >= n || rows.length < limit || !Number.isFinite(limit)) return kept.slice(0, n);
		limit = n + 2 * (rows.length - kept.length);
	}
}

/** The suspensions table (a Dexie table by name: the KartkaDB class declares it too). */
export function suspensionsTable(db: KartkaDB) {
	return db.table<SuspensionRow, string>(SUSPENSIONS);
}

/**
 * Writes ONLY the suspension part of `cards` (a bulk suspend / unsuspend and their undo): their card rows
 * must be unchanged otherwise (no rev bump: an answer to a card suspended since it was shown is refused by
 * the answer's check of its suspension). Inside the caller's transaction (it includes `suspensions`).
 */
export async function writeSuspensionsOnly(db: KartkaDB, cards: readonly CardRow[]): Promise<void> {
	const puts: SuspensionRow[] = [];
	const deletes: string[] = [];
	for (const card of cards) {
		const { suspension } = splitCard(card);
		if (suspension) puts.push(suspension);
		else deletes.push(card.id);
	}
	const table = suspensionsTable(db);
	if (deletes.length) await table.bulkDelete(deletes);
	if (puts.length) await table.bulkPut(puts);
}
