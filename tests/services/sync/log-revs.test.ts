// Review logs without a syncRevs row each (schema v9, db/sync-log-revs.repo.ts), against a real
// pouchdb-server on 127.0.0.1 started and stopped here: a live log's revision follows from its row, and
// every way a log leaves a device still sends its deletion on top of the revision the server has.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteDeckRows } from '$lib/db/deck-manage.repo';
import { undoAnswer } from '$lib/db/review.repo';
import { enqueueEverything } from '$lib/db/sync-enroll.repo';
import { syncRevsTable } from '$lib/db/sync-tracking.repo';
import { nextRev } from '$lib/domain/sync/revisions';
import { logBody } from '$lib/domain/sync/row-docs';
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

const uidOf = (log: object) => (log as { uid: string }).uid;
const onServer = async (url: string, uid: string) => (await fetch(`${url}/log:${uid}`)).json();
const logRevRows = async (device: Device) =>
	(await syncRevsTable(device.db).toArray()).filter((r) => r.docId.startsWith('log:'));

describe('review-log revisions implied by their rows', () => {
	it('neither side records a revision for a live log, and an undo after the push deletes it everywhere', async () => {
		const url = await createDatabase(server, 'implied-undo');
		const phone = new Device('phone');
		const laptop = new Device('laptop');
		await importDeck(phone, 'i', T0, 2, 0);
		await phone.sync(url);
		const { log } = await phone.answer('i/b0#0', 3, T0 + 1000);
		await phone.answer('i/b1#0', 4, T0 + 2000);
		await phone.sync(url);
		await laptop.sync(url);
		expect(await logRevRows(phone)).toEqual([]);
		expect(await logRevRows(laptop)).toEqual([]);
		// The revision the server has is the one the row implies.
		const rev = nextRev(null, logBody(log));
		expect((await onServer(url, uidOf(log)))._rev).toBe(rev);

		await undoAnswer(phone.db, log.id!, T0 + 3000);
		expect(await syncRevsTable(phone.db).get(`log:${uidOf(log)}`)).toMatchObject({ rev });
		await phone.sync(url);
		expect((await onServer(url, uidOf(log))).error).toBe('not_found');
		await laptop.sync(url);
		expect(await laptop.db.reviewLogs.count()).toBe(1);
		expect(await snapshot(laptop.db)).toEqual(await snapshot(phone.db));
		phone.close();
		laptop.close();
	});

	it('pulled logs deleted with their deck are deleted on the server and on the device that made them', async () => {
		const url = await createDatabase(server, 'implied-deck-delete');
		const phone = new Device('phone');
		const laptop = new Device('laptop');
		await importDeck(phone, 'd', T0, 2, 0);
		const { log } = await phone.answer('d/b0#0', 3, T0 + 1000);
		await phone.answer('d/b1#0', 2, T0 + 2000);
		await phone.sync(url);
		await laptop.sync(url);
		expect(await laptop.db.reviewLogs.count()).toBe(2);
		expect(await logRevRows(laptop)).toEqual([]);
		await deleteDeckRows(laptop.db, 'd', T0 + 5000);
		await laptop.sync(url);
		// Deleted on the server by the laptop itself, on top of the revision the phone wrote.
		expect((await onServer(url, uidOf(log))).error).toBe('not_found');
		await phone.sync(url);
		expect(await phone.db.reviewLogs.count()).toBe(0);
		expect(await phone.db.decks.get('d')).toBeUndefined();
		phone.close();
		laptop.close();
	});

	it('an answer undone after its batch was sent and before it was recorded is deleted by the next sync', async () => {
		const url = await createDatabase(server, 'implied-in-flight');
		const phone = new Device('phone');
		const laptop = new Device('laptop');
		await importDeck(phone, 'f', T0, 2, 0);
		await phone.sync(url);
		const { log } = await phone.answer('f/b0#0', 3, T0 + 1000);
		const markPushed = phone.store.markPushed.bind(phone.store);
		let undone = false;
		phone.store.markPushed = async (written, uptoSeq) => {
			if (!undone && written.some((w) => w.id === `log:${uidOf(log)}`)) {
				undone = true;
				await undoAnswer(phone.db, log.id!, T0 + 2000);
			}
			return markPushed(written, uptoSeq);
		};
		// One batch and no read after it: the deletion waits for the next sync, on the recorded revision.
		await phone.sync(url, { maxBatches: 1 });
		expect(undone).toBe(true);
		expect((await onServer(url, uidOf(log))).cardId).toBe('f/b0#0');
		await phone.sync(url);
		expect((await onServer(url, uidOf(log))).error).toBe('not_found');
		await laptop.sync(url);
		expect(await laptop.db.reviewLogs.count()).toBe(0);
		expect(await snapshot(laptop.db)).toEqual(await snapshot(phone.db));
		phone.close();
		laptop.close();
	});

	it('a log queued again by "Turn on sync" and undone before it is sent is deleted on the server', async () => {
		const url = await createDatabase(server, 'implied-resend');
		const phone = new Device('phone');
		await importDeck(phone, 'r', T0, 2, 0);
		const { log } = await phone.answer('r/b0#0', 3, T0 + 1000);
		await phone.sync(url);
		await enqueueEverything(phone.db, T0 + 2000);
		await undoAnswer(phone.db, log.id!, T0 + 3000);
		await phone.sync(url);
		expect((await onServer(url, uidOf(log))).error).toBe('not_found');
		phone.close();
	});
});
