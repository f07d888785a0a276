/**
 * Browse's Suspend / Unsuspend and their Undo, each ONE transaction that reads no card row (schema v11:
 * they write only suspension rows). What they read: the selected cards' KEYS (which ones still exist) and
 * the suspension rows of the selection; planning is pure (domain/browse/bulk-suspensions.ts). What they
 * write: the suspension rows, stamped for sync, and one outbox record of the card documents (as
 * browse-sync.repo's writeTracked does for the other actions). Browse only.
 */
import { KartkaError } from '$lib/domain/errors';
import { docId } from '$lib/domain/sync/doc-ids';
import {
	planSuspendRows,
	planUnsuspendRows,
	sameSuspension,
	stampSuspensionRow,
	type CardSuspension,
	type SuspensionPlan
} from '$lib/domain/browse/bulk-suspensions';
import type { KartkaDB } from './db';
import type { SuspensionRow } from './suspensions.repo';
import { suspensionsTable } from './suspended-cards.repo';
import { deviceIdOf, outboxTable, syncMetaTable, syncRevsTable } from './sync-tracking.repo';
import { trackBatch } from './sync-outbox-batches.repo';

/** What "Undo" needs: the rows as the action wrote them, and what they were before. */
export interface SuspensionUndo {
	before: CardSuspension[];
	written: CardSuspension[];
}

/** Below this many keys a lookup per key; above, one read of the key range between the first and last. */
const RANGE_MIN = 64;

function tables(db: KartkaDB) {
	// `cards` for its keys (the middleware adds nothing to a read without values).
	return [db.cards, suspensionsTable(db), outboxTable(db), syncMetaTable(db), syncRevsTable(db)];
}

/**
 * A large selection is read by key range (a few requests however many cards, where a lookup per card costs
 * more than the write): `cardKeys` reads the card store's keys only, `suspensionRows` the suspension rows
 * of the same range (which may hold neighbours not asked for). `sorted`: distinct, sorted, not empty.
 */
function cardKeys(db: KartkaDB, sorted: readonly string[]): PromiseLike<Set<string>> {
	const range =
		sorted.length < RANGE_MIN
			? db.cards.where(':id').anyOf(sorted)
			: db.cards.where(':id').between(sorted[0]!, sorted.at(-1)!, true, true);
	return range.primaryKeys().then((keys) => new Set(keys as string[]));
}

function suspensionRows(db: KartkaDB, sorted: readonly string[]): PromiseLike<Map<string, CardSuspension>> {
	const table = suspensionsTable(db);
	const rows =
		sorted.length < RANGE_MIN
			? table.bulkGet([...sorted])
			: table.where(':id').between(sorted[0]!, sorted.at(-1)!, true, true).toArray();
	return rows.then((found) => new Map(found.filter((s): s is SuspensionRow => !!s).map((s) => [s.id, s])));
}

/** Writes `rows` stamped for sync (changed now by this device) and queues their card documents. */
async function writeStamped(db: KartkaDB, rows: readonly CardSuspension[], nowMs: number) {
	const device = await deviceIdOf(db);
	const stamped = rows.map((s) => stampSuspensionRow(s, nowMs, device));
	if (stamped.length) await suspensionsTable(db).bulkPut(stamped);
	await trackBatch(
		db,
		stamped.map((s) => docId('card', s.id)),
		nowMs
	);
	return stamped;
}

/** Suspends or unsuspends the cards of `cardIds` that exist, in ONE transaction; nothing written on failure. */
export function runSuspensionAction(
	db: KartkaDB,
	cardIds: readonly string[],
	action: SuspensionPlan['action'],
	nowMs: number
): Promise<{ plan: SuspensionPlan; undo: SuspensionUndo }> {
	return db.transaction('rw', tables(db), async () => {
		const distinct = [...new Set(cardIds)];
		const sorted = [...distinct].sort();
		const [cards, rows] = await Promise.all([cardKeys(db, sorted), suspensionRows(db, sorted)]);
		const ids = distinct.filter((id) => cards.has(id));
		const plan = action === 'suspend' ? planSuspendRows(ids, rows) : planUnsuspendRows(ids, rows);
		const written = await writeStamped(db, plan.after, nowMs);
		return { plan, undo: { before: plan.before, written } };
	});
}

/**
 * Undoes a suspend / unsuspend in ONE transaction (a change made at `nowMs`, for sync); refused, nothing
 * written, if a suspension it wrote changed since (another action, a pull, an edit, the card deleted: a
 * deleted card's suspension row goes with it). The card rows are neither read nor written: an answer or an
 * edit since does not stand in the way of putting the suspension back.
 */
export async function undoSuspensionAction(db: KartkaDB, undo: SuspensionUndo, nowMs: number): Promise<void> {
	await db.transaction('rw', tables(db), async () => {
		if (undo.written.length === 0) return;
		const sorted = undo.written.map((s) => s.id).sort();
		const now = await suspensionRows(db, sorted);
		if (undo.written.some((s) => !sameSuspension(now.get(s.id), s)))
			throw new KartkaError(
				'undo-stale',
				'Some of these cards changed since, so this action can no longer be undone.'
			);
		await writeStamped(db, undo.before, nowMs);
	});
}
