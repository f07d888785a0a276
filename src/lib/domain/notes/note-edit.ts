/**
 * What an edit of a note does to its cards. Pure: returns the rows to write.
 * - Every card whose content still exists keeps its schedule and history (cards are matched by ord).
 * - A card whose content is gone (a cloze number removed, reversible made basic) is suspended, never
 *   deleted, with reason 'content' (a user's edit) or 'update' (a deck update); its history stays.
 * - When that content returns, the card comes back unsuspended with its history (a card the user
 *   suspended stays suspended).
 * - An edit by the user of a note from a deck file (shipped or imported) is marked as a user edit,
 *   keeping the deck's original, so that a deck update never overwrites it (see deck-update-conflict.ts).
 */
import { cardId } from '../card-id';
import { cardOrdinals } from '../card-render';
import { hasClozeSyntax, parseCloze } from '../cloze';
import { KartkaError } from '../errors';
import { Queue, type CardRow, type NoteContent, type NoteKind, type NoteRow } from '../model';
import { newCardSchedule } from '../schedule';
import { returnsWithContent, suspendCard, unsuspendCard } from '../cards/suspension';

/** New cards are introduced in note order, forward before reverse (as deck-content.repo does). */
export const ORDS_PER_NOTE = 1000;
export const MAX_FIELD_CHARS = 100_000;

export function noteContent(note: NoteContent): NoteContent {
	return {
		kind: note.kind,
		fields: { ...note.fields },
		tags: [...note.tags],
		...(note.explanation ? { explanation: note.explanation } : {}),
		...(note.sourceQuote ? { sourceQuote: note.sourceQuote } : {})
	};
}

export function sameNoteContent(a: NoteContent, b: NoteContent): boolean {
	const fields = (f: Record<string, string>) =>
		JSON.stringify(
			Object.entries(f)
				.filter(([, v]) => v !== '')
				.sort(([x], [y]) => x.localeCompare(y))
		);
	return (
		a.kind === b.kind &&
		fields(a.fields) === fields(b.fields) &&
		JSON.stringify(a.tags) === JSON.stringify(b.tags) &&
		(a.explanation ?? '') === (b.explanation ?? '') &&
		(a.sourceQuote ?? '') === (b.sourceQuote ?? '')
	);
}

const stripTags = (html: string) =>
	html
		.replace(/<(?!img\b)[^>]*>/gi, '')
		.replace(/&nbsp;/g, ' ')
		.trim();

/** What is wrong with a note's content, in words for the form (empty when it can be saved). */
export function noteProblems(content: NoteContent): string[] {
	const problems: string[] = [];
	const { kind, fields } = content;
	for (const [name, value] of Object.entries(fields))
		if (value.length > MAX_FIELD_CHARS)
			problems.push(`"${name}" is too long (at most ${MAX_FIELD_CHARS} characters).`);
	if (kind === 'cloze') {
		const text = fields.text ?? '';
		if (stripTags(text) === '') problems.push('"Text" is empty.');
		else {
			const parsed = parseCloze(text);
			problems.push(...parsed.problems.map((p) => `"Text": ${p}.`));
			if (parsed.deletions.length === 0)
				problems.push('"Text" has no cloze: select words and press Ctrl+Shift+C, or write {{c1::answer}}.');
		}
	} else if (kind === 'basic' || kind === 'reversible') {
		if (stripTags(fields.front ?? '') === '') problems.push('"Front" is empty.');
		if (stripTags(fields.back ?? '') === '') problems.push('"Back" is empty.');
		if (hasClozeSyntax(fields.front ?? '') || hasClozeSyntax(fields.back ?? ''))
			problems.push('Cloze markup {{c1::…}} only works in a cloze note: choose "Cloze".');
	}
	return problems;
}

const family = (kind: NoteKind) =>
	kind === 'cloze' ? 'cloze' : kind === 'templated' ? 'templated' : 'basic';

export function newCardFor(
	note: Pick<NoteRow, 'id' | 'deckId' | 'position'>,
	ord: number,
	nowMs: number
): CardRow {
	return {
		id: cardId(note.id, ord),
		noteId: note.id,
		deckId: note.deckId,
		ord,
		queue: Queue.New,
		newPosition: note.position * ORDS_PER_NOTE + ord,
		rev: 0,
		...newCardSchedule(nowMs)
	};
}

export interface CardChanges {
	/** Cards to write (new ones and changed ones); cards are never deleted by an edit. */
	cardPuts: CardRow[];
	added: number;
	suspended: number;
	restored: number;
}

/**
 * The card writes that make `cards` (every card of the note) fit content of `kind` + `fields`.
 * `reason`: 'content' for a user's edit, 'update' for a deck update.
 */
export function reconcileCards(
	note: Pick<NoteRow, 'id' | 'deckId' | 'position'>,
	content: Pick<NoteContent, 'kind' | 'fields'>,
	cards: readonly CardRow[],
	nowMs: number,
	reason: 'content' | 'update'
): CardChanges {
	const ords = new Set(cardOrdinals(content.kind, content.fields));
	const byOrd = new Map(cards.map((c) => [c.ord, c]));
	const out: CardChanges = { cardPuts: [], added: 0, suspended: 0, restored: 0 };
	for (const ord of ords) {
		const card = byOrd.get(ord);
		if (!card) {
			out.cardPuts.push(newCardFor(note, ord, nowMs));
			out.added++;
		} else if (returnsWithContent(card)) {
			out.cardPuts.push(unsuspendCard(card));
			out.restored++;
		}
	}
	for (const card of cards) {
		if (ords.has(card.ord) || card.queue === Queue.Suspended) continue;
		out.cardPuts.push(suspendCard(card, reason));
		out.suspended++;
	}
	return out;
}

export interface NoteEditResult extends CardChanges {
	note: NoteRow;
}

/**
 * A user's edit of a note. `fromDeckFile`: the note came from a shipped or imported deck file, so the
 * edit is recorded (with the deck's original) and survives deck updates. Throws KartkaError with the
 * problems when the content cannot be saved (an edit never writes half a note).
 */
export function editNote(
	old: NoteRow,
	edit: NoteContent,
	cards: readonly CardRow[],
	nowMs: number,
	fromDeckFile: boolean
): NoteEditResult {
	const problems = noteProblems(edit);
	if (problems.length) throw new KartkaError('note-invalid', problems.join(' '));
	if (family(old.kind) !== family(edit.kind))
		throw new KartkaError(
			'note-kind-change',
			`A ${old.kind} note cannot become ${edit.kind}: its cards would not match. Add a new note instead.`
		);
	const content = noteContent(edit);
	let userEdit = old.userEdit;
	if (fromDeckFile) {
		const original = userEdit?.original ?? noteContent(old);
		// An edit back to the deck's text is no longer the user's own.
		userEdit =
			sameNoteContent(content, original) && !userEdit?.theirs
				? undefined
				: { ...userEdit, original, editedMs: nowMs };
	}
	const { userEdit: _drop, explanation: _e, sourceQuote: _s, ...rest } = old;
	const note: NoteRow = { ...rest, ...content, updatedMs: nowMs, ...(userEdit ? { userEdit } : {}) };
	return { note, ...reconcileCards(old, content, cards, nowMs, 'content') };
}
