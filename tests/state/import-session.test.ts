// The import screen's state machine with the real parsers and database: preview before any write,
// progress only for slow work, and cancel or failure at any point leaving the collection unchanged.
import { afterEach, describe, expect, it } from 'vitest';
import type { KartkaDB } from '$lib/db/db';
import { ImportError, type ImportedCollection, type ParseOptions } from '$lib/domain/import/import-model';
import { parseImport } from '$lib/domain/import/parse-import';
import { ImportSession, PROGRESS_DELAY_MS } from '$lib/state/import-session.svelte';
import { dumpTables, freshDb, seedDeck } from '../helpers/db';

let db: KartkaDB;
afterEach(() => db?.close());
const clock = () => Date.UTC(2026, 10, 28, 12);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A parser that waits until released (or cancelled), to act while it runs. */
function slowParse() {
	let release!: () => void;
	const gate = new Promise<void>((r) => (release = r));
	const parse = async (bytes: Uint8Array, options: ParseOptions): Promise<ImportedCollection> => {
		await Promise.race([
			gate,
			new Promise((_, reject) =>
				options.signal?.addEventListener('abort', () =>
					reject(new ImportError('cancelled', 'Import cancelled.'))
				)
			)
		]);
		return parseImport(bytes, options);
	};
	return { parse, release };
}

describe('import session', () => {
	it('keeps only the latest text preview: one asked before a reset never comes back after it', async () => {
		db = freshDb();
		const session = new ImportSession(db, { clock });
		await session.openText('a;b;c\nd;e;f');
		expect(session.textPreview?.columnCount).toBe(3);
		// The splitter loads on demand: a preview still loading when the form is reset must not reappear.
		const changing = session.setTextOptions({ delimiter: ',' });
		session.reset();
		await changing.catch(() => undefined);
		expect(session.textPreview).toBeNull();
		await session.openText('a;b;c\nd;e;f');
		await session.setTextOptions({ delimiter: ',' });
		expect(session.textPreview?.columnCount).toBe(1);
	});

	it('previews pasted text without writing, then imports it on confirm', async () => {
		db = freshDb();
		await seedDeck(db);
		const before = await dumpTables(db);
		const session = new ImportSession(db, { clock });
		await session.openText('Minsk,capital of Belarus\nVilnius,capital of Lithuania');
		expect(session.status).toBe('preview');
		expect(session.plan?.totals).toMatchObject({ notes: 2, cards: 2 });
		expect(session.isText).toBe(true);
		expect(session.textPreview?.columnCount).toBe(2);
		expect(await dumpTables(db)).toEqual(before);
		await session.confirm();
		expect(session.status).toBe('done');
		expect(session.result?.total).toEqual({ added: 2, updated: 0, removed: 0, unchanged: 0 });
		expect(await db.notes.count()).toBe(before.notes!.length + 2);
	});

	it('shows progress only when work takes longer than the delay, and a cancel changes nothing', async () => {
		db = freshDb();
		await seedDeck(db);
		const before = await dumpTables(db);
		const { parse } = slowParse();
		const session = new ImportSession(db, { clock, parse });
		const opening = session.openText('a,b\nc,d');
		expect(session.status).toBe('working');
		expect(session.showProgress).toBe(false);
		await sleep(PROGRESS_DELAY_MS + 100);
		expect(session.showProgress).toBe(true);
		session.cancel();
		await opening;
		expect(session.showProgress).toBe(false);
		expect(session.notice).toBe('Cancelled: nothing was changed.');
		expect(session.plan).toBeNull();
		expect(session.status).toBe('preview'); // the text stays, to be read with other options
		expect(await dumpTables(db)).toEqual(before);
	});

	it('fast work shows no progress bar at all', async () => {
		db = freshDb();
		const session = new ImportSession(db, { clock });
		let shown = false;
		const watch = setInterval(() => (shown ||= session.showProgress), 5);
		await session.openText('a,b');
		await sleep(PROGRESS_DELAY_MS + 50);
		clearInterval(watch);
		expect(shown).toBe(false);
	});

	it('keeps the text options up when they find no cards, and recovers when they are fixed', async () => {
		db = freshDb();
		const session = new ImportSession(db, { clock });
		await session.openText('Minsk - capital of Belarus;;Riga - capital of Latvia');
		await session.setTextOptions({ format: 'quizlet', delimiter: '\t' });
		expect(session.error).toMatch(/No cards found/);
		expect(session.plan).toBeNull();
		expect(session.status).toBe('preview');
		expect(session.textPreview?.format).toBe('quizlet');
		await session.setTextOptions({ format: 'quizlet', delimiter: ' - ', cardSeparator: ';;' });
		expect(session.error).toBeNull();
		expect(session.plan?.totals.notes).toBe(2);
		expect(session.plan?.preview[0]?.rendered).toMatchObject({
			questionHtml: 'Minsk',
			answerHtml: 'capital of Belarus'
		});
	});

	it('a bad file gives its specific message and writes nothing', async () => {
		db = freshDb();
		await seedDeck(db);
		const before = await dumpTables(db);
		const session = new ImportSession(db, { clock });
		await session.openFile(new File([new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 1])], 'broken.apkg'));
		expect(session.status).toBe('idle');
		expect(session.error).toMatch(/broken\.apkg/);
		expect(await dumpTables(db)).toEqual(before);
	});

	it('names a pasted deck and plans it again without re-reading', async () => {
		db = freshDb();
		const session = new ImportSession(db, { clock });
		await session.openText('a,b');
		expect(session.deckName).toBe('Pasted text');
		session.deckName = 'Vocabulary';
		await session.replan();
		expect(session.plan?.decks[0]?.deck.title).toBe('Vocabulary');
	});

	it('"Import" tapped while the new deck name is being planned imports under that name', async () => {
		db = freshDb();
		const session = new ImportSession(db, { clock });
		await session.openText('a,b');
		session.deckName = 'Renamed';
		const replanning = session.replan(); // started by the name field losing focus…
		await session.confirm(); // …as the same tap lands on "Import"
		await replanning;
		expect(session.status).toBe('done');
		expect((await db.decks.toArray()).map((d) => d.title)).toEqual(['Renamed']);
	});
});
