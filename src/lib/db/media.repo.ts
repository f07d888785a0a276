/** Media files (images, sounds) of imported decks (schema v2). */
import type { MediaRow } from '$lib/domain/model';
import type { KartkaDB } from './db';

export function getMedia(db: KartkaDB, name: string): Promise<MediaRow | undefined> {
	return db.media.get(name);
}

export async function getMediaMany(db: KartkaDB, names: string[]): Promise<Map<string, MediaRow>> {
	const rows = await db.media.bulkGet(names);
	return new Map(rows.filter((r): r is MediaRow => r !== undefined).map((r) => [r.name, r]));
}

export function mediaOfDeck(db: KartkaDB, deckId: string): Promise<MediaRow[]> {
	return db.media.where('deckIds').equals(deckId).toArray();
}

export function countMedia(db: KartkaDB): Promise<number> {
	return db.media.count();
}
