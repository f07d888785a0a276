/**
 * Media files (images, sounds) of imported decks. The table is reached by name (`db.table('media')`)
 * so that the shared database class does not need to know about it.
 */
import type { Table } from 'dexie';
import type { KartkaDB } from './db';

export interface MediaRow {
	/** The file name card HTML refers to; unique in the collection. */
	name: string;
	mime: string;
	/** The file's bytes (a standalone buffer, never a view into a larger one). */
	bytes: Uint8Array;
	size: number;
	/** SHA-256 of the bytes (hex): tells a re-import of the same file from a different file of the same name. */
	sha256: string;
	/** Decks whose notes brought this file in. */
	deckIds: string[];
	addedMs: number;
}

export function mediaTable(db: KartkaDB): Table<MediaRow, string> {
	return db.table<MediaRow, string>('media');
}

export function getMedia(db: KartkaDB, name: string): Promise<MediaRow | undefined> {
	return mediaTable(db).get(name);
}

export async function getMediaMany(db: KartkaDB, names: string[]): Promise<Map<string, MediaRow>> {
	const rows = await mediaTable(db).bulkGet(names);
	return new Map(rows.filter((r): r is MediaRow => r !== undefined).map((r) => [r.name, r]));
}

export function mediaOfDeck(db: KartkaDB, deckId: string): Promise<MediaRow[]> {
	return mediaTable(db).where('deckIds').equals(deckId).toArray();
}

export function countMedia(db: KartkaDB): Promise<number> {
	return mediaTable(db).count();
}
