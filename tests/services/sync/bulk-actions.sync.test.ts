// Browse's bulk actions and "Manage deck" on one device arrive on the other through a real pouchdb-server
// (started on 127.0.0.1 and stopped here), and the replay after each pull keeps them: suspend, forget,
// set due date, move to deck, tags, delete, deck rename and deck delete, and the Undo of some of them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyDeckContent } from '$lib/db/deck-content.repo';
import { recomputeCards } from '$lib/db/sync-replay.repo';
import { Queue } from '$lib/domain/model';
import { CardState } from '$lib/domain/schedule';
import { runBrowseAction, undoBrowseAction } from '$lib/services/browse.service';
import type { BrowseAction } from '$lib/domain/browse/browse-action';
import { deleteDeck, renameDeck, undoDeleteDeck } from '$lib/services/decks/deck-manage.service';
import { deckRow, sampleNotes } from '../../helpers/db';
import { createDatabase, Device, snapshot, startServer, stopServer, type SyncServer } from './sync-harness';
import { cardsOfDeck } from '$lib/db/cards-of-decks.repo';

let server: SyncServer;
const T0 = Date.UTC(2026, 0, 5, 9);
const HOUR = 3_600_000;
const CUTOFF = 4;

beforeAll(async () => {
	server = await startServer();
}, 60_000);
afterAll(() => stopServer(server));

function act(device: Device, ids: string[], action: BrowseAction, nowMs: number) {
	return runBrowseAction(device.db, ids, action, nowMs, CUTOFF);
}

/** Both devices identical, and still identical after every card is replayed from its logs again. */
async function expectSame(a: Device, b: Device) {
	expect(await snapshot(b.db)).toEqual(await snapshot(a.db));
	for (const d of [a, b]) {
		const ids = (await d.db.cards.toCollection().primaryKeys()) as string[];
		await d.db.transaction('rw', d.db.tables, () => recomputeCards(d.db, ids));
	}
	expect(await snapshot(b.db)).toEqual(await snapshot(a.db));
}

