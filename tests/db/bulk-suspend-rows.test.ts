// Schema v11: a bulk suspend / unsuspend and their Undo write only suspension rows, never a card row (the
// raw card rows stay byte for byte the same); a fault in the middle of the transaction leaves nothing
// half-done; study leaves suspended cards out; an answer to a card suspended since it was shown is refused.
import { afterEach, describe, expect, it } from 'vitest';
import type { DBCore, Middleware } from 'dexie';
import type { KartkaDB } from '$lib/db/db';
import { loadQueueInput } from '$lib/db/queue.repo';
import { answerCard } from '$lib/db/review.repo';
import { runBrowseAction, undoBrowseAction } from '$lib/services/browse.service';
import { CardChangedError } from '$lib/domain/errors';
import { createScheduler } from '$lib/domain/fsrs-adapter';
import { Queue, type CardRow } from '$lib/domain/model';
import { Rating } from '$lib/domain/schedule';
import { DEFAULT_SCHEDULER_SETTINGS } from '$lib/domain/scheduler-settings';
import { dumpTables, freshDb, seedDeck } from '../helpers/db';

const now = Date.UTC(2026, 10, 28, 12);
const settings = { ...DEFAULT_SCHEDULER_SETTINGS, fuzz: false, newCardsPerDay: 500 };
let db: KartkaDB;
afterEach(() => db?.close());

/** Counts writes that reach the cards store, and can make the outbox fail (below the app's middleware). */
function spy(target: KartkaDB) {
	const seen = { cardWrites: 0, cardValueReads: 0, failOutbox: false };
	const middleware: Middleware<DBCore> = {
		stack: 'dbcore',
		level: 1.2,
		create: (down) => ({
			...down,
			table(name) {
				const table = down.table(name);
				const reads = () => name === 'cards' && seen.cardValueReads++;
				return {
					...table,
					get: (req) => (reads(), table.get(req)),
					getMany: (req) => (reads(), table.getMany(req)),
					query: (req) => (req.values && reads(), table.query(req)),
					openCursor: (req) => (req.values && reads(), table.openCursor(req)),
					mutate(req) {
						if (name === 'cards') seen.cardWrites++;
						if (name === 'syncOutbox' && seen.failOutbox) return Promise.reject(new Error('disk full'));
						return table.mutate(req);
					}
				};
			}
		})
	};
	target.use(middleware);
	return seen;
}

function rawCards(target: KartkaDB): Promise<CardRow[]> {
	const request = target.backendDB().transaction('cards', 'readonly').objectStore('cards').getAll();
	return new Promise(
		(ok, fail) => ((request.onsuccess = () => ok(request.result)), (request.onerror = fail))
	);
}

async function seeded() {
	db = freshDb();
	const seen = spy(db);
	await seedDeck(db, 'd', 150, 50); // 250 cards: large enough for the range reads
	const ids = (await db.cards.toCollection().primaryKeys()) as string[];
	return { seen, ids };
}

