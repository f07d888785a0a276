/**
 * What a new version of a deck does to the stored one, matching notes by id so that an update changes
 * text and never resets progress or duplicates cards: which notes and cards are put, which cards are
 * suspended (a note or a cloze gone; history kept) or restored (a note back), and what is deleted when
 * the caller asks for missing notes to go. Pure: deck-content.repo reads the old rows and writes the result.
 */
import { EXAM_PRIORITY_OFFSET } from './exam/exam-priority';
import { cardOrdinals } from './card-render';
import { returnsWithContent, suspendCard, unsuspendCard } from './cards/suspension';
import { Queue, type CardRow, type NoteRow } from './model';
import { mergeDeckUpdate } from './notes/deck-update-conflict';
import { newCardFor } from './notes/note-edit';

export interface ContentSummary {
	added: number;
	updated: number;
	removed: number;
	unchanged: number;
	/** Notes the user edited and the deck changed: the user's text kept, the deck's waiting (issue 11). */
	userEditsKept?: number;
}

export interface MergeOptions {
	nowMs: number;
	/**
	 * Notes missing from the new version: suspended (default, progress kept), deleted, or kept active as they
	 * are (Anki never removes notes missing from a package; the default for Anki and text files).
	 */
	missing?: 'suspend' | 'delete' | 'keep';
	/** Ids of the deck's notes that the user moved to another deck: left where the user put them. */
	movedAway?: ReadonlySet<string>;
}

export interface DeckMerge {
	summary: ContentSummary;
	notePuts: NoteRow[];
	cardPuts: CardRow[];
	/** Only with `missing: 'delete'`: notes gone from the new version, and their cards (and their logs). */
	noteDeletes: string[];
	cardDeletes: string[];
}

/** New cards are introduced in note order, forward before reverse. */

function sameContent(a: NoteRow, b: NoteRow): boolean {
	return (
		a.kind === b.kind &&
		a.position === b.position &&
		JSON.stringify(a.fields) === JSON.stringify(b.fields) &&
		JSON.stringify(a.tags) === JSON.stringify(b.tags) &&
		a.explanation === b.explanation &&
		a.sourceQuote === b.sourceQuote &&
		!a.removed === !b.removed
	);
}

/** A new card for one ordinal of a note (the same rule an edit uses). */
export const newCard = newCardFor;

/** A deck update suspends content it removed with the reason 'update' (it comes back when it returns). */
const suspend = (card: CardRow) => (card.queue === Queue.Suspended ? card : suspendCard(card, 'update'));

