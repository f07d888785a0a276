/**
 * Builders for Anki packages in tests: zips (fflate), the modern `collection.anki21b` layout (zstd via the
 * reference encoder, protobuf configs, \x1f deck names, `unicase` collations as Anki writes them), made
 * from the real legacy collections in ../shared/fixtures/anki/.
 */
import { readFileSync } from 'node:fs';
import { unzipSync, zipSync, type Zippable } from 'fflate';
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import { ZstdCodec } from 'zstd-codec';

export const ANKI_FIXTURES = '../shared/fixtures/anki';

export function ankiFixture(name: string): Uint8Array {
	return new Uint8Array(readFileSync(`${ANKI_FIXTURES}/${name}`));
}

let sql: Promise<SqlJsStatic> | undefined;
export const loadSql = () => (sql ??= initSqlJs());

export function zip(entries: Record<string, Uint8Array>, level: 0 | 6 | 9 = 6): Uint8Array {
	const z: Zippable = {};
	// A fixed date keeps generated fixtures byte-for-byte reproducible.
	for (const [k, v] of Object.entries(entries))
		z[k] = [v, { level, mtime: new Date('2024-01-01T00:00:00Z') }];
	return zipSync(z);
}

export function unzip(bytes: Uint8Array): Record<string, Uint8Array> {
	return unzipSync(bytes);
}

let codec: Promise<{ compress(data: Uint8Array, level?: number): Uint8Array | null }> | undefined;
export async function zstd(data: Uint8Array): Promise<Uint8Array> {
	codec ??= new Promise((ok) => ZstdCodec.run((z) => ok(new z.Simple())));
	const out = (await codec).compress(data, 3);
	if (!out) throw new Error('zstd compression failed');
	return out;
}

// --- protobuf writing (the reader under test lives in src/lib/domain/import/protobuf-reader.ts) ---
function varint(n: number): number[] {
	const out: number[] = [];
	while (n > 127) {
		out.push((n % 128) | 128);
		n = Math.floor(n / 128);
	}
	out.push(n);
	return out;
}
const enc = new TextEncoder();
export function pbBytes(field: number, data: Uint8Array): number[] {
	return [...varint(field * 8 + 2), ...varint(data.length), ...data];
}
export const pbString = (field: number, s: string) => pbBytes(field, enc.encode(s));
export const pbVarint = (field: number, n: number) => [...varint(field * 8), ...varint(n)];
export const pb = (...parts: number[][]) => new Uint8Array(parts.flat());

/** MediaEntries { repeated MediaEntry entries = 1 } with MediaEntry { name = 1; size = 2; sha1 = 3 }. */
export function mediaEntries(files: { name: string; size: number }[]): Uint8Array {
	return pb(
		...files.map((f) =>
			pbBytes(1, pb(pbString(1, f.name), pbVarint(2, f.size), pbBytes(3, new Uint8Array(20))))
		)
	);
}

interface LegacyModel {
	name: string;
	type: number;
	flds: { name: string; ord: number }[];
	tmpls: { name: string; ord: number; qfmt: string; afmt: string }[];
}

