/**
 * The .apkg export: read back by our own Anki importer (same notes, cards, tags, review history), and
 * its SQLite tables checked column by column against Anki's documented schema 11 and a real Anki file.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import type { Database } from 'sql.js';
import { buildApkg, type ApkgInput } from '$lib/domain/anki-export/apkg-writer';
import { apkgNotes, apkgReviews } from '$lib/domain/anki-export/from-kartka';
import { sha1Hex } from '$lib/domain/anki-export/sha1';
import { cardOrdinals } from '$lib/domain/card-render';
import { parseImport } from '$lib/domain/import/parse-import';
import type { NoteRow, ReviewLogRow } from '$lib/domain/model';
import { newCardSchedule, CardState } from '$lib/domain/schedule';
import { ankiFixture, collectionOf, loadSql } from '../import/anki-builders';

const NOW = Date.UTC(2026, 0, 15, 12);

function note(
	id: string,
	kind: NoteRow['kind'],
	fields: Record<string, string>,
	extra: Partial<NoteRow> = {}
): NoteRow {
	return {
		id: `deck/${id}`,
		deckId: 'deck',
		key: id,
		kind,
		fields,
		tags: [],
		position: 0,
		updatedMs: NOW - 1000,
		...extra
	};
}

const NOTES: NoteRow[] = [
	note(
		'd-1994',
		'cloze',
		{
			text: 'After his {{c1::1994}} election victory, {{c2::Lukashenka}} strengthened ties.',
			extra: 'Russia paid.'
		},
		{
			tags: ['date', 'belarus::dates'],
			sourceQuote: 'After his 1994 election victory, Lukashenka strengthened ties with Russia',
			explanation: 'Subsidies paid for social programs.'
		}
	),
	note(
		'a-putin',
		'reversible',
		{ front: 'Vladimir Putin', back: "Russia's <b>leader</b>" },
		{ tags: ['actor'] }
	),
	note(
		'f-20',
		'basic',
		{ front: 'What was worth 20% of GDP?', back: 'Russian subsidies' },
		{ tags: ['figure'], sourceQuote: 'subsidies worth 20% of GDP' }
	)
];

function review(
	cardId: string,
	reviewedMs: number,
	rating: 1 | 2 | 3 | 4,
	kind: ReviewLogRow['kind'] = 'review'
): ReviewLogRow {
	const before = newCardSchedule(NOW - 10 * 86_400_000);
	const after = {
		...before,
		state: CardState.Review,
		scheduledDays: 3,
		dueMs: reviewedMs + 3 * 86_400_000,
		reps: 1
	};
	return {
		cardId,
		noteId: cardId.split('#')[0]!,
		deckId: 'deck',
		rating,
		kind,
		reviewedMs,
		studyDay: 0,
		durationMs: 4200,
		before,
		after,
		afterRev: 1
	};
}

const LOGS: ReviewLogRow[] = [
	review('deck/d-1994#1', NOW - 5 * 86_400_000, 3),
	review('deck/d-1994#2', NOW - 5 * 86_400_000, 1),
	review('deck/a-putin#1', NOW - 4 * 86_400_000, 4),
	review('deck/f-20#0', NOW - 3 * 86_400_000, 2, 'practice')
];

function input(withReviews: boolean): ApkgInput {
	const { notes, cards } = apkgNotes(NOTES);
	return {
		deckKey: 'deck',
		deckName: 'Belarus · dates',
		description: 'Made in Kartka',
		notes,
		reviews: withReviews ? apkgReviews(LOGS, cards) : undefined,
		nowMs: NOW
	};
}

async function openCollection(apkg: Uint8Array): Promise<Database> {
	const SQL = await loadSql();
	return new SQL.Database(unzipSync(apkg)['collection.anki2']!);
}

describe('.apkg export read back by our importer', () => {
	it('gives the same notes, cards, tags, source quotes and review history', async () => {
		const SQL = await loadSql();
		const out = buildApkg(SQL, input(true));
		expect(out).toMatchObject({ notes: 3, cards: 5, reviews: 3 });
		const col = await parseImport(out.bytes, { fileName: 'deck.apkg', withReviews: true });
		expect(col.format).toBe('apkg-anki2');
		expect(col.title).toBe('Belarus · dates');
		const byKey = new Map(col.notes.map((n) => [n.key, n]));
		for (const n of NOTES) {
			const back = byKey.get(`kartka:deck:${n.key}`);
			expect(back, n.key).toBeDefined();
			expect(back!.kind).toBe(n.kind);
			expect(back!.tags.sort()).toEqual([...n.tags].sort());
			expect(cardOrdinals(back!.kind, back!.fields)).toEqual(cardOrdinals(n.kind, n.fields));
			for (const [k, v] of Object.entries(n.fields)) expect(back!.fields[k], `${n.key}.${k}`).toBe(v);
			expect(back!.sourceQuote).toBe(n.sourceQuote);
			expect(back!.explanation).toBe(n.explanation);
		}
		const reviews = col.reviews.map((r) => [r.noteKey, r.ord, r.reviewedMs, r.rating, r.durationMs]);
		expect(reviews).toEqual([
			['kartka:deck:d-1994', 1, NOW - 5 * 86_400_000, 3, 4200],
			['kartka:deck:d-1994', 2, NOW - 5 * 86_400_000 + 1, 1, 4200],
			['kartka:deck:a-putin', 1, NOW - 4 * 86_400_000, 4, 4200]
		]);
	});

	it('writes no review history unless asked', async () => {
		const SQL = await loadSql();
		const out = buildApkg(SQL, input(false));
		expect(out.reviews).toBe(0);
		const col = await parseImport(out.bytes, { fileName: 'deck.apkg', withReviews: true });
		expect(col.reviews).toEqual([]);
	});

	it('keeps the source quote and explanation in their own fields', async () => {
		const SQL = await loadSql();
		const db = await openCollection(buildApkg(SQL, input(false)).bytes);
		const models = JSON.parse(db.exec('SELECT models FROM col')[0]!.values[0]![0] as string) as Record<
			string,
			{ name: string; type: number; flds: { name: string }[] }
		>;
		expect(Object.values(models).map((m) => [m.name, m.type, m.flds.map((f) => f.name)])).toEqual([
			['Kartka Basic', 0, ['Front', 'Back', 'Source', 'Explanation']],
			['Kartka Basic (and reversed card)', 0, ['Front', 'Back', 'Source', 'Explanation']],
			['Kartka Cloze', 1, ['Text', 'Extra', 'Source', 'Explanation']]
		]);
		const [flds, tags] = db.exec("SELECT flds, tags FROM notes WHERE guid = 'kartka:deck:d-1994'")[0]!
			.values[0] as [string, string];
		expect(flds.split('\x1f')).toEqual([
			NOTES[0]!.fields.text,
			'Russia paid.',
			'After his 1994 election victory, Lukashenka strengthened ties with Russia',
			'Subsidies paid for social programs.'
		]);
		expect(tags).toBe(' date belarus::dates ');
		db.close();
	});

	it('turns notes with their own templates into one basic note per card', () => {
		const templated = note('t', 'templated', { q0: 'Q one', a0: 'A one', q2: 'Q three', a2: 'A three' });
		const { notes, cards } = apkgNotes([templated]);
		expect(notes.map((n) => [n.key, n.kind, n.fields.front, n.fields.back])).toEqual([
			['t-0', 'basic', 'Q one', 'A one'],
			['t-2', 'basic', 'Q three', 'A three']
		]);
		expect(cards.get('deck/t#2')).toEqual({ noteKey: 't-2', ord: 0 });
	});
});

/** rslib/src/storage/schema11.sql (ankitects/anki): name, type, not null, primary key, column by column. */
const ANKI_SCHEMA_11: Record<string, Array<[string, string, number, number]>> = {
	col: [
		['id', 'integer', 0, 1],
		['crt', 'integer', 1, 0],
		['mod', 'integer', 1, 0],
		['scm', 'integer', 1, 0],
		['ver', 'integer', 1, 0],
		['dty', 'integer', 1, 0],
		['usn', 'integer', 1, 0],
		['ls', 'integer', 1, 0],
		['conf', 'text', 1, 0],
		['models', 'text', 1, 0],
		['decks', 'text', 1, 0],
		['dconf', 'text', 1, 0],
		['tags', 'text', 1, 0]
	],
	notes: [
		['id', 'integer', 0, 1],
		['guid', 'text', 1, 0],
		['mid', 'integer', 1, 0],
		['mod', 'integer', 1, 0],
		['usn', 'integer', 1, 0],
		['tags', 'text', 1, 0],
		['flds', 'text', 1, 0],
		['sfld', 'integer', 1, 0],
		['csum', 'integer', 1, 0],
		['flags', 'integer', 1, 0],
		['data', 'text', 1, 0]
	],
	cards: [
		['id', 'integer', 0, 1],
		['nid', 'integer', 1, 0],
		['did', 'integer', 1, 0],
		['ord', 'integer', 1, 0],
		['mod', 'integer', 1, 0],
		['usn', 'integer', 1, 0],
		['type', 'integer', 1, 0],
		['queue', 'integer', 1, 0],
		['due', 'integer', 1, 0],
		['ivl', 'integer', 1, 0],
		['factor', 'integer', 1, 0],
		['reps', 'integer', 1, 0],
		['lapses', 'integer', 1, 0],
		['left', 'integer', 1, 0],
		['odue', 'integer', 1, 0],
		['odid', 'integer', 1, 0],
		['flags', 'integer', 1, 0],
		['data', 'text', 1, 0]
	],
	revlog: [
		['id', 'integer', 0, 1],
		['cid', 'integer', 1, 0],
		['usn', 'integer', 1, 0],
		['ease', 'integer', 1, 0],
		['ivl', 'integer', 1, 0],
		['lastIvl', 'integer', 1, 0],
		['factor', 'integer', 1, 0],
		['time', 'integer', 1, 0],
		['type', 'integer', 1, 0]
	]
};