/** The writes that turn the stored deck (`oldNotes`, `oldCards`) into the new version (`notes`). */
export function mergeDeckContent(
	oldNoteRows: readonly NoteRow[],
	oldCards: readonly CardRow[],
	notes: readonly NoteRow[],
	options: MergeOptions
): DeckMerge {
	const { nowMs } = options;
	const summary: ContentSummary = { added: 0, updated: 0, removed: 0, unchanged: 0 };
	const oldNotes = new Map(oldNoteRows.map((n) => [n.id, n]));
	const cardsByNote = new Map<string, CardRow[]>();
	for (const c of oldCards) cardsByNote.set(c.noteId, [...(cardsByNote.get(c.noteId) ?? []), c]);

	const notePuts: NoteRow[] = [];
	const cardPuts: CardRow[] = [];
	for (const note of notes) {
		const old = oldNotes.get(note.id);
		oldNotes.delete(note.id);
		if (options.movedAway?.has(note.id)) {
			summary.unchanged++;
			continue;
		}
		// The user's edit wins over the deck's new text, which waits for "Use theirs" / "Keep mine".
		const merged = old ? mergeDeckUpdate(old, note) : ({ kind: 'apply' } as const);
		if (merged.kind !== 'apply') {
			if (JSON.stringify(merged.note) !== JSON.stringify(old)) notePuts.push(merged.note);
			if (old?.removed) {
				// Back in the deck: its cards whose content exists come back.
				const ords = new Set(cardOrdinals(merged.note.kind, merged.note.fields));
				for (const card of cardsByNote.get(note.id) ?? [])
					if (ords.has(card.ord) && returnsWithContent(card)) cardPuts.push(unsuspendCard(card));
			}
			if (merged.kind === 'conflict') summary.userEditsKept = (summary.userEditsKept ?? 0) + 1;
			else summary.unchanged++;
			continue;
		}
		if (old && sameContent(old, note)) {
			summary.unchanged++;
			continue;
		}
		summary[old ? 'updated' : 'added']++;
		notePuts.push(note);
		const ords = new Set(cardOrdinals(note.kind, note.fields));
		const existing = new Map((cardsByNote.get(note.id) ?? []).map((c) => [c.ord, c]));
		for (const ord of ords) {
			const card = existing.get(ord);
			if (!card) cardPuts.push(newCard(note, ord, nowMs));
			else if (returnsWithContent(card)) cardPuts.push(unsuspendCard(card));
			else if (card.queue === Queue.New) {
				// Changed content keeps the card's place in the exam's priority group (see EXAM_PRIORITY_OFFSET).
				const examOffset = card.newPosition < 0 ? EXAM_PRIORITY_OFFSET : 0;
				cardPuts.push({ ...card, newPosition: newCard(note, ord, nowMs).newPosition - examOffset });
			}
		}
		// A cloze removed from the text: its card is suspended, its history kept.
		for (const card of existing.values())
			if (!ords.has(card.ord) && card.queue !== Queue.Suspended) cardPuts.push(suspend(card));
	}
	const gone = options.missing === 'keep' ? [] : [...oldNotes.values()].filter((n) => !n.removed);
	summary.removed = gone.length;
	const noteDeletes: string[] = [];
	const cardDeletes: string[] = [];
	if (options.missing === 'delete') {
		noteDeletes.push(...gone.map((n) => n.id));
		cardDeletes.push(...noteDeletes.flatMap((id) => (cardsByNote.get(id) ?? []).map((c) => c.id)));
	} else {
		for (const note of gone) {
			notePuts.push({ ...note, removed: true, updatedMs: nowMs });
			for (const card of cardsByNote.get(note.id) ?? []) cardPuts.push(suspend(card));
		}
	}
	return { summary, notePuts, cardPuts, noteDeletes, cardDeletes };
}

/** What `mergeDeckContent` would report, from the notes alone (the import preview; same matching). */
export function diffNotes(oldNoteRows: readonly NoteRow[], notes: readonly NoteRow[]): ContentSummary {
	const summary: ContentSummary = { added: 0, updated: 0, removed: 0, unchanged: 0 };
	const oldNotes = new Map(oldNoteRows.map((n) => [n.id, n]));
	for (const note of notes) {
		const old = oldNotes.get(note.id);
		oldNotes.delete(note.id);
		if (old && sameContent(old, note)) summary.unchanged++;
		else summary[old ? 'updated' : 'added']++;
	}
	summary.removed = [...oldNotes.values()].filter((n) => !n.removed).length;
	return summary;
}

/** "12 updated, 3 added, 1 removed, 40 unchanged" (parts that are zero are left out, except a lone zero). */
export function summaryText(s: ContentSummary): string {
	const parts = (['updated', 'added', 'removed', 'unchanged'] as const)
		.filter((k) => s[k] > 0)
		.map((k) => `${s[k]} ${k}`);
	return parts.length ? parts.join(', ') : 'nothing to import';
}

export function addSummaries(list: ContentSummary[]): ContentSummary {
	const total: ContentSummary = { added: 0, updated: 0, removed: 0, unchanged: 0 };
	for (const s of list)
		for (const k of Object.keys(total) as (keyof ContentSummary)[]) total[k] = (total[k] ?? 0) + (s[k] ?? 0);
	return total;
}
