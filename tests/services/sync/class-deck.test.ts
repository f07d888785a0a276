// Class decks against a real pouchdb-server on 127.0.0.1 (started and stopped here): the instructor
// publishes v1, a student subscribes (GET requests only) and studies, the instructor publishes v2 with an
// edited note and a removed note; the student's progress and own edit survive. Hostile or oversized
// documents are refused with zero writes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveNewerVersion, writeNoteEdit } from '$lib/db/note-write.repo';
import { Queue } from '$lib/domain/model';
import { CLASS_LIMITS } from '$lib/domain/sync/class-deck';
import { checkClassDecks, listSubscriptions, subscribeToClass } from '$lib/services/sync/class-deck.service';
import { publishDeck } from '$lib/services/sync/class-publish';
import { createDatabase, Device, startServer, stopServer, type SyncServer } from './sync-harness';
import { cardsOfDeck } from '$lib/db/cards-of-decks.repo';

let server: SyncServer;
const T0 = Date.UTC(2026, 2, 2, 9);
const DAY = 86_400_000;

beforeAll(async () => {
	server = await startServer();
}, 60_000);
afterAll(() => stopServer(server));

function deckFile(version: string, notes: object[]) {
	return JSON.stringify({
		format: 'kartka-deck',
		formatVersion: 1,
		id: 'history-101',
		title: 'History 101',
		description: 'Class deck',
		version,
		language: 'en',
		source: { title: 'Lecture notes', url: 'https://example.org/lecture' },
		license: 'CC-BY-4.0',
		notes
	});
}
const basic = (id: string, front: string, back: string) => ({ id, kind: 'basic', front, back });
const V1 = [
	basic('n-1994', 'Year of the first election victory?', '1994'),
	basic('n-minsk', 'Capital of Belarus?', 'Minsk'),
	basic('n-river', 'Main river?', 'Dnieper'),
	basic('n-gone', 'Note removed in v2?', 'Yes')
];
const V2 = [
	basic('n-1994', 'Year of the first election victory?', '1994'),
	basic('n-minsk', 'What is the capital of Belarus?', 'Minsk (Miensk)'),
	basic('n-river', 'Main river of Belarus?', 'Dnieper'),
	basic('n-new', 'Added in v2?', 'Yes')
];

/** Fetch that records every request's method and path: the student must only read. */
function recordingFetch() {
	const calls: string[] = [];
	const fetcher: typeof fetch = (input, init) => {
		calls.push(`${init?.method ?? 'GET'} ${new URL(String(input)).pathname}`);
		return fetch(input, init);
	};
	return { calls, fetcher };
}

async function rawPut(url: string, id: string, body: object) {
	const res = await fetch(`${url}/${encodeURIComponent(id)}`, {
		method: 'PUT',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify({ _id: id, ...body })
	});
	if (!res.ok) throw new Error(`PUT ${id}: ${res.status}`);
	return ((await res.json()) as { rev: string }).rev;
}

