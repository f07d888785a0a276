// The import service end to end in Chromium (parse in the worker, plan against the collection, write in
// one transaction), for a 10,000-row CSV and a 20,000-note Anki package, beside a raw Dexie bulkAdd of
// exactly the rows it wrote (decks, notes, cards; plus review logs for "Import progress").
import initSqlJs from 'sql.js';
import wasmUrl from 'sql.js/dist/sql-wasm.wasm?url';
import { zipSync } from 'fflate';
import { KartkaDB } from '$lib/db/db';
import { planImport } from '$lib/services/import/import-plan';
import { commitImport, parseBytes } from '$lib/services/import/import.service';

const w = window as unknown as { __benchResult: unknown; __benchDone: boolean };
const params = new URLSearchParams(location.search);
const ROWS = Number(params.get('rows') ?? 10_000);
const NOTES = Number(params.get('notes') ?? 20_000);
const RUNS = Number(params.get('runs') ?? 3);
const NOW = Date.UTC(2026, 10, 28, 12);

function csv(rows: number): Uint8Array {
	const lines = ['front,back,tags,id'];
	for (let i = 0; i < rows; i++) {
		lines.push(
			`"Question ${i}, about topic ${i % 97}?","Answer ${i}: <b>${(i * 7919) % 10007}</b>",unit-${i % 12},q${i}`
		);
	}
	return new TextEncoder().encode(lines.join('\n'));
}

/** A legacy-layout package: Basic (1 card), Cloze (2 cards) and a two-template note type, with a revlog. */
async function apkg(notes: number): Promise<Uint8Array> {
	const SQL = await initSqlJs({ locateFile: () => wasmUrl });
	const db = new SQL.Database();
	const ANS = '{{FrontSide}}<hr id=answer>';
	const models = {
		'1': {
			id: 1,
			name: 'Basic',
			type: 0,
			flds: [
				{ name: 'Front', ord: 0 },
				{ name: 'Back', ord: 1 }
			],
			tmpls: [{ name: 'Card 1', ord: 0, qfmt: '{{Front}}', afmt: `${ANS}{{Back}}` }]
		},
		'2': {
			id: 2,
			name: 'Cloze',
			type: 1,
			flds: [
				{ name: 'Text', ord: 0 },
				{ name: 'Extra', ord: 1 }
			],
			tmpls: [{ name: 'Cloze', ord: 0, qfmt: '{{cloze:Text}}', afmt: '{{cloze:Text}}<br>{{Extra}}' }]
		},
		'3': {
			id: 3,
			name: 'Vocab',
			type: 0,
			flds: [
				{ name: 'Word', ord: 0 },
				{ name: 'Meaning', ord: 1 }
			],
			tmpls: [
				{ name: 'Recognise', ord: 0, qfmt: '<div class=word>{{Word}}</div>', afmt: `${ANS}{{Meaning}}` },
				{ name: 'Recall', ord: 1, qfmt: '{{Meaning}}', afmt: `${ANS}{{Word}}` }
			]
		}
	};
	db.run(`CREATE TABLE col (id integer primary key, crt integer, mod integer, scm integer, ver integer, dty integer, usn integer, ls integer, conf text, models text, decks text, dconf text, tags text);
		CREATE TABLE notes (id integer primary key, guid text, mid integer, mod integer, usn integer, tags text, flds text, sfld text, csum integer, flags integer, data text);
		CREATE TABLE cards (id integer primary key, nid integer, did integer, ord integer, mod integer, usn integer, type integer, queue integer, due integer, ivl integer, factor integer, reps integer, lapses integer, left integer, odue integer, odid integer, flags integer, data text);
		CREATE TABLE revlog (id integer primary key, cid integer, usn integer, ease integer, ivl integer, lastIvl integer, factor integer, time integer, type integer);`);
	db.run('INSERT INTO col VALUES (1, 0, 0, 0, 11, 0, 0, 0, ?, ?, ?, ?, ?)', [
		'{}',
		JSON.stringify(models),
		JSON.stringify({ '1': { name: 'Bench' } }),
		'{}',
		'{}'
	]);
	db.run('BEGIN');
	const note = db.prepare('INSERT INTO notes VALUES (?, ?, ?, 0, 0, ?, ?, ?, 0, 0, ?)');
	const card = db.prepare(
		'INSERT INTO cards VALUES (?, ?, 1, ?, 0, 0, 2, 2, 0, 10, 2500, 3, 0, 0, 0, 0, 0, ?)'
	);
	const rev = db.prepare('INSERT INTO revlog VALUES (?, ?, 0, ?, 1, 0, 2500, 4000, 1)');
	let cid = 1;
	let reviewedMs = NOW - 400 * 86_400_000;
	for (let i = 1; i <= notes; i++) {
		const mid = i % 4 === 2 ? 2 : i % 4 === 3 ? 3 : 1;
		const flds =
			mid === 1
				? `Question ${i}?\x1fAnswer <b>${i}</b>`
				: mid === 2
					? `Fact {{c1::${i}}} is {{c2::number ${i}}}\x1fextra ${i}`
					: `word${i}\x1fmeaning ${i}`;
		note.run([i, `g${i}`, mid, ` t${i % 10} bench `, flds, '', '']);
		for (const ord of mid === 1 ? [0] : [0, 1]) {
			card.run([cid, i, ord, '']);
			if (i % 5 === 0) for (let r = 0; r < 3; r++) rev.run([(reviewedMs += 60_000), cid, 1 + ((i + r) % 4)]);
			cid++;
		}
	}
	note.free();
	card.free();
	rev.free();
	db.run('COMMIT');
	const bytes = db.export();
	db.close();
	return zipSync({
		'collection.anki2': [bytes, { level: 6 }],
		media: [new TextEncoder().encode('{}'), { level: 0 }]
	});
}

