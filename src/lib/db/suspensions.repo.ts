/**
 * Schema v11: a card's suspension lives in its own small store, `suspensions` (keyed by card id), not in
 * the card row, so that suspending or unsuspending 10,000 cards writes 10,000 small rows and never the
 * card rows (docs/performance.md "Bulk actions": putting 10,000 card rows back costs more than 1 s).
 *
 * The rest of the app keeps seeing one `CardRow` with `queue: Queue.Suspended` and `suspendedReason`:
 * a Dexie middleware (below, installed by db.ts) merges the suspension rows into every card it reads and
 * splits every card it writes (queue -1 → the card row keeps its state queue, the suspension goes to its
 * row; any other queue → the card's suspension row holds only sync stamps, or is deleted). Every
 * transaction that includes `cards` also includes `suspensions` (the middleware widens it).
 *
 * What changes for readers: the cards' queue indexes (`[deckId+queue+…]`) hold the STATE queue, so an
 * index read of a queue also returns suspended cards, merged with queue -1: each such reader drops them
 * (`withoutSuspended`, `limitUnsuspended`). Key reads, counts of all cards and deck ranges are unchanged.
 * Upgrade transactions (versionchange) see the raw rows: older versions' upgrades run unchanged.
 */
import type {
	DBCore,
	DBCoreCursor,
	DBCoreMutateRequest,
	DBCoreMutateResponse,
	DBCoreTable,
	DBCoreTransaction,
	Middleware
} from 'dexie';
import { Queue, queueForState, type CardRow } from '$lib/domain/model';
import type { SyncedCardRow } from '$lib/domain/sync/row-docs';
import type { CardSuspension } from '$lib/domain/browse/bulk-suspensions';

export const SUSPENSIONS = 'suspensions';

/**
 * One card's suspension and the sync stamps of a person's (un)suspension (docs/sync.md), stored as the
 * domain plans it (type only: no code of Browse's planner comes into the shell).
 */
export type SuspensionRow = CardSuspension;

const STAMPS = ['userSuspended', 'suspendChangedMs', 'suspendChangedBy'] as const;

/** The card row as stored (state queue, no suspension fields) and its suspension row (null: none). */
export function splitCard(card: CardRow): { row: CardRow; suspension: SuspensionRow | null } {
	const { suspendedReason, userSuspended, suspendChangedMs, suspendChangedBy, ...rest } =
		card as SyncedCardRow;
	const suspended = card.queue === Queue.Suspended;
	const row = (suspended ? { ...rest, queue: queueForState(card.state) } : rest) as CardRow;
	const stamps = { userSuspended, suspendChangedMs, suspendChangedBy };
	const none = suspendedReason === undefined && STAMPS.every((k) => stamps[k] === undefined);
	if (!suspended && none) return { row, suspension: null };
	const suspension: SuspensionRow = { id: card.id, suspended };
	// (A reason is kept as written, even on a card not suspended: a pulled suspension sets it before the
	// replay hides the card, in the same transaction.)
	if (suspendedReason !== undefined) suspension.reason = suspendedReason;
	for (const k of STAMPS)
		if (stamps[k] !== undefined) (suspension as unknown as Record<string, unknown>)[k] = stamps[k];
	return { row, suspension };
}

/** The card as the app sees it: its stored row with its suspension row (if any) merged in. */
export function mergeCard<T extends CardRow>(row: T, suspension: SuspensionRow | undefined): T {
	if (!suspension) return row;
	const { id: _id, suspended, reason, ...stamps } = suspension;
	return {
		...row,
		...stamps,
		...(reason !== undefined ? { suspendedReason: reason } : {}),
		...(suspended ? { queue: Queue.Suspended } : {})
	};
}

// ---- the middleware ----
// Written with `.then` on the promises of the layer below, never `async`/`await`: Dexie runs its chains in
// its transaction zone, which a native promise would lose (and fake-indexeddb would commit early).

