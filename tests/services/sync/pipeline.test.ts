// The replicator's pipelining against a real pouchdb-server on 127.0.0.1 (started and stopped here): a
// push reads its next batch before the previous one is recorded, a pull downloads its next batch while it
// applies one, and large syncs read once what they would look up per document. Each test fails without
// the rule it names.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { undoAnswer } from '$lib/db/review.repo';
import { editNoteFields } from '$lib/db/sync-edits.repo';
import { push } from '$lib/services/sync/replicator';
import {
	createDatabase,
	Device,
	importDeck,
	snapshot,
	startServer,
	stopServer,
	type SyncServer
} from './sync-harness';

let server: SyncServer;
const T0 = Date.UTC(2026, 0, 5, 9);

beforeAll(async () => {
	server = await startServer();
}, 60_000);
afterAll(() => stopServer(server));

describe('sync pipelining against pouchdb-server', () => {
	it('an answer undone while an earlier batch of the same push is sent still reaches the server as a deletion', async () => {
		const url = await createDatabase(server, 'undo-mid-push');
		const phone = new Device('phone');
		const laptop = new Device('laptop');
		await importDeck(phone, 'u', T0, 2, 0);
		await phone.sync(url);
		await phone.answer('u/b1#0', 3, T0 + 1000);
		const { log } = await phone.answer('u/b0#0', 3, T0 + 2000);
		await phone.answer('u/b1#0', 4, T0 + 700_000);
		// The second log is in the first batch (of two); it is undone after that batch was read and before
		// the next one is, so the next one holds its deletion, read before the push recorded the first
		// batch's revisions.
		const pending = phone.store.pending.bind(phone.store);
		let undone = false;
		phone.store.pending = async (limit, afterSeq) => {
			if (afterSeq !== undefined && !undone) {
				undone = true;
				await undoAnswer(phone.db, log.id!, T0 + 3000);
			}
			return pending(limit, afterSeq);
		};
		await phone.sync(url, { batchSize: 2 });
		expect(undone).toBe(true);
		const onServer = await (await fetch(`${url}/log:${(log as { uid?: string }).uid}`)).json();
		expect(onServer.error).toBe('not_found');
		await laptop.sync(url);
		expect(await laptop.db.reviewLogs.count()).toBe(2);
		expect(await snapshot(laptop.db)).toEqual(await snapshot(phone.db));
		phone.close();
		laptop.close();
	});

	it('a log undone on the server during a long pull that brought it is deleted here too', async () => {
		const url = await createDatabase(server, 'undo-mid-pull');
		const phone = new Device('phone');
		const laptop = new Device('laptop');
		await importDeck(phone, 'v', T0, 4, 0);
		await phone.answer('v/b0#0', 3, T0 + 1000);
		const { log } = await phone.answer('v/b1#0', 3, T0 + 2000);
		await phone.answer('v/b2#0', 3, T0 + 3000);
		await phone.sync(url);
		// The laptop pulls two documents a batch: the deck, 4 notes, 3 logs. When it asks for the batch
		// after the one with the log, the phone undoes that answer: the deletion comes in that same pull.
		let changesAsked = 0;
		const undoing: typeof fetch = async (input, init) => {
			if (String(input).includes('/_changes') && ++changesAsked === 5) {
				await undoAnswer(phone.db, log.id!, T0 + 4000);
				await phone.sync(url);
			}
			return fetch(input, init);
		};
		await laptop.sync(url, { batchSize: 2, fetch: undoing });
		expect(changesAsked).toBeGreaterThanOrEqual(5);
		expect(await laptop.db.reviewLogs.count()).toBe(2);
		expect(await snapshot(laptop.db)).toEqual(await snapshot(phone.db));
		phone.close();
		laptop.close();
	});

	it('a note edited after it was synced goes up as its next revision in a push of many batches', async () => {
		const url = await createDatabase(server, 'large-push');
		const phone = new Device('phone');
		await importDeck(phone, 'w', T0, 4, 0);
		await phone.sync(url);
		for (const [i, id] of ['w/b1#0', 'w/b2#0', 'w/b3#0'].entries()) await phone.answer(id, 3, T0 + 1000 + i);
		await editNoteFields(phone.db, 'w/b0', { front: 'Edited', back: 'A' }, T0 + 2000);
		// The push alone: the pull after it would merge a conflicting revision away.
		await push(phone.http(url), phone.store, { batchSize: 1 });
		const note = await (await fetch(`${url}/note:w%2Fb0?conflicts=true`)).json();
		expect(note.fields.front).toBe('Edited');
		expect(note._rev.startsWith('2-')).toBe(true);
		expect(note._conflicts).toBeUndefined();
		phone.close();
	});
});
