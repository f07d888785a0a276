/**
 * Browse's reads and writes. Reads build the in-memory search rows; every bulk action is ONE
 * transaction that reads the selected rows afresh, plans with the pure rules (domain/browse/bulk-actions),
 * writes, and returns what "Undo" needs. Undo is one transaction too, refused if a card moved on since.
 */
import { KartkaError } from '$lib/domain/errors';
import { Queue, type CardRow, type DeckRow, type NoteRow, type ReviewLogRow } from '$lib/domain/model';
import { toSearchable, type Answer, type SearchableCard } from '$lib/domain/browse/search-match';
import type { BulkAction, BulkPlan, BulkWrite } from '$lib/domain/browse/bulk-actions';
import { changesSuspension, touchNotes } from '$lib/domain/sync/bulk-sync';
import type { KartkaDB } from './db';
import { cardsOfNotes } from './cards-of-notes.repo';
import { logsSinceAllDecks } from './logs-by-time.repo';
import { bulkTables, writeTracked } from './browse-sync.repo';
import { undoSuspensionAction, type SuspensionUndo } from './bulk-suspensions.repo';

/**
 * Rows are read in chunks (notes too) so that the page stays responsive while 100,000 cards load: a
 * chunk's rows are copied out of IndexedDB on the page's thread, so one read of everything would block it.
 */
const CHUNK = 5_000;
const SLICE = 1_000;

function rowsOf(
	cards: CardRow[],
	notes: Map<string, NoteRow>,
	decks: Map<string, DeckRow>
): SearchableCard[] {
	const out: SearchableCard[] = [];
	for (const card of cards) {
		const note = notes.get(card.noteId);
		if (note) out.push(toSearchable(card, note, decks.get(card.deckId)));
	}
	return out;
}

async function deckMap(db: KartkaDB): Promise<Map<string, DeckRow>> {
	return new Map((await db.decks.toArray()).map((d) => [d.id, d]));
}

/**
 * The first `limit` cards in stored order (what Browse paints before the whole collection is read): one
 * key range of cards, their notes by key, and the decks read beside them (not after: each wait is a
 * round trip to the browser's storage process). Never reads review logs.
 */
export async function firstBrowseRows(db: KartkaDB, limit: number): Promise<SearchableCard[]> {
	return db.transaction('r', db.decks, db.notes, db.cards, async () => {
		const [[cards, notes], decks] = await Promise.all([
			db.cards
				.limit(limit)
				.toArray()
				.then((cards) =>
					db.notes.bulkGet([...new Set(cards.map((c) => c.noteId))]).then((notes) => [cards, notes] as const)
				),
			deckMap(db)
		]);
		const found = notes.filter((n): n is NoteRow => !!n);
		return rowsOf(cards, new Map(found.map((n) => [n.id, n])), decks);
	});
}

/**
 * Every row in primary-key order, `CHUNK` at a time (`read` gives the chunk after a key), with `between`
 * after each chunk.
 */
async function inChunks<T extends { id: string }>(
	read: (after: string | null) => Promise<T[]>,
	between: () => Promise<void>,
	each: (chunk: T[]) => Promise<void> | void
): Promise<void> {
	let last: string | null = null;
	for (;;) {
		const chunk = await read(last);
		if (chunk.length === 0) break;
		await each(chunk);
		await between();
		last = chunk.at(-1)!.id;
		if (chunk.length < CHUNK) break;
	}
}

/** Every card as a search row, in stored (id) order. `between` lets the caller paint between chunks. */
export async function allBrowseRows(
	db: KartkaDB,
	between: () => Promise<void> = async () => {}
): Promise<SearchableCard[]> {
	const decks = await deckMap(db);
	const notes = new Map<string, NoteRow>();
	const readNotes = (after: string | null) =>
		(after === null ? db.notes : db.notes.where(':id').above(after)).limit(CHUNK).toArray();
	const readCards = (after: string | null) =>
		(after === null ? db.cards : db.cards.where(':id').above(after)).limit(CHUNK).toArray();
	await inChunks(readNotes, between, (chunk) => {
		for (const n of chunk) notes.set(n.id, n);
	});
	const out: SearchableCard[] = [];
	await inChunks(readCards, between, async (chunk) => {
		// Converted in slices, with a pause between, so that no single task blocks the page for long.
		for (let i = 0; i < chunk.length; i += SLICE) {
			out.push(...rowsOf(chunk.slice(i, i + SLICE), notes, decks));
			await between();
		}
	});
	return out;
}

