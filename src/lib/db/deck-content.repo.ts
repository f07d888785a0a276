/**
 * Writes a deck's content (from a shipped deck file or an import) in ONE transaction, matching notes
 * by id so that a new version of a deck updates text and never resets progress or duplicates cards.
 */
import { cardOrdinals } from '$lib/domain/card-render';
import { returnsWithContent, suspendCard, unsuspendCard } from '$lib/domain/cards/suspension';
import { Queue, type CardRow, type DeckRow, type NoteRow } from '$lib/domain/model';
import { mergeDeckUpdate } from '$lib/domain/notes/deck-update-conflict';
import { newCardSchedule } from '$lib/domain/schedule';
import type { KartkaDB } from './db';

export interface ContentSummary {
	added: number;
	updated: number;
	removed: number;
	unchanged: number;
	/** Notes the user edited and the deck changed: the user's text kept, the deck's waiting (issue 11). */
	userEditsKept?: number;
}

export interface ApplyOptions {
	nowMs: number;
	/** Notes missing from the new version: suspended (default, progress kept) or deleted. */
	missing?: 'suspend' | 'delete';
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
		// Notes the user moved to another deck stay where the user put them.
		const unseen = notes.filter((n) => !oldNotes.has(n.id)).map((n) => n.id);
		const movedAway = new Set((await db.notes.bulkGet(unseen)).filter((n) => n).map((n) => n!.id));
		for (const note of notes) {
			const old = oldNotes.get(note.id);
			oldNotes.delete(note.id);
			if (movedAway.has(note.id)) {
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
				else if (card.queue === Queue.New)
					cardPuts.push({ ...card, newPosition: newCard(note, ord, nowMs).newPosition });
			}
			// A cloze removed from the text: its card is suspended, its history kept.
			for (const card of existing.values())
				if (!ords.has(card.ord) && card.queue !== Queue.Suspended) cardPuts.push(suspendCard(card, 'update'));
		}
		const gone = [...oldNotes.values()].filter((n) => !n.removed);
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
				for (const card of cardsByNote.get(note.id) ?? []) cardPuts.push(suspendCard(card, 'update'));
			}
		}
		await db.notes.bulkPut(notePuts);
		await db.cards.bulkPut(cardPuts);
	});
	return summary;
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
