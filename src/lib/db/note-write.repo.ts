/**
 * Writing notes by hand (Add, Edit, "Use theirs" / "Keep mine"): each action is ONE transaction that
 * re-reads what it changes, so a failure writes nothing and two tabs never write half a note each.
 */
import { KartkaError } from '$lib/domain/errors';
import type { CardRow, DeckRow, MediaRow, NoteContent, NoteRow } from '$lib/domain/model';
import {
	editNote,
	newCardFor,
	noteProblems,
	noteContent,
	type CardChanges
} from '$lib/domain/notes/note-edit';
import { keepMine, useTheirs } from '$lib/domain/notes/deck-update-conflict';
import { cardOrdinals } from '$lib/domain/card-render';
import type { KartkaDB } from './db';
import { cardsOfNotes } from './cards-of-notes.repo';

export function notesOfDeck(db: KartkaDB, deckId: string): Promise<NoteRow[]> {
	return db.notes.where('deckId').equals(deckId).toArray();
}

export function getNote(db: KartkaDB, noteId: string): Promise<NoteRow | undefined> {
	return db.notes.get(noteId);
}

/** A deck whose notes came from a file (shipped or imported): user edits of them are recorded. */
export function isFromDeckFile(deck: DeckRow | undefined): boolean {
	return !!deck && (deck.origin === 'builtin' || deck.importedFrom !== undefined);
}

export interface NewNoteInput {
	/** A deck to create in the same transaction ("New deck"). */
	newDeck?: DeckRow;
	deckId: string;
	key: string;
	content: NoteContent;
	media?: MediaRow[];
	nowMs: number;
}

/** Adds a note and its cards (and a new deck, and pasted images) in one transaction. */
export async function writeNewNote(
	db: KartkaDB,
	input: NewNoteInput
): Promise<{ note: NoteRow; cards: CardRow[] }> {
	const problems = noteProblems(input.content);
	if (problems.length) throw new KartkaError('note-invalid', problems.join(' '));
	return db.transaction('rw', [db.decks, db.notes, db.cards, db.media], async () => {
		if (input.newDeck) {
			if (await db.decks.get(input.newDeck.id))
				throw new KartkaError('deck-exists', `A deck "${input.newDeck.title}" already exists.`);
			await db.decks.add(input.newDeck);
		} else if (!(await db.decks.get(input.deckId)))
			throw new KartkaError('deck-missing', 'That deck no longer exists. Choose another deck.');
		const last = await db.notes.where('deckId').equals(input.deckId).toArray();
		const position = last.reduce((m, n) => Math.max(m, n.position + 1), 0);
		const note: NoteRow = {
			id: `${input.deckId}/${input.key}`,
			deckId: input.deckId,
			key: input.key,
			...noteContent(input.content),
			position,
			updatedMs: input.nowMs
		};
		const cards = cardOrdinals(note.kind, note.fields).map((ord) => newCardFor(note, ord, input.nowMs));
		await db.notes.add(note);
		await db.cards.bulkAdd(cards);
		await putMedia(db, input.media ?? [], input.deckId);
		await db.decks.update(input.deckId, { updatedMs: input.nowMs });
		return { note, cards };
	});
}

async function putMedia(db: KartkaDB, media: MediaRow[], deckId: string): Promise<void> {
	for (const file of media) {
		const existing = await db.media.get(file.name);
		if (existing && existing.sha256 !== file.sha256)
			throw new KartkaError('media-clash', `An image named "${file.name}" already exists.`);
		const deckIds = [...new Set([...(existing?.deckIds ?? []), deckId])];
		await db.media.put({ ...file, deckIds });
	}
}

export interface EditResult extends CardChanges {
	note: NoteRow;
}

/** Saves an edit of a note: cards follow by the rules of domain/notes/note-edit.ts. One transaction. */
export function writeNoteEdit(
	db: KartkaDB,
	noteId: string,
	edit: NoteContent,
	nowMs: number,
	media: MediaRow[] = []
): Promise<EditResult> {
	return db.transaction('rw', [db.decks, db.notes, db.cards, db.media], async () => {
		const old = await db.notes.get(noteId);
		if (!old) throw new KartkaError('note-missing', 'This note no longer exists.');
		const deck = await db.decks.get(old.deckId);
		const cards = await cardsOfNotes(db, [noteId]);
		const result = editNote(old, edit, cards, nowMs, isFromDeckFile(deck));
		await db.notes.put(result.note);
		await db.cards.bulkPut(result.cardPuts);
		await putMedia(db, media, old.deckId);
		return result;
	});
}

/** "Use theirs" or "Keep mine" for a note holding a newer deck version. One transaction. */
export function resolveNewerVersion(
	db: KartkaDB,
	noteId: string,
	choice: 'theirs' | 'mine',
	nowMs: number
): Promise<NoteRow> {
	return db.transaction('rw', [db.notes, db.cards], async () => {
		const note = await db.notes.get(noteId);
		if (!note) throw new KartkaError('note-missing', 'This note no longer exists.');
		if (choice === 'mine') {
			const kept = keepMine(note, nowMs);
			await db.notes.put(kept);
			return kept;
		}
		const cards = await cardsOfNotes(db, [noteId]);
		const result = useTheirs(note, cards, nowMs);
		await db.notes.put(result.note);
		await db.cards.bulkPut(result.cardPuts);
		return result.note;
	});
}
