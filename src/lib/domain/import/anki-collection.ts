/**
 * Reads an Anki collection (SQLite, via sql.js) into plain rows. Handles both schemas: legacy (schema 11:
 * note types and decks as JSON in the `col` table) and modern (schema 15+: `notetypes`, `fields`,
 * `templates`, `decks` tables with protobuf configs, deck names joined by \x1f).
 */
import { errorMessage } from '../errors';
import type { Database, SqlJsStatic, SqlValue } from 'sql.js';
import { IMPORT_LIMITS, ImportError } from './import-model';
import { protoNumber, protoString, readProtoFields } from './protobuf-reader';

interface AnkiTemplate {
	ord: number;
	name: string;
	qfmt: string;
	afmt: string;
}

export interface AnkiNotetype {
	id: number;
	name: string;
	cloze: boolean;
	/** Field names by ordinal. */
	fields: string[];
	templates: AnkiTemplate[];
}

export interface AnkiNoteRow {
	id: number;
	guid: string;
	mid: number;
	tags: string[];
	fields: string[];
}

interface AnkiCardRow {
	id: number;
	nid: number;
	ord: number;
	did: number;
}

interface AnkiRevlogRow {
	cid: number;
	reviewedMs: number;
	ease: number;
	timeMs: number;
	type: number;
}

export interface AnkiCollection {
	notetypes: Map<number, AnkiNotetype>;
	decks: Map<number, string>;
	notes: AnkiNoteRow[];
	cards: AnkiCardRow[];
	revlog: AnkiRevlogRow[];
}

function rows(db: Database, sql: string): SqlValue[][] {
	const res = db.exec(sql);
	return res[0]?.values ?? [];
}

function hasTable(db: Database, name: string): boolean {
	return rows(db, `SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '${name}'`).length > 0;
}

/** Every name this reader queries. */
const READ_TABLES = ['notes', 'cards', 'col', 'revlog', 'notetypes', 'fields', 'templates', 'decks'];

/**
 * A view (or trigger-backed object) under one of those names could run any query, such as a recursive CTE
 * that never ends inside sql.js, where no time budget can interrupt it. Anki only ever writes tables.
 */
function refuseViews(db: Database, what: string): void {
	const names = READ_TABLES.map((t) => `'${t}'`).join(', ');
	const views = rows(db, `SELECT name FROM sqlite_master WHERE type != 'table' AND name IN (${names})`);
	if (views.length > 0) {
		throw new ImportError(
			'sqlite-view',
			`${what} is not a real Anki collection: "${str(views[0]![0])}" is a view, not a table, so Kartka does not read it.`
		);
	}
	// Generated columns are computed on every read (an expression may build a gigabyte string): Anki has none.
	for (const t of READ_TABLES) {
		if (!hasTable(db, t)) continue;
		if (rows(db, `SELECT 1 FROM pragma_table_xinfo('${t}') WHERE hidden >= 2`).length > 0) {
			throw new ImportError(
				'sqlite-view',
				`${what} is not a real Anki collection: the "${t}" table computes some of its columns, so Kartka does not read it.`
			);
		}
	}
}

const num = (v: SqlValue | undefined) => (typeof v === 'number' ? v : Number(v ?? 0));
const str = (v: SqlValue | undefined) =>
	typeof v === 'string'
		? v
		: v instanceof Uint8Array
			? new TextDecoder().decode(v)
			: v == null
				? ''
				: String(v);
const blob = (v: SqlValue | undefined) => (v instanceof Uint8Array ? v : new Uint8Array());

interface LegacyModel {
	id?: number | string;
	name?: string;
	type?: number;
	flds?: { name?: string; ord?: number }[];
	tmpls?: { name?: string; ord?: number; qfmt?: string; afmt?: string }[];
}

function legacyNotetypes(db: Database): Map<number, AnkiNotetype> {
	const json = str(rows(db, 'SELECT models FROM col')[0]?.[0]);
	const out = new Map<number, AnkiNotetype>();
	if (!json.trim()) return out;
	const models = JSON.parse(json) as Record<string, LegacyModel>;
	for (const [id, m] of Object.entries(models)) {
		const flds = [...(m.flds ?? [])].sort((a, b) => (a.ord ?? 0) - (b.ord ?? 0));
		out.set(Number(id), {
			id: Number(id),
			name: m.name ?? 'Note type',
			cloze: m.type === 1,
			fields: flds.map((f) => f.name ?? ''),
			templates: (m.tmpls ?? []).map((t, i) => ({
				ord: t.ord ?? i,
				name: t.name ?? `Card ${i + 1}`,
				qfmt: t.qfmt ?? '',
				afmt: t.afmt ?? ''
			}))
		});
	}
	return out;
}

function modernNotetypes(db: Database): Map<number, AnkiNotetype> {
	const out = new Map<number, AnkiNotetype>();
	for (const [id, name, config] of rows(db, 'SELECT id, name, config FROM notetypes')) {
		const kind = protoNumber(readProtoFields(blob(config)), 1);
		out.set(num(id), { id: num(id), name: str(name), cloze: kind === 1, fields: [], templates: [] });
	}
	for (const [ntid, ord, name] of rows(db, 'SELECT ntid, ord, name FROM fields ORDER BY ntid, ord')) {
		const nt = out.get(num(ntid));
		if (nt) nt.fields[num(ord)] = str(name);
	}
	for (const [ntid, ord, name, config] of rows(
		db,
		'SELECT ntid, ord, name, config FROM templates ORDER BY ntid, ord'
	)) {
		const fields = readProtoFields(blob(config));
		out.get(num(ntid))?.templates.push({
			ord: num(ord),
			name: str(name),
			qfmt: protoString(fields, 1),
			afmt: protoString(fields, 2)
		});
	}
	for (const nt of out.values()) nt.fields = Array.from(nt.fields, (f) => f ?? '');
	return out;
}

