// Every bulk action and its undo against the database: one transaction each, and with a fault injected
// at the last write nothing is half-done.
import { describe, expect, it } from 'vitest';
import type { KartkaDB } from '$lib/db/db';
import { runBulkAction, undoBulkAction, type BulkSelection } from '$lib/db/browse.repo';
import { Queue, type CardRow } from '$lib/domain/model';
import { CardState } from '$lib/domain/schedule';
import {
	planBury,
	planDelete,
	planForget,
	planMove,
	planSetDue,
	planSuspend,
	planTags,
	planUnsuspend,
	type BulkPlan
} from '$lib/domain/browse/bulk-actions';
import { deckRow, dumpTables, freshDb, seedDeck } from '../helpers/db';
import { cardsOfDeck } from '$lib/db/cards-of-decks.repo';
import type { SuspensionRow } from '$lib/db/suspensions.repo';
import { changesSuspension } from '$lib/domain/sync/bulk-sync';

const ctx = { nowMs: new Date(2026, 2, 10, 12).getTime(), dayCutoffHour: 4 };

async function seeded(): Promise<KartkaDB> {
	const db = freshDb();
	await seedDeck(db, 'd', 3, 2);
	await db.decks.put(deckRow('e'));
	// Two cards studied (with a log each), one suspended by the user.
	const cards = await db.cards.toArray();
	const studied = cards.slice(0, 2).map((c): CardRow => ({
		...c,
		state: CardState.Review,
		queue: Queue.Review,
		stability: 5,
		reps: 1,
		lastReviewMs: 1,
		rev: 1
	}));
	await db.cards.bulkPut([...studied, { ...cards[2]!, queue: Queue.Suspended, suspendedReason: 'user' }]);
	await db.reviewLogs.bulkAdd(
		studied.map((c) => ({
			cardId: c.id,
			noteId: c.noteId,
			deckId: 'd',
			rating: 3 as const,
			kind: 'review' as const,
			reviewedMs: 1,
			studyDay: 1,
			durationMs: 9,
			before: cards[0]!,
			after: c,
			afterRev: 1
		}))
	);
	await db.notes.update('d/b0', { tags: ['exam'] });
	return db;
}

type Planner = (s: BulkSelection) => BulkPlan;
const actions: [string, Planner, (db: KartkaDB) => Promise<unknown>][] = [
	[
		'Suspend',
		(s) => planSuspend(s.cards),
		(db) => db.cards.filter((c) => c.queue === Queue.Suspended).count()
	],
	[
		'Unsuspend',
		(s) => planUnsuspend(s.cards),
		(db) => db.cards.filter((c) => c.queue === Queue.Suspended).count()
	],
	[
		'Bury',
		(s) => planBury(s.cards, ctx),
		(db) => db.cards.filter((c) => c.buriedUntilMs !== undefined).count()
	],
	[
		'Forget',
		(s) => planForget(s.cards, ctx),
		(db) => db.reviewLogs.where('cardId').anyOf(['d/b0#0', 'd/b1#0']).count()
	],
	[
		'Set due date',
		(s) => planSetDue(s.cards, '5', ctx),
		(db) => db.cards.get('d/b0#0').then((c) => c!.dueMs)
	],
	['Move to deck', (s) => planMove(s.notes, s.cardsOfNotes, 'e', ctx), (db) => cardsOfDeck(db, 'e').count()],
	[
		'Add tags',
		(s) => planTags(s.notes, 'exam', 'add', ctx),
		(db) => db.notes.where('tags').equals('exam').count()
	],
	[
		'Remove tags',
		(s) => planTags(s.notes, 'exam', 'remove', ctx),
		(db) => db.notes.where('tags').equals('exam').count()
	],
	['Delete', (s) => planDelete(s.cards, s.notes, s.cardsOfNotes, s.logs), (db) => db.cards.count()]
];
const SELECTED = ['d/b0#0', 'd/b1#0', 'd/b2#0', 'd/r0#0'];
/**
 * What Undo must put back: every row, but not the sync bookkeeping (an undo is itself a change that syncs:
 * it stays in the outbox, stamps suspensions and counts notes as changed now; tests/db/browse-sync.test.ts).
 */
const SYNC_FIELDS = ['rev', 'userSuspended', 'suspendChangedMs', 'suspendChangedBy', 'updatedMs'];
const strip = (row: object) =>
	Object.fromEntries(Object.entries(row).filter(([k]) => !SYNC_FIELDS.includes(k)));
const withoutRev = ({ syncOutbox: _o, syncMeta: _m, ...t }: Record<string, unknown[]>) => ({
	...t,
	cards: (t.cards as CardRow[]).map(strip),
	notes: (t.notes as object[]).map(strip),
	// Schema v11: a suspension row left with only sync stamps (an undone suspend) means "not suspended".
	suspensions: (t.suspensions as SuspensionRow[])
		.map(strip)
		.filter((s) => s.suspended || Object.keys(s).length > 2)
});