/** Active only in ordinary transactions of a database that has the store (never in an upgrade). */
function active(trans: DBCoreTransaction): boolean {
	const t = trans as unknown as IDBTransaction;
	return t.mode !== 'versionchange' && !!t.objectStoreNames?.contains(SUSPENSIONS);
}

/** Below this many keys a lookup per key; above, one read of the key range between the first and last. */
const RANGE_MIN = 64;
const ALL = { type: 3 } as const; // DBCoreRangeType.Any

function suspensionsFor(
	store: DBCoreTable,
	trans: DBCoreTransaction,
	ids: readonly string[]
): Promise<Map<string, SuspensionRow>> {
	const byId = (rows: (SuspensionRow | undefined)[]) => {
		const found = new Map<string, SuspensionRow>();
		for (const r of rows) if (r) found.set(r.id, r);
		return found;
	};
	if (ids.length < RANGE_MIN) return store.getMany({ trans, keys: [...ids] }).then(byId);
	let lower = ids[0]!;
	let upper = ids[0]!;
	for (const id of ids) {
		if (id < lower) lower = id;
		if (id > upper) upper = id;
	}
	const range = { type: 2, lower, upper, lowerOpen: false, upperOpen: false } as const;
	const query = { index: store.schema.primaryKey, range };
	return store.query({ trans, values: true, query }).then((r) => byId(r.result));
}

function mergeAll(cards: (CardRow | undefined)[], byId: Map<string, SuspensionRow>): (CardRow | undefined)[] {
	if (byId.size === 0) return cards;
	return cards.map((c) => (c ? mergeCard(c, byId.get(c.id)) : c));
}

function present(cards: (CardRow | undefined)[]): string[] {
	return cards.filter((c): c is CardRow => !!c).map((c) => c.id);
}

/**
 * The cursor with merged values. Every member delegates to the real cursor: a native IDBCursor's getters
 * refuse any other `this` ("Illegal invocation"), so the wrapper never inherits them.
 */
function mergingCursor(cursor: DBCoreCursor, byId: Map<string, SuspensionRow>): DBCoreCursor {
	const wrapped: DBCoreCursor = {
		get trans() {
			return cursor.trans;
		},
		get key() {
			return cursor.key;
		},
		get primaryKey() {
			return cursor.primaryKey;
		},
		get value() {
			return mergeCard(cursor.value as CardRow, byId.get(cursor.primaryKey as string));
		},
		get done() {
			return cursor.done;
		},
		continue: (key) => cursor.continue(key),
		continuePrimaryKey: (key, primaryKey) => cursor.continuePrimaryKey(key, primaryKey),
		advance: (count) => cursor.advance(count),
		start: (onNext) => cursor.start(onNext),
		stop: (value) => cursor.stop(value),
		next: () => cursor.next().then(() => wrapped),
		fail: (error) => cursor.fail(error)
	};
	return wrapped;
}

