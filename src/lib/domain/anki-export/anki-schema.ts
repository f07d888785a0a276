/**
 * Anki's legacy collection (schema 11, `collection.anki2`): the tables as Anki creates them
 * (rslib/src/storage/schema11.sql in ankitects/anki; also the AnkiDroid wiki "Database Structure"),
 * and the JSON that schema 11 keeps in the `col` row (note types, decks, deck options, config).
 * Every Anki since 2.0 imports this layout; newer ones upgrade it on import.
 */
export const SCHEMA_11 = `
CREATE TABLE col (
	id integer primary key, crt integer not null, mod integer not null, scm integer not null,
	ver integer not null, dty integer not null, usn integer not null, ls integer not null,
	conf text not null, models text not null, decks text not null, dconf text not null, tags text not null
);
CREATE TABLE notes (
	id integer primary key, guid text not null, mid integer not null, mod integer not null,
	usn integer not null, tags text not null, flds text not null, sfld integer not null,
	csum integer not null, flags integer not null, data text not null
);
CREATE TABLE cards (
	id integer primary key, nid integer not null, did integer not null, ord integer not null,
	mod integer not null, usn integer not null, type integer not null, queue integer not null,
	due integer not null, ivl integer not null, factor integer not null, reps integer not null,
	lapses integer not null, left integer not null, odue integer not null, odid integer not null,
	flags integer not null, data text not null
);
CREATE TABLE revlog (
	id integer primary key, cid integer not null, usn integer not null, ease integer not null,
	ivl integer not null, lastIvl integer not null, factor integer not null, time integer not null,
	type integer not null
);
CREATE TABLE graves (usn integer not null, oid integer not null, type integer not null);
CREATE INDEX ix_notes_usn on notes (usn);
CREATE INDEX ix_cards_usn on cards (usn);
CREATE INDEX ix_revlog_usn on revlog (usn);
CREATE INDEX ix_cards_nid on cards (nid);
CREATE INDEX ix_cards_sched on cards (did, queue, due);
CREATE INDEX ix_revlog_cid on revlog (cid);
CREATE INDEX ix_notes_csum on notes (csum);
`;

/** Fixed ids: importing a second Kartka deck into Anki reuses the same three note types. */
export const NOTETYPE_IDS = {
	basic: 1_733_000_000_001,
	reversible: 1_733_000_000_002,
	cloze: 1_733_000_000_003
};
export type ExportKind = keyof typeof NOTETYPE_IDS;

/** Field names by note type; the templates are Anki's stock ones, so Anki and our importer both know them. */
export const FIELDS: Record<ExportKind, string[]> = {
	basic: ['Front', 'Back', 'Source', 'Explanation'],
	reversible: ['Front', 'Back', 'Source', 'Explanation'],
	cloze: ['Text', 'Extra', 'Source', 'Explanation']
};

const CSS =
	'.card { font-family: arial; font-size: 20px; text-align: center; color: black; background-color: white; }\n.cloze { font-weight: bold; color: blue; }';

function template(name: string, ord: number, qfmt: string, afmt: string) {
	return { name, ord, qfmt, afmt, did: null, bqfmt: '', bafmt: '' };
}

function field(name: string, ord: number) {
	return { name, ord, sticky: false, rtl: false, font: 'Arial', size: 20, media: [] };
}

export function notetypesJson(deckId: number, nowSecs: number): string {
	const base = (kind: ExportKind, name: string, type: 0 | 1, tmpls: unknown[], req: unknown[]) => ({
		id: NOTETYPE_IDS[kind],
		name,
		type,
		mod: nowSecs,
		usn: -1,
		sortf: 0,
		did: deckId,
		tmpls,
		flds: FIELDS[kind].map(field),
		css: CSS,
		latexPre:
			'\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage[utf8]{inputenc}\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n',
		latexPost: '\\end{document}',
		latexsvg: false,
		req,
		tags: [],
		vers: []
	});
	const forward = template('Card 1', 0, '{{Front}}', '{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}');
	const backward = template('Card 2', 1, '{{Back}}', '{{FrontSide}}\n\n<hr id=answer>\n\n{{Front}}');
	const cloze = template('Cloze', 0, '{{cloze:Text}}', '{{cloze:Text}}<br>\n{{Extra}}');
	return JSON.stringify({
		[NOTETYPE_IDS.basic]: base('basic', 'Kartka Basic', 0, [forward], [[0, 'any', [0]]]),
		[NOTETYPE_IDS.reversible]: base(
			'reversible',
			'Kartka Basic (and reversed card)',
			0,
			[forward, backward],
			[
				[0, 'any', [0]],
				[1, 'any', [1]]
			]
		),
		[NOTETYPE_IDS.cloze]: base('cloze', 'Kartka Cloze', 1, [cloze], [[0, 'any', [0]]])
	});
}

function deck(id: number, name: string, desc: string, nowSecs: number) {
	return {
		id,
		name,
		desc,
		mod: nowSecs,
		usn: -1,
		dyn: 0,
		conf: 1,
		collapsed: false,
		browserCollapsed: false,
		extendNew: 10,
		extendRev: 50,
		newToday: [0, 0],
		revToday: [0, 0],
		lrnToday: [0, 0],
		timeToday: [0, 0]
	};
}

export function decksJson(deckId: number, name: string, desc: string, nowSecs: number): string {
	return JSON.stringify({ 1: deck(1, 'Default', '', nowSecs), [deckId]: deck(deckId, name, desc, nowSecs) });
}

export function deckOptionsJson(nowSecs: number): string {
	return JSON.stringify({
		1: {
			id: 1,
			name: 'Default',
			mod: nowSecs,
			usn: -1,
			maxTaken: 60,
			autoplay: true,
			timer: 0,
			replayq: true,
			dyn: false,
			new: { delays: [1, 10], ints: [1, 4, 7], initialFactor: 2500, order: 1, perDay: 20, bury: true },
			lapse: { delays: [10], mult: 0, minInt: 1, leechFails: 8, leechAction: 0 },
			rev: { perDay: 200, ease4: 1.3, fuzz: 0.05, ivlFct: 1, maxIvl: 36500, bury: true, hardFactor: 1.2 }
		}
	});
}

export function configJson(deckId: number): string {
	return JSON.stringify({
		nextPos: 1,
		estTimes: true,
		activeDecks: [deckId],
		sortType: 'noteFld',
		timeLim: 0,
		sortBackwards: false,
		addToCur: true,
		curDeck: deckId,
		newSpread: 0,
		dueCounts: true,
		curModel: NOTETYPE_IDS.basic,
		collapseTime: 1200
	});
}
