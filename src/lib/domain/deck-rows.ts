/** A deck file (the open deck format) as database rows. Pure. */
import type { DeckFile, DeckNote } from './deck-format';
import type { DeckRow, NoteRow } from './model';
import { joinGroup, groupNames } from './decks/deck-groups';

/** A cheap shape check for trusted deck files (the full schema check lives in deck-format.ts). */
export function looksLikeDeckFile(value: unknown): value is DeckFile {
	const v = value as Partial<DeckFile> | null;
	return (
		typeof v === 'object' &&
		v !== null &&
		v.format === 'kartka-deck' &&
		typeof v.id === 'string' &&
		Array.isArray(v.notes) &&
		v.notes.every((n) => typeof n?.id === 'string' && typeof n.kind === 'string' && Array.isArray(n.tags))
	);
}

function noteFields(note: DeckNote): Record<string, string> {
	if (note.kind === 'cloze') return { text: note.text, ...(note.extra ? { extra: note.extra } : {}) };
	return { front: note.front, back: note.back };
}

export function deckFileToRows(
	file: DeckFile,
	contentHash: string,
	nowMs: number,
	origin: DeckRow['origin']
): { deck: DeckRow; notes: NoteRow[] } {
	const deck: DeckRow = {
		id: file.id,
		title: file.title,
		description: file.description,
		version: file.version,
		language: file.language,
		license: file.license,
		source: { ...file.source },
		origin,
		contentHash,
		createdMs: nowMs,
		updatedMs: nowMs
	};
	const group = joinGroup(groupNames(file.group));
	if (group) deck.group = group;
	const notes = file.notes.map((note, position): NoteRow => ({
		id: `${file.id}/${note.id}`,
		deckId: file.id,
		key: note.id,
		kind: note.kind,
		fields: noteFields(note),
		tags: [...note.tags],
		...(note.explanation ? { explanation: note.explanation } : {}),
		...(note.source?.quote ? { sourceQuote: note.source.quote } : {}),
		position,
		updatedMs: nowMs
	}));
	return { deck, notes };
}