describe('bulk actions and deck management sync', () => {
	it('arrive on the other device and survive its replay', async () => {
		const url = await createDatabase(server, 'bulk-actions');
		const phone = new Device('phone');
		const laptop = new Device('laptop');
		await applyDeckContent(phone.db, deckRow('p'), sampleNotes('p', 5, 2), { nowMs: T0 });
		await applyDeckContent(phone.db, deckRow('q'), sampleNotes('q', 1), { nowMs: T0 });
		for (const [i, id] of ['p/b1#0', 'p/b2#0', 'p/r1#0'].entries()) await phone.answer(id, 3, T0 + i * 1000);
		await phone.sync(url);
		await laptop.sync(url);

		let now = T0 + 2 * HOUR;
		await act(phone, ['p/b0#0'], { kind: 'suspend' }, now++);
		await act(phone, ['p/b1#0'], { kind: 'forget' }, now++);
		await act(phone, ['p/b2#0'], { kind: 'set-due', days: '9' }, now++);
		await act(phone, ['p/b3#0'], { kind: 'move', deckId: 'q' }, now++);
		await act(phone, ['p/b4#0'], { kind: 'add-tags', tags: 'exam' }, now++);
		await act(phone, ['p/r1#0', 'p/r1#1'], { kind: 'delete' }, now++);
		await act(phone, ['p/b4#0'], { kind: 'bury' }, now++);
		await renameDeck(phone.db, 'q', 'Quiz', now++);
		const due = (await phone.db.cards.get('p/b2#0'))!.dueMs;
		await phone.sync(url);
		await laptop.sync(url);

		const card = (id: string) => laptop.db.cards.get(id);
		expect(await card('p/b0#0')).toMatchObject({ queue: Queue.Suspended, suspendedReason: 'user' });
		expect(await card('p/b1#0')).toMatchObject({ state: CardState.New, reps: 0 });
		expect(await card('p/b2#0')).toMatchObject({ dueMs: due });
		expect(await laptop.db.notes.get('p/b3')).toMatchObject({ deckId: 'q' });
		expect(await card('p/b3#0')).toMatchObject({ deckId: 'q' });
		expect((await laptop.db.notes.get('p/b4'))!.tags).toContain('exam');
		expect(await laptop.db.notes.get('p/r1')).toBeUndefined();
		expect(await laptop.db.reviewLogs.where('cardId').equals('p/r1#0').count()).toBe(0);
		expect((await laptop.db.decks.get('q'))!.title).toBe('Quiz');
		// Bury is this device's own, for today only.
		expect((await card('p/b4#0'))!.buriedUntilMs).toBeUndefined();
		await phone.db.cards.update('p/b4#0', { buriedUntilMs: undefined });
		await expectSame(phone, laptop);

		// Undo on the laptop this time: the phone gets the card back in study, and the forgotten card's
		// history back (the manual log deleted).
		now += HOUR;
		const { record } = await act(laptop, ['p/b0#0', 'p/b1#0'], { kind: 'unsuspend' }, now++);
		const forgot = await act(laptop, ['p/b2#0'], { kind: 'forget' }, now++);
		await undoBrowseAction(laptop.db, forgot.record, now++);
		expect(record.action).toBe('unsuspend');
		await laptop.sync(url);
		await phone.sync(url);
		expect(await phone.db.cards.get('p/b0#0')).toMatchObject({ queue: Queue.New });
		const { state, dueMs } = (await phone.db.cards.get('p/b2#0'))!;
		expect({ state, dueMs }).toEqual({ state: CardState.Learning, dueMs: due });
		await expectSame(phone, laptop);

		// Deleting a deck, then undoing it, then deleting it for good.
		now += HOUR;
		const deleted = await deleteDeck(phone.db, 'q', now++);
		await phone.sync(url);
		await laptop.sync(url);
		expect(await laptop.db.decks.get('q')).toBeUndefined();
		expect(await laptop.db.notes.get('p/b3')).toBeUndefined();
		expect(await cardsOfDeck(laptop.db, 'q').count()).toBe(0);
		await undoDeleteDeck(phone.db, deleted, now++);
		await phone.sync(url);
		await laptop.sync(url);
		expect((await laptop.db.decks.get('q'))!.title).toBe('Quiz');
		expect(await laptop.db.cards.get('p/b3#0')).toMatchObject({ deckId: 'q' });
		await expectSame(phone, laptop);
		await deleteDeck(laptop.db, 'q', now++);
		await laptop.sync(url);
		await phone.sync(url);
		expect(await phone.db.decks.get('q')).toBeUndefined();
		await expectSame(phone, laptop);
		phone.close();
		laptop.close();
	}, 120_000);

	it('a note deleted on one device while the other answered it offline: no orphaned answer anywhere', async () => {
		const url = await createDatabase(server, 'delete-vs-answer');
		const phone = new Device('phone');
		const laptop = new Device('laptop');
		await applyDeckContent(phone.db, deckRow('p'), sampleNotes('p', 2), { nowMs: T0 });
		await phone.sync(url);
		await laptop.sync(url);
		await act(phone, ['p/b0#0'], { kind: 'delete' }, T0 + HOUR); // phone: the note goes
		await laptop.answer('p/b0#0', 3, T0 + 2 * HOUR); // laptop, offline: answers it
		await phone.sync(url);
		await laptop.sync(url); // sends its answer, then receives the tombstone: the answer goes too
		await phone.sync(url); // receives the answer (its card is gone: kept aside, not replayed)
		await laptop.sync(url); // sends the answer's deletion
		await phone.sync(url); // receives it
		for (const d of [phone, laptop]) {
			expect(await d.db.notes.get('p/b0')).toBeUndefined();
			expect(await d.db.reviewLogs.where('cardId').equals('p/b0#0').count()).toBe(0);
		}
		await expectSame(phone, laptop);
		phone.close();
		laptop.close();
	}, 60_000);
});
