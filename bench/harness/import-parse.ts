// Parses a 10,000-row CSV and a 20,000-note Anki package (built here with sql.js + fflate) through the
// real parse worker (src/lib/services/import/parse.worker.ts, sql.js wasm via Vite ?url), and in the page
// for comparison; also checks that cancelling rejects promptly.
import initSqlJs from 'sql.js';
import wasmUrl from 'sql.js/dist/sql-wasm.wasm?url';
import { zipSync } from 'fflate';
import { parseImport } from '$lib/domain/import/parse-import';
import { parseWithWorker } from '$lib/services/import/parse-worker-client';

const w = window as unknown as { __benchResult: unknown; __benchDone: boolean };
const params = new URLSearchParams(location.search);
const ROWS = Number(params.get('rows') ?? 10_000);
const NOTES = Number(params.get('notes') ?? 20_000);

function csv(rows: number): Uint8Array {
	const lines = ['front,back,tags'];
	for (let i = 0; i < rows; i++)
		lines.push(
			`"Question number ${i}, about topic ${i % 97}?","Answer ${i}: <b>${(i * 7919) % 10007}</b>",unit-${i % 12}`
		);
	return new TextEncoder().encode(lines.join('\n'));
}

async function apkg(notes: number): Promise<Uint8Array> {
	const SQL = await initSqlJs({ locateFile: () => wasmUrl });
	const db = new SQL.Database();
	const ANS = '{{FrontSide}}\n\n<hr id=answer>\n\n';
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
				{ name: 'Back Extra', ord: 1 }
			],
			tmpls: [{ name: 'Cloze', ord: 0, qfmt: '{{cloze:Text}}', afmt: '{{cloze:Text}}<br>\n{{Back Extra}}' }]
		},
		'3': {
			id: 3,
			name: 'Vocab',
			type: 0,
			flds: [
				{ name: 'Word', ord: 0 },
				{ name: 'Meaning', ord: 1 },
				{ name: 'Example', ord: 2 }
			],
			tmpls: [
				{
					name: 'Recognise',
					ord: 0,
					qfmt: '<div class=word>{{Word}}</div>',
					afmt: `${ANS}{{Meaning}}{{#Example}}<br><i>{{Example}}</i>{{/Example}}`
				},
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
		JSON.stringify({ '1': { name: 'Bench' }, '2': { name: 'Bench::Sub' } }),
		'{}',
		'{}'
	]);
	db.run('BEGIN');
	const note = db.prepare('INSERT INTO notes VALUES (?, ?, ?, 0, 0, ?, ?, ?, 0, 0, ?)');
	const card = db.prepare(
		'INSERT INTO cards VALUES (?, ?, ?, ?, 0, 0, 2, 2, 0, 10, 2500, 3, 0, 0, 0, 0, 0, ?)'
	);
	const rev = db.prepare('INSERT INTO revlog VALUES (?, ?, 0, ?, 1, 0, 2500, 4000, 1)');
	let cid = 1;
	let rid = 1_600_000_000_000;
	for (let i = 1; i <= notes; i++) {
		const kind = i % 4; // 0,1: Basic, 2: Cloze, 3: Vocab (two templates)
		const mid = kind === 2 ? 2 : kind === 3 ? 3 : 1;
		const flds =
			mid === 1
				? `Question ${i}?\x1fAnswer ${i}`
				: mid === 2
					? `Fact {{c1::${i}}} is {{c2::number ${i}}}\x1fextra ${i}`
					: `word${i}\x1fmeaning ${i}\x1f${i % 2 ? `example ${i}` : ''}`;
		note.run([i, `g${i}`, mid, ` t${i % 10} bench `, flds, '', '']);
		const ords = mid === 1 ? [0] : [0, 1];
		for (const ord of ords) {
			card.run([cid, i, i % 3 ? 1 : 2, ord, '']);
			if (i % 5 === 0) for (let r = 0; r < 3; r++) rev.run([rid++, cid, 1 + ((i + r) % 4)]);
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

async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
	const t = performance.now();
	const v = await fn();
	return [performance.now() - t, v];
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

try {
	const csvBytes = csv(ROWS);
	const [buildMs, apkgBytes] = await timed(() => apkg(NOTES));
	const csvWorker: number[] = [];
	const apkgWorker: number[] = [];
	let csvNotes = 0;
	let apkgNotes = 0;
	let apkgReviews = 0;
	for (let run = 0; run < 3; run++) {
		const [a, c1] = await timed(() => parseWithWorker(csvBytes, { fileName: 'bench.csv' }));
		csvWorker.push(a);
		csvNotes = c1.notes.length;
		const [b, c2] = await timed(() => parseWithWorker(apkgBytes, { fileName: 'bench.apkg' }));
		apkgWorker.push(b);
		apkgNotes = c2.notes.length;
		apkgReviews = c2.reviews.length;
	}
	const loadSqlJs = () => initSqlJs({ locateFile: () => wasmUrl });
	const [csvPage] = await timed(() => parseImport(csvBytes, { fileName: 'bench.csv' }));
	const [apkgPage] = await timed(() => parseImport(apkgBytes, { fileName: 'bench.apkg', loadSqlJs }));
	// Cancel: abort 30 ms into a package parse; the promise must reject with 'cancelled' at once.
	const ctl = new AbortController();
	const started = performance.now();
	const cancelled = parseWithWorker(apkgBytes, { fileName: 'bench.apkg', signal: ctl.signal }).then(
		() => 'completed',
		(e: { code?: string }) => e.code ?? 'error'
	);
	setTimeout(() => ctl.abort(), 30);
	const cancelOutcome = await cancelled;
	const cancelMs = performance.now() - started;
	w.__benchResult = {
		rows: ROWS,
		notes: NOTES,
		apkgBytes: apkgBytes.length,
		buildMs,
		csvNotes,
		apkgNotes,
		apkgReviews,
		csvWorkerMs: median(csvWorker),
		apkgWorkerFirstMs: apkgWorker[0],
		apkgWorkerMs: median(apkgWorker),
		csvPageMs: csvPage,
		apkgPageMs: apkgPage,
		cancelOutcome,
		cancelMs
	};
} catch (e) {
	w.__benchResult = { error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
}
w.__benchDone = true;