/** Rewrites a schema-11 collection the way Anki 2.1.50+ stores it (schema 18). */
export async function toModernSchema(legacy: Uint8Array): Promise<Uint8Array> {
	const SQL = await loadSql();
	const db = new SQL.Database(legacy);
	const [[modelsJson, decksJson]] = db.exec('SELECT models, decks FROM col')[0]!.values as [[string, string]];
	const models = JSON.parse(modelsJson) as Record<string, LegacyModel>;
	const decks = JSON.parse(decksJson) as Record<string, { name: string }>;
	db.run(`
		CREATE TABLE notetypes (id integer NOT NULL PRIMARY KEY, name text NOT NULL COLLATE nocase, mtime_secs integer NOT NULL, usn integer NOT NULL, config blob NOT NULL);
		CREATE TABLE fields (ntid integer NOT NULL, ord integer NOT NULL, name text NOT NULL COLLATE nocase, config blob NOT NULL, PRIMARY KEY (ntid, ord)) WITHOUT ROWID;
		CREATE TABLE templates (ntid integer NOT NULL, ord integer NOT NULL, name text NOT NULL COLLATE nocase, mtime_secs integer NOT NULL, usn integer NOT NULL, config blob NOT NULL, PRIMARY KEY (ntid, ord)) WITHOUT ROWID;
		CREATE TABLE decks (id integer PRIMARY KEY NOT NULL, name text NOT NULL COLLATE nocase, mtime_secs integer NOT NULL, usn integer NOT NULL, common blob NOT NULL, kind blob NOT NULL);
	`);
	for (const [id, m] of Object.entries(models)) {
		// Notetype.Config { kind = 1; sort_field_idx = 2; css = 3; other = 255 }: unknown fields must be skipped.
		const config = pb(
			pbVarint(1, m.type),
			pbVarint(2, 0),
			pbString(3, '.card { color: black }'),
			pbBytes(255, new Uint8Array([1, 2, 3]))
		);
		db.run('INSERT INTO notetypes VALUES (?, ?, 0, 0, ?)', [Number(id), m.name, config]);
		for (const f of m.flds)
			db.run('INSERT INTO fields VALUES (?, ?, ?, ?)', [
				Number(id),
				f.ord,
				f.name,
				pb(pbVarint(1, 0), pbString(3, 'Arial'))
			]);
		for (const t of m.tmpls) {
			// Template.Config { q_format = 1; a_format = 2; q_format_browser = 3; target_deck_id = 5 }
			const tc = pb(pbString(1, t.qfmt), pbString(2, t.afmt), pbString(3, ''), pbVarint(5, 0));
			db.run('INSERT INTO templates VALUES (?, ?, ?, 0, 0, ?)', [Number(id), t.ord, t.name, tc]);
		}
	}
	for (const [id, d] of Object.entries(decks)) {
		db.run('INSERT INTO decks VALUES (?, ?, 0, 0, ?, ?)', [
			Number(id),
			d.name.split('::').join('\x1f'),
			new Uint8Array(),
			new Uint8Array()
		]);
	}
	db.run(`UPDATE col SET models = '', decks = '', ver = 18`);
	// Anki declares its own `unicase` collation, which sql.js does not have: the reader must cope.
	db.run('PRAGMA writable_schema = ON');
	db.run(
		`UPDATE sqlite_master SET sql = replace(sql, 'COLLATE nocase', 'COLLATE unicase') WHERE name IN ('notetypes', 'fields', 'templates', 'decks')`
	);
	db.run('PRAGMA writable_schema = OFF');
	const out = db.export();
	db.close();
	return out;
}

export function collectionOf(apkg: Uint8Array): Uint8Array {
	const files = unzip(apkg);
	const col = files['collection.anki21'] ?? files['collection.anki2'];
	if (!col) throw new Error('no collection in fixture');
	return col;
}

/**
 * A modern package: collection.anki21b (zstd), a dummy legacy collection.anki2 beside it (as Anki writes),
 * `meta` (PackageMetadata { version = 3 }), a zstd protobuf media map and zstd-compressed media files.
 */
export async function buildAnki21b(opts: {
	collection: Uint8Array;
	dummyLegacy?: Uint8Array;
	media?: { name: string; bytes: Uint8Array }[];
}): Promise<Uint8Array> {
	const media = opts.media ?? [];
	const entries: Record<string, Uint8Array> = {
		'collection.anki21b': await zstd(opts.collection),
		meta: pb(pbVarint(1, 3)),
		media: await zstd(mediaEntries(media.map((m) => ({ name: m.name, size: m.bytes.length }))))
	};
	if (opts.dummyLegacy) entries['collection.anki2'] = opts.dummyLegacy;
	for (const [i, m] of media.entries()) entries[String(i)] = await zstd(m.bytes);
	return zip(entries, 0);
}
