/** Deck actions from the deck screen and home: rename, move to a group, delete and its one-step undo. */
import type { KartkaDB } from '$lib/db/db';
import { deleteDeckRows, restoreDeckRows, updateDeck, type DeletedDeck } from '$lib/db/deck-manage.repo';
import { joinGroup } from '$lib/domain/decks/deck-groups';
import { KartkaError } from '$lib/domain/errors';
import type { DeckRow } from '$lib/domain/model';
import { cleanDeckTitle } from '$lib/domain/notes/note-draft';

export type { DeletedDeck };

export async function renameDeck(
	db: KartkaDB,
	deckId: string,
	title: string,
	nowMs: number
): Promise<DeckRow> {
	const clean = cleanDeckTitle(title);
	if (!clean) throw new KartkaError('deck-title', 'A deck needs a name.');
	return updateDeck(db, deckId, (deck) => ({ ...deck, title: clean, updatedMs: nowMs }));
}

/** `group`: a path like "Exams::History"; empty takes the deck out of any group. */
export async function moveDeckToGroup(
	db: KartkaDB,
	deckId: string,
	group: string,
	nowMs: number
): Promise<DeckRow> {
	const path = joinGroup([group]);
	return updateDeck(db, deckId, ({ group: _old, ...deck }) => ({
		...deck,
		...(path ? { group: path } : {}),
		updatedMs: nowMs
	}));
}

/** `nowMs`: when it was deleted (and below, restored): the time sync's "latest change wins" compares. */
export function deleteDeck(db: KartkaDB, deckId: string, nowMs: number): Promise<DeletedDeck> {
	return deleteDeckRows(db, deckId, nowMs);
}

export function undoDeleteDeck(db: KartkaDB, deleted: DeletedDeck, nowMs: number): Promise<void> {
	return restoreDeckRows(db, deleted, nowMs);
}
