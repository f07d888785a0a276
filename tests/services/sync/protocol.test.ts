// The replication protocol against a real pouchdb-server (CouchDB's HTTP API) on 127.0.0.1, started and
// stopped here: initial sync both ways, incremental sync, resuming after the server is killed mid-batch,
// conflicting note edits, tombstones, media as attachments.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyDeckContent } from '$lib/db/deck-content.repo';
import { undoAnswer } from '$lib/db/review.repo';
import { editNoteFields, setCardSuspended } from '$lib/db/sync-edits.repo';
import { Queue } from '$lib/domain/model';
import { countPending } from '$lib/db/sync-outbox-batches.repo';
import { trackChanges } from '$lib/db/sync-tracking.repo';
import { MAX_MEDIA_BYTES } from '$lib/domain/sync/sync-docs';
import { makeNote } from '../../helpers/cards';
import { deckRow, sampleNotes } from '../../helpers/db';
import {
	createDatabase,
	Device,
	importDeck,
	snapshot,
	startServer,
	stopServer,
	type SyncServer
} from './sync-harness';
import { cardsOfDeck } from '$lib/db/cards-of-decks.repo';

let server: SyncServer;
const T0 = Date.UTC(2026, 0, 5, 9);

beforeAll(async () => {
	server = await startServer();
}, 60_000);
afterAll(() => stopServer(server));

async function allDocs(url: string) {
	const res = await fetch(`${url}/_all_docs`);
	return ((await res.json()) as { rows: { id: string }[] }).rows.map((r) => r.id);
}