describe('bulk suspension writes only suspension rows (schema v11)', () => {
	it('Suspend, Unsuspend and their Undo write no card row', async () => {
		const { seen, ids } = await seeded();
		const raw = await rawCards(db);
		expect(seen.cardWrites).toBeGreaterThan(0); // the spy sees the seeding's card writes
		seen.cardWrites = 0;

		const { record } = await runBrowseAction(db, ids, { kind: 'suspend' }, now, 4);
		expect(seen.cardWrites).toBe(0);
		expect(await rawCards(db)).toEqual(raw); // revs too: unchanged
		expect(await db.suspensions.count()).toBe(ids.length);
		expect((await db.cards.toArray()).every((c) => c.queue === Queue.Suspended)).toBe(true);
		expect((await db.cards.get(ids[0]!))?.suspendedReason).toBe('user');

		await undoBrowseAction(db, record, now + 1);
		expect(seen.cardWrites).toBe(0);
		expect(await rawCards(db)).toEqual(raw);
		expect((await db.cards.toArray()).some((c) => c.queue === Queue.Suspended)).toBe(false);
		// What stays is the undo's sync stamp (a person's latest choice: not suspended).
		expect(
			(await db.suspensions.toArray()).every((s) => !s.suspended && s.suspendChangedMs === now + 1)
		).toBe(true);

		await runBrowseAction(db, ids.slice(0, 100), { kind: 'suspend' }, now + 2, 4);
		const { record: lifted } = await runBrowseAction(db, ids, { kind: 'unsuspend' }, now + 3, 4);
		await undoBrowseAction(db, lifted, now + 4);
		expect(seen.cardWrites).toBe(0);
		expect(await rawCards(db)).toEqual(raw);
		const suspended = (await db.cards.toArray()).filter((c) => c.queue === Queue.Suspended);
		expect(suspended.map((c) => c.id)).toEqual(ids.slice(0, 100));
	});

	it('a fault in the middle of the transaction (the outbox write) leaves nothing half-done', async () => {
		const { seen, ids } = await seeded();
		const { record } = await runBrowseAction(db, ids.slice(0, 10), { kind: 'suspend' }, now, 4);
		const before = await dumpTables(db);
		seen.failOutbox = true;
		await expect(runBrowseAction(db, ids, { kind: 'suspend' }, now + 1, 4)).rejects.toThrow();
		await expect(runBrowseAction(db, ids, { kind: 'unsuspend' }, now + 1, 4)).rejects.toThrow();
		await expect(undoBrowseAction(db, record, now + 1)).rejects.toThrow();
		expect(await dumpTables(db)).toEqual(before);
	});

	it('study leaves suspended cards out, and an answer to a card suspended since it was shown is refused', async () => {
		const { ids } = await seeded();
		const first = await loadQueueInput(db, 'd', now, settings);
		const shown = first.fresh[0]!;
		await runBrowseAction(db, ids.slice(0, 120), { kind: 'suspend' }, now, 4);
		const input = await loadQueueInput(db, 'd', now, settings);
		expect(input.fresh).toHaveLength(ids.length - 120);
		expect(input.fresh.some((c) => c.queue === Queue.Suspended)).toBe(false);
		const before = await dumpTables(db);
		const scheduler = createScheduler(settings);
		await expect(
			answerCard(db, { shown, rating: Rating.Good, nowMs: now, durationMs: 1, scheduler, dayCutoffHour: 4 })
		).rejects.toBeInstanceOf(CardChangedError);
		expect(await dumpTables(db)).toEqual(before);
	});

	it('reads no card row (only card keys), whether the selection is a key range or a few cards', async () => {
		const { seen, ids } = await seeded();
		seen.cardWrites = 0;
		for (const selection of [ids, ids.slice(3, 200), [ids[7]!, ids[90]!, 'd/missing#0']]) {
			seen.cardValueReads = 0;
			// Suspend and Undo; then Suspend, Unsuspend and Undo (suspended again); then Unsuspend.
			const { plan, record } = await runBrowseAction(db, selection, { kind: 'suspend' }, now, 4);
			await undoBrowseAction(db, record, now + 1);
			await runBrowseAction(db, selection, { kind: 'suspend' }, now + 2, 4);
			const act = await runBrowseAction(db, selection, { kind: 'unsuspend' }, now + 3, 4);
			const lifted = act.plan;
			await undoBrowseAction(db, act.record, now + 4);
			expect(await db.suspensions.get(selection[0]!)).toMatchObject({ suspended: true });
			await runBrowseAction(db, selection, { kind: 'unsuspend' }, now + 5, 4);
			expect(seen.cardValueReads).toBe(0);
			const real = selection.filter((id) => id !== 'd/missing#0').length;
			expect(plan.done).toBe(`Suspended ${real.toLocaleString('en')} card${real === 1 ? '' : 's'}`);
			expect(lifted.done).toBe(plan.done.replace('Suspended', 'Unsuspended'));
			expect(await db.suspensions.get('d/missing#0')).toBeUndefined();
		}
		// Every undo applied: nothing is suspended, and the cards' rows were never written.
		expect((await db.cards.toArray()).some((c) => c.queue === Queue.Suspended)).toBe(false);
		expect(seen.cardWrites).toBe(0);
	});

	it('refuses Undo (writing nothing) when a suspension it wrote changed since, or its card was deleted', async () => {
		const { ids } = await seeded();
		const { record } = await runBrowseAction(db, ids, { kind: 'suspend' }, now, 4);
		await runBrowseAction(db, [ids[5]!], { kind: 'unsuspend' }, now + 1, 4);
		let before = await dumpTables(db);
		await expect(undoBrowseAction(db, record, now + 2)).rejects.toThrow(/can no longer be undone/);
		expect(await dumpTables(db)).toEqual(before);

		const { record: again } = await runBrowseAction(db, ids.slice(0, 100), { kind: 'unsuspend' }, now + 3, 4);
		await db.cards.delete(ids[9]!);
		before = await dumpTables(db);
		await expect(undoBrowseAction(db, again, now + 4)).rejects.toThrow(/can no longer be undone/);
		expect(await dumpTables(db)).toEqual(before);
	});
});