describe('bulk actions in the database', () => {
	it.each(actions)('%s: one transaction, and Undo puts everything back', async (_name, planner, probe) => {
		const db = await seeded();
		const before = await dumpTables(db);
		const probed = await probe(db);
		const { plan, record } = await runBulkAction(db, SELECTED, planner, { withLogs: true });
		expect(plan.done).toMatch(/\d/);
		const after = await dumpTables(db);
		expect(await probe(db)).not.toEqual(probed);
		await undoBulkAction(db, record);
		expect(withoutRev(await dumpTables(db))).toEqual(withoutRev(before));
		// Restored cards move forward in rev, never back; a suspension's undo writes no card row (v11).
		for (const c of (await db.cards.toArray()) as CardRow[]) {
			const was = (after.cards as CardRow[]).find((a) => a.id === c.id);
			if (!was || !record.revs.has(c.id)) continue;
			if (changesSuspension(record.action)) expect(c.rev).toBe(was.rev);
			else expect(c.rev).toBeGreaterThan(was.rev);
		}
	});

	it.each(actions)('%s: a fault at the last write leaves nothing half-done', async (_name, planner) => {
		const db = await seeded();
		const before = await dumpTables(db);
		const faulty: Planner = (s) => {
			const plan = planner(s);
			plan.write.logPuts.push({ unstorable: () => 0 } as never); // written last: aborts the transaction
			return plan;
		};
		await expect(runBulkAction(db, SELECTED, faulty, { withLogs: true })).rejects.toThrow();
		expect(await dumpTables(db)).toEqual(before);
	});

	it('a fault during Undo leaves the action in place, and Undo can be tried again', async () => {
		const db = await seeded();
		const before = await dumpTables(db);
		const { record } = await runBulkAction(
			db,
			SELECTED,
			(s) => planDelete(s.cards, s.notes, s.cardsOfNotes, s.logs),
			{ withLogs: true }
		);
		const afterAction = await dumpTables(db);
		const broken = {
			...record,
			undo: { ...record.undo, logPuts: [...record.undo.logPuts, { bad: () => 0 } as never] }
		};
		await expect(undoBulkAction(db, broken)).rejects.toThrow();
		expect(await dumpTables(db)).toEqual(afterAction);
		await undoBulkAction(db, record);
		expect(withoutRev(await dumpTables(db))).toEqual(withoutRev(before));
	});

	it('refuses Undo when a card changed since the action, writing nothing', async () => {
		const db = await seeded();
		const { record } = await runBulkAction(db, SELECTED, (s) => planSuspend(s.cards));
		await db.cards.update('d/b0#0', { rev: 99 });
		const now = await dumpTables(db);
		await expect(undoBulkAction(db, record)).rejects.toThrow(/can no longer be undone/);
		expect(await dumpTables(db)).toEqual(now);
	});

	it('a large selection reads the same cards, in the order given, by a range or by lookups', async () => {
		const db = freshDb();
		await seedDeck(db, 'd', 150, 0);
		await seedDeck(db, 'e', 150, 0);
		const ids = (await db.cards.orderBy(':id').primaryKeys()) as string[];
		const dense = [...ids.slice(10, 110)].reverse(); // neighbours: one range read
		const sparse = ids.filter((_, i) => i % 4 === 0); // 75 scattered over both decks: a lookup each
		for (const selection of [dense, sparse, [...dense, 'd/missing#0']]) {
			let seen: string[] = [];
			await runBulkAction(
				db,
				selection,
				(s) => {
					seen = s.cards.map((c) => c.id);
					return planSuspend(s.cards);
				},
				{ withNotes: false }
			);
			expect(seen).toEqual(selection.filter((id) => id !== 'd/missing#0'));
		}
		const suspended = await db.cards.filter((c) => c.queue === Queue.Suspended).primaryKeys();
		expect(new Set(suspended)).toEqual(new Set([...dense, ...sparse]));
		// Deleting every other card of a run and undoing it: the range read around them finds the cards
		// in between (still there), which must not count as "a deleted card came back".
		const before = await db.cards.count();
		const { record } = await runBulkAction(
			db,
			ids.slice(100, 300).filter((_, i) => i % 2 === 0),
			(s) => planDelete(s.cards, s.notes, s.cardsOfNotes, s.logs),
			{ withLogs: true }
		);
		expect(await db.cards.count()).toBe(before - 100);
		await undoBulkAction(db, record);
		expect(await db.cards.count()).toBe(before);
	});
});