describe('sync protocol against pouchdb-server', () => {
	it('first sync merges both sides; then incremental sync carries only the new answers', async () => {
		const url = await createDatabase(server, 'initial');
		const phone = new Device('phone');
		const laptop = new Device('laptop');
		await importDeck(phone, 'p', T0);
		await importDeck(laptop, 'l', T0, 3, 1);
		await phone.answer('p/b0#0', 3, T0 + 60_000);
		await laptop.answer('l/b0#0', 1, T0 + 90_000);

		const first = await phone.sync(url);
		expect(first.pushed).toBeGreaterThan(0);
		await laptop.sync(url);
		await phone.sync(url);
		expect(await snapshot(phone.db)).toEqual(await snapshot(laptop.db));
		expect(await phone.db.cards.count()).toBe(8 + 5);
		expect(await laptop.db.reviewLogs.count()).toBe(2);

		// Incremental: three answers on the laptop, one push of three documents, one pull of three.
		for (const [i, id] of ['p/b1#0', 'p/r0#1', 'l/b1#0'].entries())
			await laptop.answer(id, 3, T0 + 3_600_000 + i * 1000);
		const up = await laptop.sync(url);
		expect(up.pushed).toBe(3);
		const down = await phone.sync(url);
		expect(down).toMatchObject({ pushed: 0, pulled: 3 });
		expect(await snapshot(phone.db)).toEqual(await snapshot(laptop.db));
		expect((await phone.db.cards.get('p/r0#1'))!.reps).toBe(1);
		phone.close();
		laptop.close();
	});

	it('a large import queued as one outbox batch reaches the other device note by note', async () => {
		const url = await createDatabase(server, 'batch');
		const phone = new Device('phone');
		const laptop = new Device('laptop');
		phone.enrolled = laptop.enrolled = true; // sync already on: only the outbox says what to send
		await importDeck(phone, 'big', T0, 90, 10);
		expect(await countPending(phone.db)).toBe(1 + 100); // the deck, and its 100 notes in one batch row
		const pushed = await phone.sync(url);
		expect(pushed.pushed).toBe(101);
		expect(await countPending(phone.db)).toBe(0);
		await laptop.sync(url);
		expect(await laptop.db.notes.where('deckId').equals('big').count()).toBe(100);
		expect(await cardsOfDeck(laptop.db, 'big').count()).toBe(110);
		expect(await snapshot(laptop.db)).toEqual(await snapshot(phone.db));
		phone.close();
		laptop.close();
	});

	it('resumes after the server is killed mid-batch: no duplicate, no gap', async () => {
		const url = await createDatabase(server, 'resume');
		const phone = new Device('phone');
		await importDeck(phone, 'r', T0, 20, 0);
		for (let i = 0; i < 120; i++) await phone.answer(`r/b${i % 20}#0`, 3, T0 + i * 600_000);
		// Push in batches of 25; kill the server while the third _bulk_docs is in flight.
		let bulkDocs = 0;
		const killing: typeof fetch = async (input, init) => {
			if (String(input).includes('_bulk_docs') && ++bulkDocs === 3) {
				const sent = fetch(input, init);
				sent.catch(() => undefined);
				await new Promise((ok) => setTimeout(ok, 5));
				await server.kill();
				return sent;
			}
			return fetch(input, init);
		};
		await expect(phone.sync(url, { batchSize: 25, fetch: killing })).rejects.toThrow('Server unreachable');
		expect(await countPending(phone.db)).toBeGreaterThan(0);
		server = await startServer(undefined, { dir: server.dir, port: server.port });
		await phone.sync(url, { batchSize: 25 });
		expect(await countPending(phone.db)).toBe(0);
		const ids = await allDocs(url);
		expect(ids.filter((id) => id.startsWith('log:'))).toHaveLength(120);

		// Pull in batches of 20 onto a new device; kill the server after the second batch is applied.
		const laptop = new Device('laptop');
		laptop.enrolled = true;
		let changes = 0;
		const killPull: typeof fetch = async (input, init) => {
			if (String(input).includes('_changes') && ++changes === 3) await server.kill();
			return fetch(input, init);
		};
		await expect(laptop.sync(url, { batchSize: 20, fetch: killPull })).rejects.toThrow('Server unreachable');
		const partial = await laptop.db.reviewLogs.count();
		expect(partial).toBeGreaterThan(0);
		expect(partial).toBeLessThan(120);
		server = await startServer(undefined, { dir: server.dir, port: server.port });
		await laptop.sync(url, { batchSize: 20 });
		expect(await laptop.db.reviewLogs.count()).toBe(120);
		expect(await snapshot(laptop.db)).toEqual(await snapshot(phone.db));
		phone.close();
		laptop.close();
	});

	it('new documents go straight to _bulk_docs; a batch sent again after a lost answer makes no second revision', async () => {
		const url = await createDatabase(server, 'resend-new');
		const phone = new Device('phone');
		await importDeck(phone, 'n', T0, 30, 0);
		const asked: string[] = [];
		let bulkDocs = 0;
		// The server stores the second batch, but its answer never arrives.
		const losing: typeof fetch = async (input, init) => {
			const path = new URL(String(input)).pathname;
			asked.push(path.slice(path.lastIndexOf('/') + 1));
			const response = await fetch(input, init);
			if (path.endsWith('/_bulk_docs') && ++bulkDocs === 2) {
				await response.body?.cancel();
				throw new TypeError('connection lost before the answer');
			}
			return response;
		};
		await expect(phone.sync(url, { batchSize: 10, fetch: losing })).rejects.toThrow('Server unreachable');
		await phone.sync(url, { batchSize: 10, fetch: losing });
		expect(asked).toContain('_bulk_docs');
		expect(asked).not.toContain('_revs_diff');
		expect(await countPending(phone.db)).toBe(0);
		const res = await fetch(`${url}/_all_docs?include_docs=true&conflicts=true`);
		const rows = (
			(await res.json()) as { rows: { id: string; value: { rev: string }; doc: { _conflicts?: string[] } }[] }
		).rows;
		const notes = rows.filter((r) => r.id.startsWith('note:'));
		expect(notes).toHaveLength(30);
		for (const row of notes) {
			expect(row.value.rev).toMatch(/^1-/);
			expect(row.doc._conflicts).toBeUndefined();
		}
		const laptop = new Device('laptop');
		laptop.enrolled = true;
		await laptop.sync(url);
		expect(await laptop.db.notes.count()).toBe(30);
		phone.close();
		laptop.close();
	});

	it('a suspension that arrives before its note is kept and applied when the card is created', async () => {
		const url = await createDatabase(server, 'held-suspension');
		const phone = new Device('phone');
		const laptop = new Device('laptop');
		await importDeck(phone, 'h', T0, 2, 0);
		await phone.sync(url);
		await laptop.sync(url);
		// A new note, suspended, then edited: its note document goes to the server after the card's.
		await applyDeckContent(
			phone.db,
			deckRow('h', { version: '2' }),
			[...sampleNotes('h', 2, 0), makeNote('h', 'late', 2)],
			{ nowMs: T0 + 1000 }
		);
		await setCardSuspended(phone.db, 'h/late#0', true, T0 + 2000);
		await editNoteFields(phone.db, 'h/late', { front: 'Late, edited', back: 'x' }, T0 + 3000);
		await phone.sync(url);
		// One document per batch: the card's suspension is applied before the note exists.
		await laptop.sync(url, { batchSize: 1 });
		expect(await laptop.db.cards.get('h/late#0')).toMatchObject({
			userSuspended: true,
			queue: Queue.Suspended
		});
		expect(await snapshot(laptop.db)).toEqual(await snapshot(phone.db));
		phone.close();
		laptop.close();
	});

	it('conflicting note edits: the later edit wins on both devices, the other is kept', async () => {
		const url = await createDatabase(server, 'conflict');
		const phone = new Device('phone');
		const laptop = new Device('laptop');
		await importDeck(phone, 'c', T0, 2, 0);
		await phone.sync(url);
		await laptop.sync(url);
		// Both edit the same note offline; the laptop's edit is later.
		await editNoteFields(phone.db, 'c/b0', { front: 'Phone text', back: 'A' }, T0 + 1000);
		await editNoteFields(laptop.db, 'c/b0', { front: 'Laptop text', back: 'A' }, T0 + 2000);
		await phone.sync(url);
		await laptop.sync(url);
		await phone.sync(url);
		for (const device of [phone, laptop]) {
			const note = (await device.db.notes.get('c/b0')) as {
				fields: Record<string, string>;
				conflicts?: { fields: Record<string, string>; editedBy: string }[];
			};
			expect(note.fields.front).toBe('Laptop text');
			expect(note.conflicts?.map((c) => c.fields.front)).toEqual(['Phone text']);
			expect(note.conflicts?.[0]?.editedBy).toBe(await phone.store.deviceId());
		}
		const doc = await (await fetch(`${url}/note:c%2Fb0?conflicts=true`)).json();
		expect(doc._conflicts).toBeUndefined();
		expect(doc.fields.front).toBe('Laptop text');
		phone.close();
		laptop.close();
	});

	it('tombstones: an undone answer disappears on the other device and its card is replayed', async () => {
		const url = await createDatabase(server, 'tombstone');
		const phone = new Device('phone');
		const laptop = new Device('laptop');
		await importDeck(phone, 't', T0, 2, 0);
		await phone.answer('t/b0#0', 3, T0 + 1000);
		const { log } = await phone.answer('t/b0#0', 4, T0 + 700_000);
		await phone.sync(url);
		await laptop.sync(url);
		expect((await laptop.db.cards.get('t/b0#0'))!.reps).toBe(2);
		await undoAnswer(phone.db, log.id!, T0 + 800_000);
		await phone.sync(url);
		await laptop.sync(url);
		expect(await laptop.db.reviewLogs.count()).toBe(1);
		expect((await laptop.db.cards.get('t/b0#0'))!.reps).toBe(1);
		expect(await snapshot(laptop.db)).toEqual(await snapshot(phone.db));
		const deleted = await (await fetch(`${url}/log:${(log as { uid?: string }).uid}`)).json();
		expect(deleted.error).toBe('not_found');
		phone.close();
		laptop.close();
	});

	it('media travel as attachments; a file over the size cap stays on its device', async () => {
		const url = await createDatabase(server, 'media');
		const phone = new Device('phone');
		const laptop = new Device('laptop');
		await importDeck(phone, 'm', T0, 1, 0);
		const small = new Uint8Array(3000).map((_, i) => (i * 7) % 256);
		const big = new Uint8Array(MAX_MEDIA_BYTES + 1);
		for (const [name, bytes] of [
			['small.png', small],
			['big.png', big]
		] as const)
			await phone.db.media.put({
				name,
				mime: 'image/png',
				bytes,
				size: bytes.length,
				sha256: name,
				deckIds: ['m'],
				addedMs: T0
			});
		await phone.sync(url);
		await laptop.sync(url);
		const got = await laptop.db.media.get('small.png');
		expect(got?.bytes).toEqual(small);
		expect(await laptop.db.media.get('big.png')).toBeUndefined();
		// A later change to the file syncs too.
		await phone.db.transaction('rw', phone.db.tables, async () => {
			await phone.db.media.put({
				...got!,
				bytes: small.slice(0, 10),
				size: 10,
				sha256: 'v2',
				addedMs: T0 + 1
			});
			await trackChanges(phone.db, ['media:small.png'], T0 + 1);
		});
		await phone.sync(url);
		await laptop.sync(url);
		expect((await laptop.db.media.get('small.png'))?.size).toBe(10);
		phone.close();
		laptop.close();
	});
});
