/**
 * A note's cards, read by a range of card ids (`${noteId}#${ord}`, domain/card-id.ts) rather than by a
 * `noteId` index: schema v7 dropped that index, so that every card written (an import, a bulk action)
 * costs one index entry less. A range can also hold cards of a note whose id extends this one with '#'
 * (note "a" → "a#…", note "a#b" → "a#b#…"); the note id of each card decides.
 */
import { cardIdPrefix, noteIdOfCard } from '$lib/domain/card-id';
import type { CardRow } from '$lib/domain/model';
import type { KartkaDB } from './db';

// Not async, and always a Dexie request (even for no notes): inside a transaction, awaiting a promise that
// is not Dexie's lets the transaction commit early (see sync-apply.repo.ts). `.then` keeps it Dexie's.
export function cardsOfNotes(db: KartkaDB, noteIds: Iterable<string>): Promise<CardRow[]> {
	const wanted = new Set(noteIds);
	return db.cards
		.where(':id')
		.startsWithAnyOf([...wanted].map(cardIdPrefix))
		.toArray()
		.then((cards) => cards.filter((c) => wanted.has(noteIdOfCard(c.id))));
}

export function cardIdsOfNote(db: KartkaDB, noteId: string): Promise<string[]> {
	return db.cards
		.where(':id')
		.startsWith(cardIdPrefix(noteId))
		.primaryKeys()
		.then((ids) => (ids as string[]).filter((id) => noteIdOfCard(id) === noteId));
}
