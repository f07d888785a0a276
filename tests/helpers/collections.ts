// Hand-built ImportedCollections (the parsers' neutral model), for tests of the write side alone.
import type { ImportedCollection, ImportedNote } from '$lib/domain/import/import-model';

export function note(
	key: string,
	front: string,
	back: string,
	over: Partial<ImportedNote> = {}
): ImportedNote {
	return { key, kind: 'basic', fields: { front, back }, tags: [], deckName: 'Biology', ...over };
}

export function collection(
	notes: ImportedNote[],
	over: Partial<ImportedCollection> = {}
): ImportedCollection {
	return { format: 'apkg-anki2', title: 'Biology', notes, media: [], reviews: [], warnings: [], ...over };
}

export const SOURCE = { kind: 'file', name: 'biology.apkg' } as const;