function deleteDb(name: string): Promise<void> {
	return new Promise((ok, fail) => {
		const req = indexedDB.deleteDatabase(name);
		req.onsuccess = () => ok();
		req.onerror = () => fail(req.error);
	});
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

interface Run {
	totalMs: number;
	parseMs: number;
	planMs: number;
	writeMs: number;
	rawMs: number;
	rows: number;
	notes: number;
	cards: number;
	reviews: number;
}

async function once(bytes: Uint8Array, fileName: string, importProgress: boolean, run: number): Promise<Run> {
	const name = `bench-import-${fileName}-${importProgress}-${run}`;
	const db = new KartkaDB(name);
	await db.open();
	const t0 = performance.now();
	const coll = await parseBytes(bytes, { fileName });
	const t1 = performance.now();
	// As the import screen plans: the history is replayed only when "Import progress" is ticked.
	const plan = await planImport(db, coll, {
		nowMs: NOW,
		source: { kind: 'file', name: fileName },
		withReplays: importProgress
	});
	const t2 = performance.now();
	await commitImport(db, plan, { importProgress });
	const t3 = performance.now();
	// Exactly the rows the import wrote, bulk-added into an empty database.
	const rows = {
		decks: await db.decks.toArray(),
		notes: await db.notes.toArray(),
		cards: await db.cards.toArray(),
		reviewLogs: await db.reviewLogs.toArray()
	};
	db.close();
	await deleteDb(name);
	const raw = new KartkaDB(`${name}-raw`);
	await raw.open();
	const r0 = performance.now();
	await raw.transaction('rw', [raw.decks, raw.notes, raw.cards, raw.reviewLogs], async () => {
		await raw.decks.bulkAdd(rows.decks);
		await raw.notes.bulkAdd(rows.notes);
		await raw.cards.bulkAdd(rows.cards);
		if (rows.reviewLogs.length) await raw.reviewLogs.bulkAdd(rows.reviewLogs);
	});
	const r1 = performance.now();
	raw.close();
	await deleteDb(`${name}-raw`);
	return {
		totalMs: t3 - t0,
		parseMs: t1 - t0,
		planMs: t2 - t1,
		writeMs: t3 - t2,
		rawMs: r1 - r0,
		rows: rows.decks.length + rows.notes.length + rows.cards.length + rows.reviewLogs.length,
		notes: rows.notes.length,
		cards: rows.cards.length,
		reviews: rows.reviewLogs.length
	};
}

async function measure(bytes: Uint8Array, fileName: string, importProgress = false) {
	const runs: Run[] = [];
	for (let i = 0; i < RUNS; i++) runs.push(await once(bytes, fileName, importProgress, i));
	const pick = (k: keyof Run) => median(runs.map((r) => r[k]));
	return {
		totalMs: pick('totalMs'),
		parseMs: pick('parseMs'),
		planMs: pick('planMs'),
		writeMs: pick('writeMs'),
		rawMs: pick('rawMs'),
		rows: runs[0]!.rows,
		notes: runs[0]!.notes,
		cards: runs[0]!.cards,
		reviews: runs[0]!.reviews
	};
}

try {
	const csvBytes = csv(ROWS);
	const apkgBytes = await apkg(NOTES);
	w.__benchResult = {
		rows: ROWS,
		notesWanted: NOTES,
		csv: await measure(csvBytes, 'bench.csv'),
		apkg: await measure(apkgBytes, 'bench.apkg'),
		apkgProgress: await measure(apkgBytes, 'bench.apkg', true)
	};
} catch (e) {
	w.__benchResult = { error: e instanceof Error ? `${e.name}: ${e.message}\n${e.stack}` : String(e) };
}
w.__benchDone = true;
