/**
 * Writes a deck's content (from a shipped deck file or an import) in ONE transaction, matching notes
 * by id so that a new version of a deck updates text and never resets progress or duplicates cards.
 */
import { cardOrdinals } from '$lib/domain/card-render';
import { Queue, queueForState, type CardRow, type DeckRow, type NoteRow } from '$lib/domain/model';
import { newCardSchedule } from '$lib/domain/schedule';
import type { KartkaDB } from './db';
import { EXAM_PRIORITY_OFFSET } from './exam.repo';

export interface ContentSummary {
	added: number;
	updated: number;
	removed: number;
	unchanged: number;
}

export interface ApplyOptions {
	nowMs: number;
	/**
	 * Notes missing from the new version: suspended (default, progress kept), deleted, or kept active as they
	 * are (Anki never removes notes missing from a package; the default for Anki and text files).
	 */
	missing?: 'suspend' | 'delete' | 'keep';
}

/** New cards are introduced in note order, forward before reverse. */
const ORDS_PER_NOTE = 1000;

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

function newCard(note: NoteRow, ord: number, nowMs: number): CardRow {
	return {
		id: `${note.id}#${ord}`,
		noteId: note.id,
		deckId: note.deckId,
		ord,
		queue: Queue.New,
		newPosition: note.position * ORDS_PER_NOTE + ord,
		rev: 0,
		...newCardSchedule(nowMs)
	};
}

export async function applyDeckContent(
	db: KartkaDB,
	deck: DeckRow,
	notes: NoteRow[],
	options: ApplyOptions
): Promise<ContentSummary> {
	const { nowMs } = options;
	const summary: ContentSummary = { added: 0, updated: 0, removed: 0, unchanged: 0 };
	await db.transaction('rw', db.decks, db.notes, db.cards, db.reviewLogs, async () => {
		const previous = await db.decks.get(deck.id);
		await db.decks.put(previous ? { ...previous, ...deck, createdMs: previous.createdMs } : deck);
		const oldNotes = new Map(
			(await db.notes.where('deckId').equals(deck.id).toArray()).map((n) => [n.id, n])
		);
		const oldCards = await db.cards.where('deckId').equals(deck.id).toArray();
		const cardsByNote = new Map<string, CardRow[]>();
		for (const c of oldCards) cardsByNote.set(c.noteId, [...(cardsByNote.get(c.noteId) ?? []), c]);

		const notePuts: NoteRow[] = [];
		const cardPuts: CardRow[] = [];
		for (const note of notes) {
			const old = oldNotes.get(note.id);
			oldNotes.delete(note.id);
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
				else if (card.queue === Queue.Suspended && old?.removed) cardPuts.push(unsuspend(card));
				else if (card.queue === Queue.New) {
					// Changed content keeps the card's place in the exam's priority group (see EXAM_PRIORITY_OFFSET).
					const examOffset = card.newPosition < 0 ? EXAM_PRIORITY_OFFSET : 0;
					cardPuts.push({ ...card, newPosition: newCard(note, ord, nowMs).newPosition - examOffset });
				}
			}
			// A cloze removed from the text: its card is suspended, its history kept.
			for (const card of existing.values()) if (!ords.has(card.ord)) cardPuts.push(suspend(card));
		}
		const gone = options.missing === 'keep' ? [] : [...oldNotes.values()].filter((n) => !n.removed);
		summary.removed = gone.length;
		if (options.missing === 'delete') {
			const ids = gone.map((n) => n.id);
			await db.notes.bulkDelete(ids);
			const cardIds = ids.flatMap((id) => (cardsByNote.get(id) ?? []).map((c) => c.id));
			await db.cards.bulkDelete(cardIds);
			await db.reviewLogs.where('cardId').anyOf(cardIds).delete();
		} else {
			for (const note of gone) {
				notePuts.push({ ...note, removed: true, updatedMs: nowMs });
				for (const card of cardsByNote.get(note.id) ?? []) cardPuts.push(suspend(card));
			}
		}
		await db.notes.bulkPut(notePuts);
		await db.cards.bulkPut(cardPuts);
	});
	return summary;
}

function suspend(card: CardRow): CardRow {
	return { ...card, queue: Queue.Suspended, rev: card.rev + 1 };
}

function unsuspend(card: CardRow): CardRow {
	return { ...card, queue: queueForState(card.state), rev: card.rev + 1 };
}

/**
 * What `applyDeckContent` would report for these notes, without writing (the import preview).
 * Same matching and comparison as the write above.
 */
export async function diffDeckContent(
	db: KartkaDB,
	deckId: string,
	notes: NoteRow[]
): Promise<ContentSummary> {
	const summary: ContentSummary = { added: 0, updated: 0, removed: 0, unchanged: 0 };
	const oldNotes = new Map((await db.notes.where('deckId').equals(deckId).toArray()).map((n) => [n.id, n]));
	for (const note of notes) {
		const old = oldNotes.get(note.id);
		oldNotes.delete(note.id);
		if (old && sameContent(old, note)) summary.unchanged++;
		else summary[old ? 'updated' : 'added']++;
	}
	summary.removed = [...oldNotes.values()].filter((n) => !n.removed).length;
	return summary;
}
