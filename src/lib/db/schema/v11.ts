import { splitCard, type SuspensionRow } from '../suspensions.repo';
import type { CardRow } from '$lib/domain/model';
import type { SchemaStep } from '../db';

/**
 * Version 11: suspensions leave the card rows (issue 11: a bulk suspend of 10,000 cards in ≤ 1 s).
 * - suspensions: one row per card that is suspended or carries a person's (un)suspension sync stamps,
 *   keyed by card id, no index (suspensions.repo.ts; readers of a deck read the whole, small store).
 * The upgrade moves every suspended card's reason and every card's suspension stamps into the store and
 * gives the card row its state queue (New / Learning / Review) and no suspension fields.
 */
export const step: SchemaStep = {
	stores: {
		suspensions: 'id'
	},
	async upgrade(tx) {
		const rows: SuspensionRow[] = [];
		// Upgrade transactions see raw rows (the suspensions middleware stays out of them).
		await tx
			.table('cards')
			.filter(
				(c: CardRow & Record<string, unknown>) =>
					c.queue === -1 ||
					'suspendedReason' in c ||
					'suspendChangedMs' in c ||
					'userSuspended' in c ||
					'suspendChangedBy' in c
			)
			.modify((card: CardRow, ref: { value: CardRow }) => {
				const { row, suspension } = splitCard(card);
				if (suspension) rows.push(suspension);
				ref.value = row;
			});
		await tx.table('suspensions').bulkPut(rows);
	}
};
