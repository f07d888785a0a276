// Version 11 from seeded version-10 data: every suspended card's suspension (reason and sync stamps) and
// every card's (un)suspension stamps move to the `suspensions` store; the card rows keep their state queue
// and nothing else changes. Read through the app, every card is exactly what it was; the study queue
// still leaves the suspended ones out.
import { describe, expect, it } from 'vitest';
import { KartkaDB } from '$lib/db/db';
// Opening an older version needs the ladder (the app loads it only for an older stored database).
import '$lib/db/schema/ladder';
import { loadQueueInput } from '$lib/db/queue.repo';
import { Queue, type CardRow } from '$lib/domain/model';
import { CardState } from '$lib/domain/schedule';
import { DEFAULT_SCHEDULER_SETTINGS } from '$lib/domain/scheduler-settings';
import { makeCard } from '../../helpers/cards';

const stamps = { suspendChangedMs: 7, suspendChangedBy: 'dev1' };
const cards: CardRow[] = [
	makeCard({ id: 'd/a#0', newPosition: 1 }),
	// Suspended by the user here, with its sync stamps; a review card underneath.
	makeCard({
		id: 'd/b#0',
		newPosition: 2,
		state: CardState.Review,
		queue: Queue.Suspended,
		suspendedReason: 'user',
		rev: 4,
		...{ userSuspended: true, ...stamps }
	}),
	// Suspended by an edit (its text was removed): a new card underneath.
	makeCard({ id: 'd/c#1', newPosition: 3, queue: Queue.Suspended, suspendedReason: 'content', rev: 2 }),
	// Suspended before reasons existed (read as 'update'): a learning card underneath.
	makeCard({ id: 'd/e#0', newPosition: 4, state: CardState.Learning, queue: Queue.Suspended }),
	// Unsuspended by the user: not suspended, but its stamps say when (sync's "latest change wins").
	makeCard({ id: 'd/f#0', newPosition: 5, ...{ userSuspended: false, ...stamps } })
];

function rawRows(db: KartkaDB, store: string): Promise<unknown[]> {
	const request = db.backendDB().transaction(store, 'readonly').objectStore(store).getAll();
	return new Promise(
		(ok, fail) => ((request.onsuccess = () => ok(request.result)), (request.onerror = fail))
	);
}

describe('schema v11', () => {
	it('moves suspensions out of the card rows; the app reads every card as it was', async () => {
		const name = `v11-${crypto.randomUUID()}`;
		const v10 = new KartkaDB(name, 10);
		await v10.cards.bulkAdd(cards);
		v10.close();

		const db = new KartkaDB(name, 11);
		await db.open();
		expect(db.verno).toBe(11);
		expect(await rawRows(db, 'suspensions')).toEqual([
			{ id: 'd/b#0', suspended: true, reason: 'user', userSuspended: true, ...stamps },
			{ id: 'd/c#1', suspended: true, reason: 'content' },
			{ id: 'd/e#0', suspended: true },
			{ id: 'd/f#0', suspended: false, userSuspended: false, ...stamps }
		]);
		const raw = (await rawRows(db, 'cards')) as CardRow[];
		expect(raw.map((c) => [c.id, c.queue, c.rev])).toEqual([
			['d/a#0', Queue.New, 0],
			['d/b#0', Queue.Review, 4],
			['d/c#1', Queue.New, 2],
			['d/e#0', Queue.Learning, 0],
			['d/f#0', Queue.New, 0]
		]);
		for (const row of raw)
			for (const field of ['suspendedReason', 'userSuspended', 'suspendChangedMs', 'suspendChangedBy'])
				expect(row).not.toHaveProperty(field);

		// Through the app (merged): the very rows written at version 10.
		expect(await db.cards.toArray()).toEqual(cards);
		expect(await db.cards.bulkGet(cards.map((c) => c.id))).toEqual(cards);
		expect(await db.cards.get('d/c#1')).toEqual(cards[2]);
		// The queue indexes hold state queues now; study still leaves suspended cards out.
		const input = await loadQueueInput(db, 'd', 0, DEFAULT_SCHEDULER_SETTINGS);
		expect(input.fresh.map((c) => c.id)).toEqual(['d/a#0', 'd/f#0']);
		expect(input.learning).toEqual([]);
		db.close();
	});
});
