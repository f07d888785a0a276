/**
 * A card's id is `${noteId}#${ord}`: the one place that builds or reads it. Note ids may contain '#'
 * (imported keys), so parsing splits at the LAST '#'.
 */
export function cardId(noteId: string, ord: number): string {
	return `${noteId}#${ord}`;
}

export function parseCardId(id: string): { noteId: string; ord: number } {
	const at = id.lastIndexOf('#');
	return { noteId: id.slice(0, at), ord: Number(id.slice(at + 1)) };
}

/** The note a card belongs to (cheaper than parseCardId when only the note matters). */
export function noteIdOfCard(id: string): string {
	return id.slice(0, id.lastIndexOf('#'));
}

/** Every card id of a note starts with this (a key range over card ids finds a note's cards). */
export function cardIdPrefix(noteId: string): string {
	return `${noteId}#`;
}
