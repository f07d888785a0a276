/**
 * A Kartka deck → an Anki package (.apkg, legacy `collection.anki2` inside a zip, plus the `media` map):
 * three note types (basic, reversible, cloze) whose fields carry the source quote and the explanation,
 * tags, one card per Kartka card (as new cards), and, when asked, the review history as `revlog`.
 * Pure: sql.js and the clock are passed in.
 */
import { zipSync, type Zippable } from 'fflate';
import type { SqlJsStatic } from 'sql.js';
import {
	FIELDS,
	NOTETYPE_IDS,
	SCHEMA_11,
	configJson,
	deckOptionsJson,
	decksJson,
	notetypesJson,
	type ExportKind
} from './anki-schema';
import { sha1Hex } from './sha1';

export interface ApkgNote {
	key: string;
	kind: ExportKind;
	/** basic/reversible: front, back; cloze: text, extra. */
	fields: Record<string, string>;
	tags: string[];
	sourceQuote?: string;
	explanation?: string;
	updatedMs: number;
}

export interface ApkgReview {
	noteKey: string;
	/** Kartka's ordinal: 0/1 for basic/reversible, the cloze number for cloze. */
	ord: number;
	reviewedMs: number;
	rating: 1 | 2 | 3 | 4;
	durationMs: number;
	/** Anki's revlog type: 0 learn, 1 review, 2 relearn. */
	type: 0 | 1 | 2;
	/** Days (positive) or seconds (negative) as Anki stores intervals. */
	ivl: number;
	lastIvl: number;
}

export interface ApkgInput {
	deckKey: string;
	deckName: string;
	description: string;
	notes: ApkgNote[];
	reviews?: ApkgReview[];
	media?: Array<{ name: string; bytes: Uint8Array }>;
	nowMs: number;
}

export interface ApkgSummary {
	bytes: Uint8Array;
	notes: number;
	cards: number;
	reviews: number;
}

/** Anki's field separator, and tags are space-separated words. */
const FIELD_SEPARATOR = '\x1f';

function clean(value: string | undefined): string {
	return (value ?? '').replaceAll(FIELD_SEPARATOR, ' ');
}

function ankiTag(tag: string): string {
	return tag.trim().replace(/\s+/g, '_');
}

function stripHtml(html: string): string {
	return html
		.replace(/<[^>]*>/g, '')
		.replace(/&nbsp;/g, ' ')
		.trim();
}

/** Anki ordinals of the note's cards: 0 (and 1) for basic/reversible, cloze number - 1 for cloze. */
export function ankiOrds(note: ApkgNote): number[] {
	if (note.kind === 'basic') return [0];
	if (note.kind === 'reversible') return [0, 1];
	const numbers = [...(note.fields.text ?? '').matchAll(/\{\{c(\d+)::/g)].map((m) => Number(m[1]));
	return [...new Set(numbers)].sort((a, b) => a - b).map((n) => n - 1);
}

function fieldValues(note: ApkgNote): string[] {
	const main =
		note.kind === 'cloze' ? [note.fields.text, note.fields.extra] : [note.fields.front, note.fields.back];
	return [...main, note.sourceQuote, note.explanation].map(clean);
}

export function buildApkg(SQL: SqlJsStatic, input: ApkgInput): ApkgSummary {
	const nowSecs = Math.floor(input.nowMs / 1000);
	// Ids are epoch-ms-like and unique in the file; Anki matches notes by GUID, not by id.
	const deckId = input.nowMs;
	const db = new SQL.Database();
	try {
		db.run(SCHEMA_11);
		db.run('INSERT INTO col VALUES (1, ?, ?, ?, 11, 0, 0, 0, ?, ?, ?, ?, ?)', [
			Math.floor(input.nowMs / 86_400_000) * 86_400,
			input.nowMs,
			input.nowMs,
			configJson(deckId),
			notetypesJson(deckId, nowSecs),
			decksJson(deckId, input.deckName, input.description, nowSecs),
			deckOptionsJson(nowSecs),
			'{}'
		]);
		const cardIds = new Map<string, number>();
		let nextId = input.nowMs - 1_000_000;
		let cards = 0;
		const insertNote = db.prepare('INSERT INTO notes VALUES (?, ?, ?, ?, -1, ?, ?, ?, ?, 0, ?)');
		const insertCard = db.prepare(
			'INSERT INTO cards VALUES (?, ?, ?, ?, ?, -1, 0, 0, ?, 0, 0, 0, 0, 0, 0, 0, 0, ?)'
		);
		input.notes.forEach((note, position) => {
			const values = fieldValues(note);
			const sortField = stripHtml(values[0]!);
			const noteId = nextId++;
			const tags = note.tags.map(ankiTag).filter(Boolean);
			insertNote.run([
				noteId,
				`kartka:${input.deckKey}:${note.key}`,
				NOTETYPE_IDS[note.kind],
				Math.floor(note.updatedMs / 1000),
				tags.length ? ` ${tags.join(' ')} ` : '',
				values.join(FIELD_SEPARATOR),
				sortField,
				parseInt(sha1Hex(sortField).slice(0, 8), 16),
				''
			]);
			for (const ord of ankiOrds(note)) {
				const cardId = nextId++;
				const kartkaOrd = note.kind === 'cloze' ? ord + 1 : ord;
				cardIds.set(`${note.key}#${kartkaOrd}`, cardId);
				insertCard.run([cardId, noteId, deckId, ord, nowSecs, position + 1, '']);
				cards++;
			}
		});
		insertNote.free();
		insertCard.free();
		let reviews = 0;
		const usedIds = new Set<number>();
		const insertReview = db.prepare('INSERT INTO revlog VALUES (?, ?, 0, ?, ?, ?, ?, ?, ?)');
		for (const r of input.reviews ?? []) {
			const cid = cardIds.get(`${r.noteKey}#${r.ord}`);
			if (cid === undefined) continue;
			// revlog ids are the review time in ms and must be unique: nudge a simultaneous one by 1 ms.
			let id = Math.round(r.reviewedMs);
			while (usedIds.has(id)) id++;
			usedIds.add(id);
			const factor = r.type === 0 ? 0 : 2500;
			const timeMs = Math.min(60_000, Math.max(0, Math.round(r.durationMs)));
			insertReview.run([id, cid, r.rating, Math.round(r.ivl), Math.round(r.lastIvl), factor, timeMs, r.type]);
			reviews++;
		}
		insertReview.free();
		const collection = db.export();
		const zip: Zippable = { 'collection.anki2': collection };
		const mediaMap: Record<string, string> = {};
		(input.media ?? []).forEach((m, i) => {
			mediaMap[String(i)] = m.name;
			zip[String(i)] = m.bytes;
		});
		zip.media = new TextEncoder().encode(JSON.stringify(mediaMap));
		return { bytes: zipSync(zip, { level: 6 }), notes: input.notes.length, cards, reviews };
	} finally {
		db.close();
	}
}

export { FIELDS };
