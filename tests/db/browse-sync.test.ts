// Every Browse bulk action and its Undo queues the documents it changed for sync in the SAME transaction:
// the right document ids in the outbox, the rows carrying what the documents are built from, and an
// outbox write that fails takes the change down with it.
import { describe, expect, it } from 'vitest';
import type { KartkaDB } from '$lib/db/db';
import { runBulkAction, undoBulkAction, type BulkSelection } from '$lib/db/browse.repo';
import { expandBatches } from '$lib/db/sync-outbox-batches.repo';
import { deviceIdOf, outboxTable, type SyncedLogRow } from '$lib/db/sync-tracking.repo';
import { Queue, type CardRow } from '$lib/domain/model';
import { CardState } from '$lib/domain/schedule';
import type { SyncedCardRow } from '$lib/domain/sync/row-docs';
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

const ctx = { nowMs: Date.UTC(2026, 2, 10, 12), dayCutoffHour: 4 };
const UNDO_MS = ctx.nowMs + 60_000;
const SELECTED = ['d/b0#0', 'd/b1#0', 'd/b2#0', 'd/r0#0'];

/** Deck d: b0..b2 (one card each), r0, r1 (two cards each); b0, b1 studied (logs with uids), b2 suspended. */
async function seeded(): Promise<KartkaDB> {
	const db = freshDb();
	await seedDeck(db, 'd', 3, 2);
	await db.decks.put(deckRow('e'));
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
		studied.map((c, i) => ({
			uid: `other-${i + 1}`,
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
	await outboxTable(db).clear(); // the seeding import's own documents
	return db;
}

/** The document ids queued (batches expanded), sorted. */
async function queued(db: KartkaDB): Promise<string[]> {
	await expandBatches(db);
	return (await outboxTable(db).toArray()).map((r) => r.docId).sort();
}

type Planner = (s: BulkSelection) => BulkPlan;
/** Action, planner, documents it queues (`logs` for the manual logs it adds), documents its Undo queues. */
const cases: [string, Planner, string[], string[]][] = [
	['Suspend', (s) => planSuspend(s.cards), ['card:d/b0#0', 'card:d/b1#0', 'card:d/r0#0'], []],
	['Unsuspend', (s) => planUnsuspend(s.cards), ['card:d/b2#0'], []],
	['Bury', (s) => planBury(s.cards, ctx), [], []],
	['Forget', (s) => planForget(s.cards, ctx), ['logs'], []],
	['Set due date', (s) => planSetDue(s.cards, '5', ctx), ['logs'], []],
	[
		'Move to deck',
		(s) => planMove(s.notes, s.cardsOfNotes, 'e', ctx),
		['note:d/b0', 'note:d/b1', 'note:d/b2', 'note:d/r0'],
		[]
	],
	['Add tags', (s) => planTags(s.notes, 'exam', 'add', ctx), ['note:d/b1', 'note:d/b2', 'note:d/r0'], []],
	['Remove tags', (s) => planTags(s.notes, 'exam', 'remove', ctx), ['note:d/b0'], []],
	[
		'Delete',
		(s) => planDelete(s.cards, s.notes, s.cardsOfNotes, s.logs),
		['log:other-1', 'log:other-2', 'note:d/b0', 'note:d/b1', 'note:d/b2'],
		['card:d/b2#0']
	]
];

describe('Browse bulk actions queue their sync documents', () => {
	it.each(cases)(
		'%s: its documents, then its Undo the same ones again',
		async (name, planner, docs, undoExtra) => {
			const db = await seeded();
			if (name === 'Delete') {
				// A suspension that already synced comes back with its card on Undo.
				await db.cards.update('d/b2#0', {
					userSuspended: true,
					suspendChangedMs: 5,
					suspendChangedBy: 'x'
				} as never);
			}
			const { record } = await runBulkAction(db, SELECTED, planner, { withLogs: true, nowMs: ctx.nowMs });
			const me = await deviceIdOf(db);
			const manual = (await db.reviewLogs.filter((l) => l.kind === 'manual').toArray()) as SyncedLogRow[];
			const expected = docs.flatMap((d) => (d === 'logs' ? manual.map((l) => `log:${l.uid}`) : [d])).sort();
			if (docs.includes('logs')) {
				expect(manual).toHaveLength(2);
				for (const log of manual) expect(log.uid).toBe(`${me}-${log.id}`);
			}
			expect(await queued(db)).toEqual(expected);
			expect(new Set((await outboxTable(db).toArray()).map((r) => r.changedMs))).toEqual(
				new Set(expected.length ? [ctx.nowMs] : [])
			);

			await outboxTable(db).clear(); // as if pushed
			await undoBulkAction(db, record, UNDO_MS);
			expect(await queued(db)).toEqual([...expected, ...undoExtra].sort());
			expect(await db.reviewLogs.filter((l) => l.kind === 'manual').count()).toBe(0);
		}
	);

	it('Suspend and Unsuspend keep the synced suspension and the "user" reason in step', async () => {
		const db = await seeded();
		const me = await deviceIdOf(db);
		const { record } = await runBulkAction(db, SELECTED, (s) => planSuspend(s.cards), { nowMs: ctx.nowMs });
		expect(await db.cards.get('d/b0#0')).toMatchObject({
			queue: Queue.Suspended,
			suspendedReason: 'user',
			userSuspended: true,
			suspendChangedMs: ctx.nowMs,
			suspendChangedBy: me
		});
		// Undo is a later change (unsuspended at UNDO_MS), so it wins over the suspension on every device.
		await undoBulkAction(db, record, UNDO_MS);
		const undone = (await db.cards.get('d/b0#0')) as SyncedCardRow;
		expect(undone).toMatchObject({ queue: Queue.Review, userSuspended: false, suspendChangedMs: UNDO_MS });
		expect(undone.suspendedReason).toBeUndefined();

		await runBulkAction(db, ['d/b2#0'], (s) => planUnsuspend(s.cards), { nowMs: ctx.nowMs });
		const lifted = (await db.cards.get('d/b2#0')) as SyncedCardRow;
		expect(lifted).toMatchObject({ queue: Queue.New, userSuspended: false, suspendChangedMs: ctx.nowMs });
	});

	it('a large selection is queued as one batch row (the 10,000-card suspend stays one write)', async () => {
		const db = freshDb();
		await seedDeck(db, 'big', 200, 0);
		await outboxTable(db).clear();
		const ids = (await db.cards.toCollection().primaryKeys()) as string[];
		await runBulkAction(db, ids, (s) => planSuspend(s.cards), { withNotes: false, nowMs: ctx.nowMs });
		const rows = await outboxTable(db).toArray();
		expect(rows).toHaveLength(1);
		expect(rows[0]!.docId).toMatch(/^batch:/);
		expect(await queued(db)).toEqual(ids.map((id) => `card:${id}`).sort());
	});

	it.each(cases.filter(([, , docs]) => docs.length > 0))(
		'%s: an outbox write that fails leaves neither the change nor its documents',
		async (_name, planner) => {
			const db = await seeded();
			const before = await dumpTables(db);
			outboxTable(db).hook('creating', () => {
				throw new Error('outbox refused');
			});
			await expect(
				runBulkAction(db, SELECTED, planner, { withLogs: true, nowMs: ctx.nowMs })
			).rejects.toThrow('outbox refused');
			const after = await dumpTables(db);
			// The device id may have been made (syncMeta) before the failure, in the same transaction: not kept.
			expect(after).toEqual(before);
		}
	);

	it('an outbox write that fails during Undo leaves the action in place', async () => {
		const db = await seeded();
		const { record } = await runBulkAction(db, SELECTED, (s) => planForget(s.cards, ctx), {
			nowMs: ctx.nowMs
		});
		const afterAction = await dumpTables(db);
		outboxTable(db).hook('creating', () => {
			throw new Error('outbox refused');
		});
		await expect(undoBulkAction(db, record, UNDO_MS)).rejects.toThrow('outbox refused');
		expect(await dumpTables(db)).toEqual(afterAction);
	});
});