describe('class decks: an instructor publishes, students subscribe read-only', () => {
	it('v1 → subscribe and study → v2 (edited + removed note): progress and the student edit survive', async () => {
		const url = `${server.url}/class-history`;
		const published = await publishDeck(deckFile('1.0.0', V1), { url, nowMs: T0 });
		expect(published).toMatchObject({ deckId: 'history-101', version: '1.0.0', notes: 4 });

		const student = new Device('student');
		const { calls, fetcher } = recordingFetch();
		const first = await subscribeToClass(student.db, url, { nowMs: () => T0, fetch: fetcher });
		expect(first.updated).toEqual(['History 101']);
		expect(await cardsOfDeck(student.db, 'history-101').count()).toBe(4);

		// The student studies two cards (one of them later removed by the instructor) and edits one note.
		await student.answer('history-101/n-1994#0', 3, T0 + DAY);
		await student.answer('history-101/n-gone#0', 3, T0 + DAY + 60_000);
		await writeNoteEdit(
			student.db,
			'history-101/n-minsk',
			{ kind: 'basic', fields: { front: 'Capital of Belarus? (my words)', back: 'Minsk' }, tags: [] },
			T0 + DAY + 120_000
		);
		const studied = (await student.db.cards.get('history-101/n-1994#0'))!;

		// Nothing new: a check reads, writes nothing.
		expect(
			(await checkClassDecks(student.db, { nowMs: () => T0 + DAY, fetch: fetcher }))[0]!.updated
		).toEqual([]);

		await publishDeck(deckFile('2.0.0', V2), { url, nowMs: T0 + 2 * DAY });
		const [check] = await checkClassDecks(student.db, { nowMs: () => T0 + 3 * DAY, fetch: fetcher });
		expect(check).toMatchObject({ updated: ['History 101'], userEditsKept: 1 });

		// Read-only: the student's device never wrote to the class database.
		expect(calls.length).toBeGreaterThan(0);
		expect(calls.filter((c) => !c.startsWith('GET '))).toEqual([]);

		const deck = (await student.db.decks.get('history-101'))!;
		expect(deck.version).toBe('2.0.0');
		// Progress kept: the studied card is untouched, its log still there.
		expect(await student.db.cards.get('history-101/n-1994#0')).toMatchObject({
			reps: 1,
			dueMs: studied.dueMs,
			stability: studied.stability
		});
		expect(await student.db.reviewLogs.count()).toBe(2);
		// The instructor's edit of a note the student did not touch arrives.
		expect((await student.db.notes.get('history-101/n-river'))!.fields.front).toBe('Main river of Belarus?');
		// The student's own edit wins; the deck's text waits for "Use theirs".
		const mine = (await student.db.notes.get('history-101/n-minsk'))!;
		expect(mine.fields.front).toBe('Capital of Belarus? (my words)');
		expect(mine.userEdit?.theirs?.fields).toMatchObject({ front: 'What is the capital of Belarus?' });
		// The removed note's card is suspended (not deleted), its progress kept.
		expect(await student.db.cards.get('history-101/n-gone#0')).toMatchObject({
			queue: Queue.Suspended,
			suspendedReason: 'update',
			reps: 1
		});
		expect(await student.db.cards.get('history-101/n-new#0')).toBeDefined();

		const theirs = await resolveNewerVersion(student.db, 'history-101/n-minsk', 'theirs', T0 + 4 * DAY);
		expect(theirs.fields.front).toBe('What is the capital of Belarus?');
		expect((await listSubscriptions(student.db))[0]!.decks[0]).toMatchObject({ version: '2.0.0' });
		student.close();
	});

	it('refuses an oversized, a schema-breaking and a mislabelled deck document with zero writes', async () => {
		const student = new Device('student');
		const refuse = async (name: string, put: (url: string) => Promise<unknown>, message: RegExp) => {
			const url = await createDatabase(server, name);
			await put(url);
			await expect(subscribeToClass(student.db, url, { nowMs: () => T0 })).rejects.toThrow(message);
			expect(await student.db.decks.count()).toBe(0);
			expect(await student.db.notes.count()).toBe(0);
			expect(await listSubscriptions(student.db)).toEqual([]);
		};
		const big = JSON.parse(deckFile('1.0.0', V1));
		big.description = 'x'.repeat(CLASS_LIMITS.maxDocBytes + 10);
		await refuse('class-big', (url) => rawPut(url, 'kartka-deck:history-101', { deck: big }), /refused/);

		const hostile = JSON.parse(deckFile('1.0.0', V1));
		hostile.notes[0] = { id: 'n-x', kind: 'script', front: '<img src=x onerror=alert(1)>', onload: 'x' };
		await refuse('class-hostile', (url) => rawPut(url, 'kartka-deck:history-101', { deck: hostile }), /n-x/);

		await refuse(
			'class-mislabelled',
			(url) => rawPut(url, 'kartka-deck:other-deck', { deck: JSON.parse(deckFile('1.0.0', V1)) }),
			/another id/
		);
		await refuse('class-empty', async () => undefined, /no Kartka deck/);
		student.close();
	});

	it('a hostile new version leaves the subscribed deck as it was, and the check can be repeated', async () => {
		const url = `${server.url}/class-later`;
		await publishDeck(deckFile('1.0.0', V1), { url, nowMs: T0 });
		const student = new Device('student');
		await subscribeToClass(student.db, url, { nowMs: () => T0 });
		const before = await listSubscriptions(student.db);
		const rev = before[0]!.decks[0]!.rev;

		const bad = JSON.parse(deckFile('2.0.0', V2));
		bad.formatVersion = 99;
		await rawPut(url, 'kartka-deck:history-101', { _rev: rev, deck: bad });
		await expect(checkClassDecks(student.db, { nowMs: () => T0 + DAY })).rejects.toThrow();
		expect((await student.db.decks.get('history-101'))!.version).toBe('1.0.0');
		expect(await listSubscriptions(student.db)).toEqual(before);
		student.close();
	});
});
