// The write side of import: an ImportedCollection becomes decks, notes, cards and media in one
// transaction; a newer version of the same deck updates in place and keeps progress.
import { afterEach, describe, expect, it } from 'vitest';
import type { KartkaDB } from '$lib/db/db';
import { answerCard } from '$lib/db/review.repo';
import { createScheduler } from '$lib/domain/fsrs-adapter';
import { Queue } from '$lib/domain/model';
import { CardState, Rating } from '$lib/domain/schedule';
import { DEFAULT_SCHEDULER_SETTINGS } from '$lib/domain/scheduler-settings';
import { deckIdFor } from '$lib/domain/import/import-ids';
import { planImport } from '$lib/services/import/import-plan';
import { summaryText } from '$lib/domain/deck-merge';
import { commitImport } from '$lib/services/import/import.service';
import { dumpTables, freshDb, seedDeck } from '../../helpers/db';
import { collection, note, SOURCE } from '../../helpers/collections';
import { cardsOfDeck } from '$lib/db/cards-of-decks.repo';

const NOW = Date.UTC(2026, 10, 28, 12);
let db: KartkaDB;
afterEach(() => db?.close());

async function run(
	coll: ReturnType<typeof collection>,
	opts: Parameters<typeof commitImport>[2] & { nowMs?: number; asNewDeck?: boolean } = {}
) {
	const plan = await planImport(db, coll, {
		nowMs: opts.nowMs ?? NOW,
		source: SOURCE,
		asNewDeck: opts.asNewDeck
	});
	const result = await commitImport(db, plan, opts);
	return { plan, result };
}

const deckId = deckIdFor('apkg-anki2', 'Biology');

