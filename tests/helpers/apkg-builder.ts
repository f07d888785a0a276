/**
 * Builds small Anki packages for tests from a real legacy collection (update1.apkg: note type "Basic",
 * deck "Default"): its notes and cards are replaced by the given ones, and media are added with the
 * numbered zip entries and `media` map that Anki writes.
 */
import { readFileSync } from 'node:fs';
import { unzipSync, zipSync, strToU8 } from 'fflate';
import initSqlJs from 'sql.js';

export interface BuiltNote {
	guid: string;
	front: string;
	back: string;
	tags?: string;
}

export async function buildApkg(opts: {
	notes: BuiltNote[];
	media?: { name: string; bytes: Uint8Array }[];
	deckName?: string;
	base?: string;
}): Promise<Uint8Array> {
	const base = unzipSync(new Uint8Array(readFileSync(opts.base ?? '../shared/fixtures/anki/update1.apkg')));
	const SQL = await initSqlJs();
	const db = new SQL.Database(base['collection.anki2']!);
	const [[mid]] = db.exec('SELECT mid FROM notes LIMIT 1')[0]!.values as [[number]];
	if (opts.deckName) {
		const [[decksJson]] = db.exec('SELECT decks FROM col')[0]!.values as [[string]];
		const decks = JSON.parse(decksJson) as Record<string, { name: string }>;
		decks['1']!.name = opts.deckName;
		db.run('UPDATE col SET decks = ?', [JSON.stringify(decks)]);
	}
	db.run('DELETE FROM notes');
	db.run('DELETE FROM cards');
	db.run('DELETE FROM revlog');
	db.run('BEGIN');
	const note = db.prepare("INSERT INTO notes VALUES (?, ?, ?, 0, -1, ?, ?, ?, 0, 0, '')");
	const card = db.prepare(
		"INSERT INTO cards VALUES (?, ?, 1, 0, 0, -1, 0, 0, ?, 0, 0, 0, 0, 0, 0, 0, 0, '')"
	);
	opts.notes.forEach((n, i) => {
		const id = 1_500_000_000_000 + i;
		note.run([id, n.guid, mid, ` ${n.tags ?? ''} `, `${n.front}\x1f${n.back}`, n.front.slice(0, 50)]);
		card.run([id, id, i + 1]);
	});
	note.free();
	card.free();
	db.run('COMMIT');
	const collection = db.export();
	db.close();
	const media = opts.media ?? [];
	const entries: Record<string, Uint8Array> = {
		'collection.anki2': collection,
		media: strToU8(JSON.stringify(Object.fromEntries(media.map((m, i) => [String(i), m.name]))))
	};
	media.forEach((m, i) => (entries[String(i)] = m.bytes));
	return zipSync(entries);
}

/** A 2×2 red PNG. */
export const RED_PNG = Uint8Array.from(
	atob(
		'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEklEQVR4nGP4z8DAwMDAxMDAAAAsmgMB4YYRLQAAAABJRU5ErkJggg=='
	),
	(c) => c.charCodeAt(0)
);
