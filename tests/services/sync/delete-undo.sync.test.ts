// Delete (Browse, Manage deck) and its Undo concurrent with a suspension change on another device, through
// a real pouchdb-server (started on 127.0.0.1 and stopped here): a deleted card keeps its synced
// suspension aside ("held"), so that when its note comes back (Undo, or a later edit elsewhere) every
// device gives it the same suspension, whichever order the documents arrive in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editNoteFields, setCardSuspended } from '$lib/db/sync-edits.repo';
import { Queue } from '$lib/domain/model';
import { runBrowseAction, undoBrowseAction } from '$lib/services/browse.service';
import { deleteDeck, undoDeleteDeck } from '$lib/services/decks/deck-manage.service';
import {
	Device,
	startServer,
	stopServer,
	type SyncServer,
	expectSame,
	twoSyncedDevices
} from './sync-harness';

let server: SyncServer;
const T0 = Date.UTC(2026, 0, 5, 9);
const HOUR = 3_600_000;

beforeAll(async () => {
	server = await startServer();
}, 60_000);
afterAll(() => stopServer(server));

const pair = (name: string) => twoSyncedDevices(server, name, 3, T0);

const queueOf = async (d: Device, id: string) => (await d.db.cards.get(id))?.queue;

describe('delete and undo meet a suspension made elsewhere', () => {
	it('Browse delete, a suspension on the other device, then Undo: the card is suspended on both', async () => {
		const { url, phone, laptop } = await pair('del-undo-suspend');
		const { record } = await runBrowseAction(phone.db, ['p/b0#0'], { kind: 'delete' }, T0 + HOUR, 4);
		await phone.sync(url); // the tombstone is on the server
		await setCardSuspended(laptop.db, 'p/b0#0', true, T0 + 2 * HOUR); // offline, before hearing of it
		await laptop.sync(url); // sends the suspension, then the tombstone deletes the card here
		await undoBrowseAction(phone.db, record, T0 + 3 * HOUR);
		await phone.sync(url); // the note comes back; the suspension arrives for the restored card
		await laptop.sync(url); // the note comes back here: its card takes the suspension it had
		await phone.sync(url);
		expect(await queueOf(phone, 'p/b0#0')).toBe(Queue.Suspended);
		expect(await queueOf(laptop, 'p/b0#0')).toBe(Queue.Suspended);
		await expectSame(phone, laptop);
		phone.close();
		laptop.close();
	});

	it('a suspended card deleted, its note brought back by a later edit elsewhere: still suspended on both', async () => {
		const { url, phone, laptop } = await pair('del-edit-suspended');
		await setCardSuspended(phone.db, 'p/b1#0', true, T0 + HOUR);
		await phone.sync(url);
		await laptop.sync(url);
		await runBrowseAction(phone.db, ['p/b1#0'], { kind: 'delete' }, T0 + 2 * HOUR, 4);
		const note = (await laptop.db.notes.get('p/b1'))!;
		await editNoteFields(laptop.db, note.id, { ...note.fields, front: 'kept' }, T0 + 3 * HOUR);
		await phone.sync(url);
		await laptop.sync(url); // the edit is later: the note stays
		await phone.sync(url); // the note comes back on the phone, its card with the suspension it had
		await laptop.sync(url);
		expect(await queueOf(phone, 'p/b1#0')).toBe(Queue.Suspended);
		expect(await queueOf(laptop, 'p/b1#0')).toBe(Queue.Suspended);
		await expectSame(phone, laptop);
		phone.close();
		laptop.close();
	});

	it('a deck deleted and restored while the other device unsuspended one of its cards', async () => {
		const { url, phone, laptop } = await pair('deck-del-undo-suspend');
		await setCardSuspended(phone.db, 'p/b2#0', true, T0 + HOUR);
		await phone.sync(url);
		await laptop.sync(url);
		const deleted = await deleteDeck(phone.db, 'p', T0 + 2 * HOUR);
		await phone.sync(url);
		await setCardSuspended(laptop.db, 'p/b2#0', false, T0 + 3 * HOUR);
		await laptop.sync(url); // sends the unsuspension, then the deck's deletion arrives
		await undoDeleteDeck(phone.db, deleted, T0 + 4 * HOUR);
		await phone.sync(url);
		await laptop.sync(url);
		await phone.sync(url);
		expect(await queueOf(phone, 'p/b2#0')).toBe(Queue.New);
		expect(await queueOf(laptop, 'p/b2#0')).toBe(Queue.New);
		await expectSame(phone, laptop);
		phone.close();
		laptop.close();
	});
});