describe('writing an import', () => {
	it('writes one deck with its notes and one card per note side, cloze number or template', async () => {
		db = freshDb();
		const { result, plan } = await run(
			collection([
				note('g1', 'Cell', 'Unit of life'),
				note('g2', 'DNA', 'Genetic code', { kind: 'reversible' }),
				note('g3', '', '', { kind: 'cloze', fields: { text: '{{c1::Mitochondria}} make {{c2::ATP}}' } }),
				note('g4', '', '', { kind: 'templated', fields: { q0: 'Q0', a0: 'A0', q2: 'Q2', a2: 'A2' } })
			])
		);
		expect(plan.totals).toMatchObject({ notes: 4, cards: 1 + 2 + 2 + 2 });
		expect(result.total).toEqual({ added: 4, updated: 0, removed: 0, unchanged: 0 });
		expect(await db.decks.get(deckId)).toMatchObject({ title: 'Biology', origin: 'import' });
		expect(await db.notes.where('deckId').equals(deckId).count()).toBe(4);
		const cards = await cardsOfDeck(db, deckId).primaryKeys();
		expect(cards.sort()).toEqual(
			[`g1#0`, `g2#0`, `g2#1`, `g3#1`, `g3#2`, `g4#0`, `g4#2`].map((c) => `${deckId}/${c}`).sort()
		);
	});

	it('gives Anki GUIDs slug-safe, reversible note keys so that the same note always lands on the same id', async () => {
		db = freshDb();
		await run(collection([note('cU1%zNUzk1', 'hello', 'world')]));
		const [row] = await db.notes.toArray();
		expect(row!.key).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
		await run(collection([note('cU1%zNUzk1', 'goodbye', 'world')]));
		expect(await db.notes.count()).toBe(1);
	});

	it('updates a changed note in place, keeps its schedule, adds new notes and suspends missing ones', async () => {
		db = freshDb();
		await run(collection([note('a', 'A', '1'), note('b', 'B', '2'), note('c', 'C', '3')]));
		const scheduler = createScheduler({ ...DEFAULT_SCHEDULER_SETTINGS, fuzz: false });
		const shown = (await db.cards.get(`${deckId}/a#0`))!;
		const { card: answered } = await answerCard(db, {
			shown,
			rating: Rating.Good,
			nowMs: NOW,
			durationMs: 1000,
			scheduler,
			dayCutoffHour: 4
		});

		const next = collection([note('d', 'D', '4'), note('a', 'A', 'one'), note('b', 'B', '2')]);
		const plan = await planImport(db, next, { nowMs: NOW + 1000, source: SOURCE });
		expect(plan.decks[0]!.existing?.id).toBe(deckId);
		expect(plan.decks[0]!.summary).toEqual({ added: 1, updated: 1, removed: 1, unchanged: 1 });
		const result = await commitImport(db, plan);
		expect(result.total).toEqual(plan.decks[0]!.summary);
		expect(summaryText(result.total)).toBe('1 updated, 1 added, 1 removed, 1 unchanged');

		expect((await db.notes.get(`${deckId}/a`))!.fields.back).toBe('one');
		const kept = (await db.cards.get(`${deckId}/a#0`))!;
		expect(kept).toMatchObject({
			state: answered.state,
			dueMs: answered.dueMs,
			stability: answered.stability,
			reps: 1
		});
		expect(await db.reviewLogs.count()).toBe(1);
		expect((await db.notes.get(`${deckId}/c`))!.removed).toBe(true);
		expect((await db.cards.get(`${deckId}/c#0`))!.queue).toBe(Queue.Suspended);
		// Existing notes keep their place; the new one is introduced after them.
		expect((await db.notes.get(`${deckId}/d`))!.position).toBe(3);
	});

	it('deletes notes missing from the new version when asked to', async () => {
		db = freshDb();
		await run(collection([note('a', 'A', '1'), note('b', 'B', '2')]));
		const { result } = await run(collection([note('a', 'A', '1')]), { missing: 'delete' });
		expect(result.total).toEqual({ added: 0, updated: 0, removed: 1, unchanged: 1 });
		expect(await db.notes.get(`${deckId}/b`)).toBeUndefined();
		expect(await db.cards.get(`${deckId}/b#0`)).toBeUndefined();
	});

	it('re-importing the same file changes nothing', async () => {
		db = freshDb();
		const coll = collection([note('a', 'A', '1'), note('b', 'B', '2', { tags: ['x'] })]);
		await run(coll);
		const before = await dumpTables(db);
		const { result } = await run(coll, { nowMs: NOW + 5000 });
		expect(result.total).toEqual({ added: 0, updated: 0, removed: 0, unchanged: 2 });
		const after = await dumpTables(db);
		expect(after.notes).toEqual(before.notes);
		expect(after.cards).toEqual(before.cards);
	});

	it('writes each Anki sub-deck as its own deck, in a group named by its parents', async () => {
		db = freshDb();
		const { plan } = await run(
			collection(
				[note('a', 'A', '1', { deckName: 'Bio::Cells' }), note('b', 'B', '2', { deckName: 'Bio::Genes' })],
				{ title: 'Bio' }
			)
		);
		expect(plan.decks.map((d) => d.deck.title)).toEqual(['Cells', 'Genes']);
		expect(plan.decks.map((d) => d.deck.group)).toEqual(['Bio', 'Bio']);
		expect(await db.decks.where('group').equals('Bio').count()).toBe(2);
	});

	it('never writes into a shipped deck: a Kartka file with its id goes beside it', async () => {
		db = freshDb();
		await seedDeck(db, 'belarus', 2, 0);
		await db.decks.update('belarus', { origin: 'builtin' });
		const before = await dumpTables(db);
		const { plan } = await run(
			collection([note('x', 'X', 'Y', { deckName: 'Belarus' })], { format: 'kartka-json', deckId: 'belarus' })
		);
		expect(plan.decks[0]!.deck.id).toBe('belarus-2');
		// Issue 12: titles are made unique ("Belarus (2)" when taken); this shipped deck is titled "Deck belarus".
		expect(plan.decks[0]!.deck.title).toBe('Belarus');
		const after = await dumpTables(db);
		expect(after.notes!.filter((n) => (n as { deckId: string }).deckId === 'belarus')).toEqual(before.notes);
	});

	it('imports beside an existing deck of the same name when asked to', async () => {
		db = freshDb();
		await run(collection([note('a', 'A', '1')]));
		const { plan } = await run(collection([note('b', 'B', '2')]), { asNewDeck: true });
		expect(plan.decks[0]!.deck.id).toBe(`${deckId}-2`);
		expect(plan.decks[0]!.summary).toEqual({ added: 1, updated: 0, removed: 0, unchanged: 0 });
		expect(await db.notes.get(`${deckId}/a`)).toBeDefined();
	});
});

describe('media', () => {
	const png = (n: number) => ({
		name: 'cell.png',
		mime: 'image/png',
		bytes: new Uint8Array([137, 80, 78, 71, n])
	});

	it('stores media rows with their bytes and the decks that use them', async () => {
		db = freshDb();
		await run(collection([note('a', '<img src="cell.png">', 'Cell')], { media: [png(1)] }));
		const row = (await db.media.get('cell.png'))!;
		expect(row).toMatchObject({ mime: 'image/png', size: 5, deckIds: [deckId] });
		expect([...row.bytes]).toEqual([137, 80, 78, 71, 1]);
	});

	it('renames a different file whose name is taken and rewrites the notes that refer to it', async () => {
		db = freshDb();
		await run(collection([note('a', '<img src="cell.png">', 'Cell')], { media: [png(1)] }));
		const chemNote = note('z', '<img src="cell.png"> and [sound:cell.png]', 'Other', { deckName: 'Chem' });
		await run(collection([chemNote], { media: [png(2)], title: 'Chem' }));
		const names = (await db.media.toArray()).map((m) => m.name).sort();
		expect(names).toHaveLength(2);
		const other = names.find((n) => n !== 'cell.png')!;
		expect(other).toMatch(/^cell-[0-9a-f]{8}\.png$/);
		const chem = (await db.notes.where('deckId').equals(deckIdFor('apkg-anki2', 'Chem')).first())!;
		expect(chem.fields.front).toBe(`<img src="${other}"> and [sound:${other}]`);
		expect((await db.notes.get(`${deckId}/a`))!.fields.front).toBe('<img src="cell.png">');
	});
});

