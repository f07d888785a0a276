// A pull recomputes every card it touches from its logs; what a person chose about a card (a suspension
// made in Browse) must survive that recomputation.
import { describe, expect, it } from 'vitest';
import { runBulkAction } from '$lib/db/browse.repo';
import { KartkaDB } from '$lib/db/db';
import { applyDeckContent } from '$lib/db/deck-content.repo';
import { recomputeCards } from '$lib/db/sync-replay.repo';
import { setCardSuspended } from '$lib/db/sync-edits.repo';
import { planSuspend, planUnsuspend } from '$lib/domain/browse/bulk-actions';
import { Queue } from '$lib/domain/model';
import { deckRow, sampleNotes } from '../helpers/db';

describe('recomputeCards after a pull', () => {
	it('keeps a suspension made in Browse, and leaves the other cards studyable', async () => {
		const db = new KartkaDB(`sync-replay-${crypto.randomUUID()}`);
		await applyDeckContent(db, deckRow('d'), sampleNotes('d', 3, 1), { nowMs: 1_000 });
		const [suspended, other] = (await db.cards.toArray()).map((c) => c.id);
		await runBulkAction(db, [suspended!], (selection) => planSuspend(selection.cards), { withNotes: false });

		await db.transaction('rw', db.tables, () => recomputeCards(db, [suspended!, other!]));

		const after = new Map((await db.cards.toArray()).map((c) => [c.id, c]));
		expect(after.get(suspended!)).toMatchObject({ queue: Queue.Suspended, suspendedReason: 'user' });
		expect(after.get(other!)!.queue).toBe(Queue.New);
		db.close();
	});

	it('keeps a card unsuspended in Browse after a suspension that came through sync', async () => {
		const db = new KartkaDB(`sync-replay-${crypto.randomUUID()}`);
		await applyDeckContent(db, deckRow('d'), sampleNotes('d', 2, 1), { nowMs: 1_000 });
		const [card] = (await db.cards.toArray()).map((c) => c.id);
		await setCardSuspended(db, card!, true, 2_000); // as a pulled suspension leaves it
		await runBulkAction(db, [card!], (selection) => planUnsuspend(selection.cards), { withNotes: false });

		await db.transaction('rw', db.tables, () => recomputeCards(db, [card!]));

		expect((await db.cards.get(card!))!.queue).toBe(Queue.New);
		db.close();
	});
});
