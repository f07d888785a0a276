// Suspend / Unsuspend planned over suspensions alone give what the plans over whole cards give (the same
// targets, status lines, and the same suspension rows once stamped and split as the database stores them).
import { describe, expect, it } from 'vitest';
import { planSuspend, planUnsuspend, type BulkPlan } from '$lib/domain/browse/bulk-actions';
import {
	planSuspendRows,
	planUnsuspendRows,
	sameSuspension,
	stampSuspensionRow,
	type CardSuspension
} from '$lib/domain/browse/bulk-suspensions';
import { suspendCard } from '$lib/domain/cards/suspension';
import { Queue, type CardRow } from '$lib/domain/model';
import { stampSuspension } from '$lib/domain/sync/bulk-sync';
import { splitCard } from '$lib/db/suspensions.repo';
import { makeCard } from '../../helpers/cards';

const NOW = Date.UTC(2026, 11, 1, 12);
const DEVICE = 'device-a';

function cards(): CardRow[] {
	return [
		makeCard({ id: 'd/a#0' }),
		suspendCard(makeCard({ id: 'd/b#0' }), 'user'),
		suspendCard(makeCard({ id: 'd/c#0' }), 'content'),
		suspendCard(makeCard({ id: 'd/d#0' }), 'update'),
		{ ...makeCard({ id: 'd/e#0' }), queue: Queue.Suspended }, // no reason: a deck update (schema v4)
		// Suspended on another device (synced), with a reason kept on an unsuspended card.
		{
			...makeCard({ id: 'd/f#0' }),
			queue: Queue.Suspended,
			userSuspended: true,
			suspendChangedMs: 5
		} as CardRow,
		{ ...makeCard({ id: 'd/g#0' }), suspendedReason: 'content' }
	];
}

const rowsOf = (list: CardRow[]) =>
	new Map(
		list.flatMap((c) => {
			const s = splitCard(c).suspension;
			return s ? [[c.id, s] as const] : [];
		})
	);
const stored = (list: CardRow[], atMs: number) =>
	list.map((c) => splitCard(stampSuspension(c, atMs, DEVICE)).suspension);
const stamped = (list: CardSuspension[], atMs: number) =>
	list.map((s) => stampSuspensionRow(s, atMs, DEVICE));

describe('suspensions planned without the card rows', () => {
	it.each([
		['Suspend', planSuspend, planSuspendRows],
		['Unsuspend', planUnsuspend, planUnsuspendRows]
	] as const)(
		'%s: the same targets, rows, undo and status line as the plan over cards',
		(_, byCard, byRow) => {
			const all = cards();
			const plan: BulkPlan = byCard(all);
			const rows = byRow(
				all.map((c) => c.id),
				rowsOf(all)
			);
			expect(rows.done).toBe(plan.done);
			expect(rows.skipped).toBe(plan.skipped);
			expect(rows.after.length).toBeGreaterThan(0);
			expect(stamped(rows.after, NOW)).toEqual(stored(plan.write.cardPuts, NOW));
			expect(stamped(rows.before, NOW + 1)).toEqual(stored(plan.undo.cardPuts, NOW + 1));
		}
	);

	it('cards that do not exist are left out; a card with no row counts as not suspended', () => {
		const plan = planSuspendRows(['x#0', 'y#0'], new Map());
		expect(plan.before).toEqual([
			{ id: 'x#0', suspended: false },
			{ id: 'y#0', suspended: false }
		]);
		expect(planUnsuspendRows(['x#0'], new Map()).after).toEqual([]);
	});

	it('an undo sees a suspension changed since (any field) or gone', () => {
		const row = stampSuspensionRow({ id: 'a', suspended: true, reason: 'user' }, NOW, DEVICE);
		expect(sameSuspension({ ...row }, row)).toBe(true);
		expect(sameSuspension(undefined, row)).toBe(false);
		expect(sameSuspension({ ...row, suspendChangedMs: NOW + 1 }, row)).toBe(false);
		expect(sameSuspension({ ...row, suspended: false }, row)).toBe(false);
	});
});