/** Rows for cards changed by an action or an edit (to refresh Browse without reading everything). */
export async function browseRowsFor(
	db: KartkaDB,
	cardIds: Iterable<string>,
	noteIds: Iterable<string> = []
): Promise<SearchableCard[]> {
	const byId = new Map<string, CardRow>();
	for (const c of await db.cards.bulkGet([...cardIds])) if (c) byId.set(c.id, c);
	for (const c of await cardsOfNotes(db, noteIds)) byId.set(c.id, c);
	const cards = [...byId.values()];
	const notes = (await db.notes.bulkGet([...new Set(cards.map((c) => c.noteId))])).filter(
		(n): n is NoteRow => !!n
	);
	return rowsOf(cards, new Map(notes.map((n) => [n.id, n])), await deckMap(db));
}

/** Answers (not manual changes) since `sinceMs`, by card: what rated:N searches need. Indexed by time (per deck). */
export async function answersSince(db: KartkaDB, sinceMs: number): Promise<Map<string, Answer[]>> {
	const out = new Map<string, Answer[]>();
	for (const log of await logsSinceAllDecks(db, sinceMs)) {
		if (log.kind === 'manual') continue;
		const list = out.get(log.cardId);
		const answer = { reviewedMs: log.reviewedMs, rating: log.rating };
		if (list) list.push(answer);
		else out.set(log.cardId, [answer]);
	}
	return out;
}

export interface CardInfoData {
	card: CardRow;
	note: NoteRow;
	deck: DeckRow | undefined;
	logs: ReviewLogRow[];
}

export async function readCardInfo(db: KartkaDB, cardId: string): Promise<CardInfoData | null> {
	return db.transaction('r', db.cards, db.notes, db.decks, db.reviewLogs, async () => {
		const card = await db.cards.get(cardId);
		const note = card && (await db.notes.get(card.noteId));
		if (!card || !note) return null;
		const logs = await db.reviewLogs.where('cardId').equals(cardId).sortBy('reviewedMs');
		return { card, note, deck: await db.decks.get(card.deckId), logs };
	});
}

/**
 * What a planner may look at: the selected cards as they are now, their notes and the notes' cards
 * (empty unless the action asked for notes: `withNotes`).
 */
export interface BulkSelection {
	cards: CardRow[];
	notes: NoteRow[];
	cardsOfNotes: CardRow[];
	/** Review logs of the selected cards (read only when `withLogs`). */
	logs: ReviewLogRow[];
}

export interface UndoRecord {
	/** The action done (its undo is sent to sync the same way). */
	action: BulkAction;
	done: string;
	undo: BulkWrite;
	/** Log ids the action added (removed by undo). */
	addedLogIds: number[];
	/** Each written card's rev after the action; deleted cards must still be absent. */
	revs: Map<string, number>;
	deleted: string[];
	/** Browse's Suspend / Unsuspend (bulk-suspensions.repo): only suspension rows were written. */
	suspensions?: SuspensionUndo;
}

/** Below this many cards a lookup per card is cheap enough. */
const RANGE_READ_MIN = 64;

/**
 * The selected cards as they are now, in the order given (missing ones left out). A large selection is
 * often a run of neighbouring ids (a deck's cards share its id prefix; Browse lists cards in id order):
 * when the ids between the first and the last are at most twice the selection, one range read replaces
 * a lookup per card (10,000 lookups cost more than the suspend's own write). Dexie promises only.
 * (`cardsById`: by id, and may hold neighbours that were not asked for; `currentCards`: exactly the ids
 * asked for, in the order given, missing ones left out.)
 */
function cardsById(db: KartkaDB, ids: readonly string[]): Promise<Map<string, CardRow>> {
	const byId = (found: (CardRow | undefined)[]) =>
		new Map(found.filter((c): c is CardRow => !!c).map((c) => [c.id, c]));
	const sorted = [...new Set(ids)].sort();
	if (sorted.length < RANGE_READ_MIN) return db.cards.bulkGet(sorted).then(byId);
	const range = db.cards.where(':id').between(sorted[0]!, sorted.at(-1)!, true, true);
	return range
		.count()
		.then((n) => (n <= 2 * sorted.length ? range.toArray() : db.cards.bulkGet(sorted)))
		.then(byId);
}