function cardsTable(cards: DBCoreTable, store: DBCoreTable): Partial<DBCoreTable> {
	/** The card puts of a write and what they mean for the suspensions store (see splitCard). */
	function writeSplit(req: DBCoreMutateRequest & { type: 'add' | 'put' }): Promise<DBCoreMutateResponse> {
		const trans = req.trans;
		const rows: CardRow[] = [];
		const puts: SuspensionRow[] = [];
		const cleared: string[] = [];
		for (const value of req.values as CardRow[]) {
			const { row, suspension } = splitCard(value);
			rows.push(row);
			if (suspension) puts.push(suspension);
			else cleared.push(value.id);
		}
		// The card rows and their suspension rows are written in one go (requests issued together run in
		// order): a read issued meanwhile sees both or neither. The card rows first: should their write fail
		// (a full disk, an abort), that failure is the one reported, not the closed transaction the
		// suspension writes then meet (handled here, so they are not unhandled rejections).
		const write = (stale: string[]) => {
			const res = cards.mutate({ ...req, values: rows });
			const deleted = stale.length ? store.mutate({ type: 'delete', trans, keys: stale }) : null;
			const put = puts.length ? store.mutate({ type: 'put', trans, values: puts }) : null;
			for (const after of [deleted, put]) after?.catch(() => undefined);
			return res.then((r) => (deleted ?? res).then(() => (put ?? res).then(() => r)));
		};
		if (cleared.length === 0) return write([]);
		// Delete only rows that exist: an answer writes its card alone, and a put of 30,000 imported cards
		// does not issue 30,000 deletes.
		return suspensionsFor(store, trans, cleared).then((existing) =>
			write(cleared.filter((id) => existing.has(id)))
		);
	}
	return {
		// Where the keys are known, both stores are read at once: a write issued meanwhile in the same
		// transaction (card row and suspension row at once, see writeSplit) is then seen whole or not at all.
		get(req) {
			if (!active(req.trans)) return cards.get(req);
			const suspension = store.get({ trans: req.trans, key: req.key });
			return cards
				.get(req)
				.then((card: CardRow | undefined) => suspension.then((s) => (card ? mergeCard(card, s) : card)));
		},
		getMany(req) {
			if (!active(req.trans)) return cards.getMany(req);
			const suspensions = suspensionsFor(store, req.trans, req.keys as string[]);
			return cards
				.getMany(req)
				.then((found: (CardRow | undefined)[]) => suspensions.then((byId) => mergeAll(found, byId)));
		},
		query(req) {
			return cards.query(req).then((res) => {
				if (!req.values || !active(req.trans)) return res;
				const list = res.result as CardRow[];
				return suspensionsFor(store, req.trans, present(list)).then((byId) => ({
					...res,
					result: mergeAll(list, byId)
				}));
			});
		},
		openCursor(req) {
			if (!req.values || !active(req.trans)) return cards.openCursor(req);
			// A cursor reads rows one by one: the (small) store is read whole first, so values merge synchronously.
			const all = { index: store.schema.primaryKey, range: ALL as never };
			return store.query({ trans: req.trans, values: true, query: all }).then(({ result }) => {
				const byId = new Map((result as SuspensionRow[]).map((r) => [r.id, r]));
				return cards.openCursor(req).then((cursor) => {
					if (!cursor || byId.size === 0) return cursor;
					return mergingCursor(cursor, byId);
				});
			});
		},
		mutate(req) {
			if (!active(req.trans)) return cards.mutate(req);
			const trans = req.trans;
			if (req.type === 'delete')
				return cards
					.mutate(req)
					.then((res) => store.mutate({ type: 'delete', trans, keys: req.keys }).then(() => res));
			if (req.type === 'deleteRange')
				return cards
					.mutate(req)
					.then((res) => store.mutate({ type: 'deleteRange', trans, range: req.range }).then(() => res));
			return writeSplit(req);
		}
	};
}

/** Installed on every KartkaDB (db.ts). */
export const suspensionsMiddleware: Middleware<DBCore> = {
	stack: 'dbcore',
	name: 'kartka-suspensions',
	// Below Dexie's hooks (level 2), above its virtual indexes (1): the store is written here without
	// going through the hooks, which look the table up in the calling Dexie transaction's scope.
	level: 1.5,
	create(down) {
		const has = () => down.schema.tables.some((t) => t.name === SUSPENSIONS);
		return {
			...down,
			transaction(stores, mode, options) {
				const widened = stores.includes('cards') && !stores.includes(SUSPENSIONS) && has();
				return down.transaction(widened ? [...stores, SUSPENSIONS] : stores, mode, options);
			},
			table(name) {
				const table = down.table(name);
				if (name !== 'cards' || !has()) return table;
				return { ...table, ...cardsTable(table, down.table(SUSPENSIONS)) };
			}
		};
	}
};
