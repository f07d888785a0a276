/**
 * A user's edit against a newer version of its deck (a new app release, a re-import). The user's edit
 * always wins the update; the deck's new text waits beside it ("Your edit; the deck has a newer
 * version") until the user picks "Use theirs" or "Keep mine", with a diff to decide by. Pure.
 */
import type { CardRow, NoteContent, NoteRow } from '../model';
import { diffWords, type DiffPart } from './text-diff';
import { noteContent, reconcileCards, sameNoteContent, type CardChanges } from './note-edit';

export type UpdateOutcome =
	/** No user edit: the deck's version is written as usual. */
	| { kind: 'apply' }
	/** The deck's version of this note did not change since the user's edit, or equals it: nothing to ask. */
	| { kind: 'unchanged'; note: NoteRow }
	/** The deck changed a note the user edited: the user's text stays, the deck's waits in `userEdit.theirs`. */
	| { kind: 'conflict'; note: NoteRow };

export const NEWER_VERSION_NOTICE = 'Your edit; the deck has a newer version';

/** What a deck update does to a note that may carry a user's edit. `incoming`: the deck's new row. */
export function mergeDeckUpdate(current: NoteRow, incoming: NoteRow): UpdateOutcome {
	const edit = current.userEdit;
	if (!edit) return { kind: 'apply' };
	const theirs = noteContent(incoming);
	const placed = { ...current, position: incoming.position, ...(current.removed ? { removed: false } : {}) };
	if (sameNoteContent(theirs, noteContent(current))) {
		// The deck now says what the user wrote: the edit is no longer needed.
		const { userEdit: _done, ...rest } = placed;
		return { kind: 'unchanged', note: rest };
	}
	if (sameNoteContent(theirs, edit.original)) {
		const { theirs: _old, ...kept } = edit;
		return { kind: 'unchanged', note: { ...placed, userEdit: kept } };
	}
	return { kind: 'conflict', note: { ...placed, userEdit: { ...edit, theirs } } };
}

export function hasNewerVersion(note: NoteRow): boolean {
	return note.userEdit?.theirs !== undefined;
}

export interface Resolution extends CardChanges {
	note: NoteRow;
}

/** "Use theirs": the deck's newer text replaces the user's edit; cards follow (reason 'update'). */
export function useTheirs(note: NoteRow, cards: readonly CardRow[], nowMs: number): Resolution {
	const theirs = note.userEdit?.theirs;
	if (!theirs) return { note, cardPuts: [], added: 0, suspended: 0, restored: 0 };
	const { userEdit: _gone, explanation: _e, sourceQuote: _s, ...rest } = note;
	const next: NoteRow = { ...rest, ...noteContent(theirs), updatedMs: nowMs };
	return { note: next, ...reconcileCards(note, theirs, cards, nowMs, 'update') };
}

/** "Keep mine": the user's text stays; the deck's newer text becomes the new original (asked once). */
export function keepMine(note: NoteRow, nowMs: number): NoteRow {
	const edit = note.userEdit;
	if (!edit?.theirs) return note;
	return { ...note, updatedMs: nowMs, userEdit: { editedMs: edit.editedMs, original: edit.theirs } };
}

export interface FieldDiff {
	field: string;
	parts: DiffPart[];
	changed: boolean;
}

export interface NoteDiff {
	fields: FieldDiff[];
	tags: { removed: string[]; added: string[] };
	kindChanged: boolean;
}

/** Mine (before) against theirs (after), field by field, for the "Use theirs" / "Keep mine" choice. */
export function diffNoteContent(mine: NoteContent, theirs: NoteContent): NoteDiff {
	const names = [...new Set([...Object.keys(mine.fields), ...Object.keys(theirs.fields)])];
	const pairs: [string, string, string][] = names.map((n) => [
		n,
		mine.fields[n] ?? '',
		theirs.fields[n] ?? ''
	]);
	if (mine.sourceQuote || theirs.sourceQuote)
		pairs.push(['source', mine.sourceQuote ?? '', theirs.sourceQuote ?? '']);
	if (mine.explanation || theirs.explanation)
		pairs.push(['explanation', mine.explanation ?? '', theirs.explanation ?? '']);
	return {
		fields: pairs.map(([field, a, b]) => ({ field, parts: diffWords(a, b), changed: a !== b })),
		tags: {
			removed: mine.tags.filter((t) => !theirs.tags.includes(t)),
			added: theirs.tags.filter((t) => !mine.tags.includes(t))
		},
		kindChanged: mine.kind !== theirs.kind
	};
}