function currentCards(db: KartkaDB, ids: readonly string[]): Promise<CardRow[]> {
	return cardsById(db, ids).then((byId) => ids.map((id) => byId.get(id)).filter((c): c is CardRow => !!c));
}

/**
 * Runs one bulk action in ONE transaction: reads `cardIds` afresh, plans, writes, and queues what it
 * changed for sync (browse-sync.repo). Nothing is written if anything fails (the transaction aborts).
 * Returns the plan and the record "Undo" needs.
 */
export async function runBulkAction(
	db: KartkaDB,
	cardIds: readonly string[],
	planner: (selection: BulkSelection) => BulkPlan,
	{ withLogs = false, withNotes = true, nowMs = Date.now() } = {}
): Promise<{ plan: BulkPlan; record: UndoRecord }> {
	return db.transaction('rw', bulkTables(db), async () => {
		const cards = await currentCards(db, cardIds);
		// Card-only actions (suspend, bury, forget, set due) skip the notes: reading 10,000 notes and
		// every card of them cost more than the action's own write.
		const noteIds = withNotes ? [...new Set(cards.map((c) => c.noteId))] : [];
		const notes = (await db.notes.bulkGet(noteIds)).filter((n): n is NoteRow => !!n);
		const siblings = await cardsOfNotes(db, noteIds);
		const logs = withLogs
			? await db.reviewLogs
					.where('cardId')
					.anyOf(cards.map((c) => c.id))
					.toArray()
			: [];
		const plan = planner({ cards, notes, cardsOfNotes: siblings, logs });
		const { added, cardPuts } = await writeTracked(db, { action: plan.action, write: plan.write, nowMs });
		plan.write.cardPuts = cardPuts;
		return {
			plan,
			record: {
				action: plan.action,
				done: plan.done,
				undo: plan.undo,
				addedLogIds: added,
				revs: new Map(plan.write.cardPuts.map((c) => [c.id, c.rev])),
				deleted: plan.write.cardDeletes
			}
		};
	});
}

/**
 * Undoes a bulk action in ONE transaction, queued for sync as a change made at `nowMs`; refused (nothing
 * written) if a card changed since.
 */
export async function undoBulkAction(db: KartkaDB, record: UndoRecord, nowMs = Date.now()): Promise<void> {
	if (record.suspensions) return undoSuspensionAction(db, record.suspensions, nowMs);
	await db.transaction('rw', bulkTables(db), async () => {
		const ids = [...record.revs.keys()];
		const now = await cardsById(db, ids);
		// A suspension does not bump rev (schema v11): a card whose suspension changed since moved too.
		const suspending = changesSuspension(record.action);
		const suspendedAfter = record.action === 'suspend';
		const moved = ids.some(
			(id) =>
				now.get(id)?.rev !== record.revs.get(id) ||
				(suspending && (now.get(id)?.queue === Queue.Suspended) !== suspendedAfter)
		);
		const back = await cardsById(db, record.deleted);
		if (moved || record.deleted.some((id) => back.has(id)))
			throw new KartkaError(
				'undo-stale',
				'Some of these cards changed since, so this action can no longer be undone.'
			);
		// Restored cards move forward in rev (never back): an answer shown before the undo is refused.
		// (A suspension's undo writes only suspension rows: the card rows and revs stay as they are.)
		const cardPuts = suspending
			? record.undo.cardPuts
			: record.undo.cardPuts.map((c) => ({ ...c, rev: (record.revs.get(c.id) ?? c.rev) + 1 }));
		const logDeletes = [...record.undo.logDeletes, ...record.addedLogIds];
		const notePuts = touchNotes(record.undo.notePuts, nowMs);
		const write: BulkWrite = { ...record.undo, cardPuts, notePuts, logDeletes };
		await writeTracked(db, {
			action: record.action,
			write,
			nowMs,
			resendSuspensions: record.action === 'delete'
		});
	});
}