function columns(db: Database, table: string): Array<[string, string, number, number]> {
	return db
		.exec(`PRAGMA table_info(${table})`)[0]!
		.values.map(([, name, type, notnull, , pk]) => [
			String(name),
			String(type).toLowerCase(),
			Number(notnull),
			Number(pk)
		]);
}

describe('.apkg export schema', () => {
	it('matches Anki’s col, notes, cards and revlog tables column by column (documented and in a real Anki file)', async () => {
		const SQL = await loadSql();
		const ours = await openCollection(buildApkg(SQL, input(true)).bytes);
		const real = new SQL.Database(collectionOf(ankiFixture('update1.apkg')));
		for (const table of Object.keys(ANKI_SCHEMA_11)) {
			expect(columns(ours, table), table).toEqual(ANKI_SCHEMA_11[table]);
			expect(columns(real, table), `${table} in update1.apkg`).toEqual(ANKI_SCHEMA_11[table]);
		}
		expect(ours.exec('SELECT ver FROM col')[0]!.values[0]![0]).toBe(11);
		ours.close();
		real.close();
	});

	it('stores Anki’s checksum of the sort field and valid card and revlog rows', async () => {
		expect(sha1Hex('Vladimir Putin')).toBe(createHash('sha1').update('Vladimir Putin').digest('hex'));
		expect(sha1Hex('ü'.repeat(100))).toBe(createHash('sha1').update('ü'.repeat(100)).digest('hex'));
		const SQL = await loadSql();
		const db = await openCollection(buildApkg(SQL, input(true)).bytes);
		for (const [sfld, csum] of db.exec('SELECT sfld, csum FROM notes')[0]!.values) {
			expect(csum).toBe(parseInt(createHash('sha1').update(String(sfld)).digest('hex').slice(0, 8), 16));
		}
		const cards = db.exec(
			'SELECT c.ord, c.type, c.queue, n.mid FROM cards c JOIN notes n ON n.id = c.nid ORDER BY c.id'
		)[0]!.values;
		expect(cards.map((c) => c[0])).toEqual([0, 1, 0, 1, 0]);
		expect(cards.every((c) => c[1] === 0 && c[2] === 0)).toBe(true);
		const revlog = db.exec('SELECT ease, ivl, type, time FROM revlog ORDER BY id')[0]!.values;
		expect(revlog).toEqual([
			[3, 3, 0, 4200],
			[1, 3, 0, 4200],
			[4, 3, 0, 4200]
		]);
		const decks = JSON.parse(db.exec('SELECT decks FROM col')[0]!.values[0]![0] as string) as Record<
			string,
			{ name: string }
		>;
		expect(Object.values(decks).map((d) => d.name)).toEqual(['Default', 'Belarus · dates']);
		db.close();
	});
});