function legacyDecks(db: Database): Map<number, string> {
	const json = str(rows(db, 'SELECT decks FROM col')[0]?.[0]);
	const out = new Map<number, string>();
	if (!json.trim()) return out;
	for (const [id, d] of Object.entries(JSON.parse(json) as Record<string, { name?: string }>)) {
		out.set(Number(id), d.name ?? 'Default');
	}
	return out;
}

function modernDecks(db: Database): Map<number, string> {
	return new Map(
		rows(db, 'SELECT id, name FROM decks').map(([id, name]) => [num(id), str(name).split('\x1f').join('::')])
	);
}

/** SQLite in WAL mode (header bytes 18/19 = 2) cannot be opened from memory: mark it as rollback-journal. */
function withoutWal(bytes: Uint8Array): Uint8Array {
	if (bytes[18] !== 2 && bytes[19] !== 2) return bytes;
	const copy = bytes.slice();
	copy[18] = 1;
	copy[19] = 1;
	return copy;
}

/**
 * Modern collections declare Anki's own `unicase` collation on name columns; sql.js cannot register
 * collations, and SQLite refuses to read a WITHOUT ROWID table (fields, templates) that uses an unknown one.
 * Rewrite `collate unicase` to the same-length `collate nocase ` in the schema text, in place (the bytes
 * are our own copy, straight out of the zip). We never sort or search by those names.
 */
function patchUnicase(bytes: Uint8Array): void {
	// One byte per character (Latin-1), so string offsets are byte offsets; the native regex scans fast.
	const text = new TextDecoder('latin1').decode(bytes);
	const replacement = 'nocase '; // as long as 'unicase'
	for (const m of text.matchAll(/collate\s+unicase/gi)) {
		const at = m.index + m[0].length - replacement.length;
		for (let k = 0; k < replacement.length; k++) bytes[at + k] = replacement.charCodeAt(k);
	}
}

const SQLITE_MAGIC = 'SQLite format 3\0';

export function openCollection(SQL: SqlJsStatic, bytes: Uint8Array, what: string): Database {
	const magic = new TextDecoder().decode(bytes.subarray(0, 16));
	if (magic !== SQLITE_MAGIC) {
		throw new ImportError('sqlite-corrupt', `${what} is not an SQLite database: the package is damaged.`);
	}
	try {
		const own = withoutWal(bytes);
		patchUnicase(own);
		const db = new SQL.Database(own);
		rows(db, 'SELECT count(*) FROM sqlite_master');
		return db;
	} catch {
		throw new ImportError('sqlite-corrupt', `${what} is a damaged SQLite database and cannot be read.`);
	}
}

/** Reads everything the import needs; the caller closes `db`. */
export function readCollection(db: Database, what: string, withReviews: boolean): AnkiCollection {
	try {
		refuseViews(db, what);
		for (const t of ['notes', 'cards', 'col']) {
			if (!hasTable(db, t)) {
				throw new ImportError(
					'sqlite-not-anki',
					`${what} is an SQLite database but not an Anki collection (no "${t}" table).`
				);
			}
		}
		const noteCount = num(rows(db, 'SELECT count(*) FROM notes')[0]?.[0]);
		if (noteCount > IMPORT_LIMITS.maxNotes) {
			throw new ImportError(
				'too-many-notes',
				`The package holds ${noteCount} notes; Kartka imports at most ${IMPORT_LIMITS.maxNotes} at once.`
			);
		}
		const cardCount = num(rows(db, 'SELECT count(*) FROM cards')[0]?.[0]);
		if (cardCount > IMPORT_LIMITS.maxNotes * 4) {
			throw new ImportError(
				'too-many-notes',
				`The package holds ${cardCount} cards; Kartka imports at most ${IMPORT_LIMITS.maxNotes * 4} at once.`
			);
		}
		const modern = hasTable(db, 'notetypes');
		const notetypes = modern ? modernNotetypes(db) : legacyNotetypes(db);
		const decks = modern && hasTable(db, 'decks') ? modernDecks(db) : legacyDecks(db);
		const notes = rows(db, 'SELECT id, guid, mid, tags, flds FROM notes ORDER BY id').map(
			([id, guid, mid, tags, flds]) => ({
				id: num(id),
				guid: str(guid),
				mid: num(mid),
				tags: str(tags).split(/\s+/).filter(Boolean),
				fields: str(flds).split('\x1f')
			})
		);
		const cards = rows(db, 'SELECT id, nid, ord, CASE WHEN odid != 0 THEN odid ELSE did END FROM cards').map(
			([id, nid, ord, did]) => ({ id: num(id), nid: num(nid), ord: num(ord), did: num(did) })
		);
		let revlog: AnkiRevlogRow[] = [];
		if (withReviews && hasTable(db, 'revlog')) {
			revlog = rows(
				db,
				`SELECT id, cid, ease, time, type FROM revlog ORDER BY id LIMIT ${IMPORT_LIMITS.maxReviews}`
			).map(([id, cid, ease, time, type]) => ({
				reviewedMs: num(id),
				cid: num(cid),
				ease: num(ease),
				timeMs: num(time),
				type: num(type)
			}));
		}
		return { notetypes, decks, notes, cards, revlog };
	} catch (e) {
		if (e instanceof ImportError) throw e;
		const detail = errorMessage(e);
		throw new ImportError('sqlite-corrupt', `${what} could not be read (${detail}).`);
	}
}
