// A fresh fake-indexeddb database per test, with a small deck written the way the app writes decks.
import { KartkaDB } from '$lib/db/db';
import { applyDeckContent } from '$lib/db/deck-content.repo';
import type { DeckRow, NoteRow } from '$lib/domain/model';
import { makeNote } from './cards';

export function freshDb(): KartkaDB {
	return new KartkaDB(`test-${crypto.randomUUID()}`);
}

export function deckRow(id: string, over: Partial<DeckRow> = {}): DeckRow {
	return {
		id,
		title: `Deck ${id}`,
		description: '',
		version: '1.0.0',
		language: 'en',
		license: 'CC-BY-4.0',
		source: { title: 'Test' },
		origin: 'import',
		contentHash: 'h1',
		createdMs: 0,
		updatedMs: 0,
		...over
	};
}

/** `basic` notes, then `reversible` ones (two cards each). */
export function sampleNotes(deckId: string, basic: number, reversible = 0): NoteRow[] {
	const notes: NoteRow[] = [];
	for (let i = 0; i < basic; i++) notes.push(makeNote(deckId, `b${i}`, notes.length));
	for (let i = 0; i < reversible; i++)
		notes.push(makeNote(deckId, `r${i}`, notes.length, { kind: 'reversible' }));
	return notes;
}

export async function seedDeck(db: KartkaDB, deckId = 'd', basic = 5, reversible = 3, nowMs = 0) {
	const notes = sampleNotes(deckId, basic, reversible);
	await applyDeckContent(db, deckRow(deckId), notes, { nowMs });
	return notes;
}

/** Every row of every table, for "nothing changed" comparisons. */
export async function dumpTables(db: KartkaDB): Promise<Record<string, unknown[]>> {
	const out: Record<string, unknown[]> = {};
	for (const table of db.tables) out[table.name] = await table.toArray();
	return out;
}