describe('review history ("Import progress")', () => {
	const reviews = [
		{ noteKey: 'a', ord: 0, reviewedMs: NOW - 10 * 86_400_000, rating: 3 as const, durationMs: 5000 },
		{ noteKey: 'a', ord: 0, reviewedMs: NOW - 7 * 86_400_000, rating: 3 as const, durationMs: 4000 },
		{ noteKey: 'a', ord: 0, reviewedMs: NOW - 2 * 86_400_000, rating: 1 as const, durationMs: 9000 }
	];

	it('replays the revlog into the FSRS state of the card, with review logs statistics can read', async () => {
		db = freshDb();
		const { result } = await run(collection([note('a', 'A', '1'), note('b', 'B', '2')], { reviews }), {
			importProgress: true
		});
		expect(result.reviewsWritten).toBe(3);
		const card = (await db.cards.get(`${deckId}/a#0`))!;
		const scheduler = createScheduler(DEFAULT_SCHEDULER_SETTINGS);
		let expected = (await db.reviewLogs.where('cardId').equals(card.id).sortBy('reviewedMs'))[0]!.before;
		for (const r of reviews) expected = scheduler.answer(card.id, expected, r.rating, r.reviewedMs).schedule;
		expect(card).toMatchObject({
			...expected,
			queue: card.state === CardState.Review ? Queue.Review : Queue.Learning,
			rev: 3
		});
		expect(card.lapses).toBe(1);
		const logs = await db.reviewLogs.where('cardId').equals(card.id).sortBy('reviewedMs');
		expect(logs.map((l) => [l.kind, l.rating, l.afterRev])).toEqual([
			['review', 3, 1],
			['review', 3, 2],
			['review', 1, 3]
		]);
		expect((await db.cards.get(`${deckId}/b#0`))!.state).toBe(CardState.New);
	});

	it('writes no history without the option, and never twice or over progress made here', async () => {
		db = freshDb();
		const coll = collection([note('a', 'A', '1')], { reviews });
		await run(coll);
		expect(await db.reviewLogs.count()).toBe(0);
		await run(coll, { importProgress: true });
		expect(await db.reviewLogs.count()).toBe(3);
		const { result } = await run(coll, { importProgress: true });
		expect(result).toMatchObject({ reviewsWritten: 0, cardsKeptLocal: 1 });
		expect(await db.reviewLogs.count()).toBe(3);
	});
});

describe('all or nothing', () => {
	it('a cancel before the commit writes nothing', async () => {
		db = freshDb();
		await seedDeck(db);
		await run(collection([note('a', 'A', '1')]));
		const before = await dumpTables(db);
		const plan = await planImport(
			db,
			collection([note('a', 'A', 'changed'), note('n', 'N', 'new')], {
				media: [{ name: 'x.png', mime: 'image/png', bytes: new Uint8Array([1]) }]
			}),
			{ nowMs: NOW, source: SOURCE }
		);
		const controller = new AbortController();
		controller.abort();
		await expect(commitImport(db, plan, { signal: controller.signal })).rejects.toMatchObject({
			code: 'cancelled'
		});
		expect(await dumpTables(db)).toEqual(before);
	});

	it('a cancel during the transaction rolls back what was already written in it', async () => {
		db = freshDb();
		await run(collection([note('a', 'A', '1')]));
		const before = await dumpTables(db);
		const coll = collection([note('a', 'A', '2'), note('x', 'X', '1', { deckName: 'Other' })]);
		const plan = await planImport(db, coll, { nowMs: NOW, source: SOURCE });
		const controller = new AbortController();
		// Abort once the first deck has been written inside the transaction.
		const realApply = db.notes.bulkPut.bind(db.notes);
		let calls = 0;
		db.notes.bulkPut = ((...args: Parameters<typeof realApply>) => {
			if (++calls === 1) queueMicrotask(() => controller.abort());
			return realApply(...args);
		}) as typeof db.notes.bulkPut;
		await expect(commitImport(db, plan, { signal: controller.signal })).rejects.toMatchObject({
			code: 'cancelled'
		});
		expect(calls).toBeGreaterThan(0);
		expect(await dumpTables(db)).toEqual(before);
	});

	it('a full disk fails the whole import with a clear message and no partial write', async () => {
		db = freshDb();
		await run(collection([note('a', 'A', '1')]));
		const before = await dumpTables(db);
		const plan = await planImport(
			db,
			collection([note('a', 'A', '2'), note('x', 'X', '1', { deckName: 'Other' })]),
			{
				nowMs: NOW,
				source: SOURCE
			}
		);
		const realPut = db.cards.bulkPut.bind(db.cards);
		let calls = 0;
		db.cards.bulkPut = ((...args: Parameters<typeof realPut>) => {
			if (++calls === 2) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
			return realPut(...args);
		}) as typeof db.cards.bulkPut;
		await expect(commitImport(db, plan)).rejects.toMatchObject({
			code: 'storage-full',
			message: expect.stringMatching(/no room left.*Nothing was imported/)
		});
		expect(await dumpTables(db)).toEqual(before);
	});
});
