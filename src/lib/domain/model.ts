/** Rows as stored in IndexedDB. Plain data: numbers are epoch ms unless the name says days. */
import type { CardSchedule, Rating } from './schedule';
import type { SchedulerSettings } from './scheduler-settings';

/** 'templated': an imported Anki note type; fields q<ord>/a<ord> hold each card's rendered sides. */
export type NoteKind = 'basic' | 'reversible' | 'cloze' | 'templated';

export interface DeckRow {
	id: string;
	title: string;
	description: string;
	version: string;
	language: string;
	license: string;
	source: { title: string; author?: string; publisher?: string; url?: string; file?: string };
	/** 'builtin' decks ship in decks/; their content hash tells when the shipped file changed. */
	origin: 'builtin' | 'import';
	contentHash: string;
	createdMs: number;
	updatedMs: number;
	/** Per-deck overrides of the global scheduler settings. */
	settings?: Partial<SchedulerSettings>;
	/** Imported decks: the file (and URL) they last came from, for "Share" and the deck screen. */
	importedFrom?: { name: string; format: string; importedMs: number; url?: string };
	/** Deck group path, outermost first, joined by "::" (Anki's sub-deck separator); see deck-groups.ts. */
	group?: string;
}

export interface NoteRow {
	/** `${deckId}/${key}`: unique across decks. */
	id: string;
	deckId: string;
	/** The note's stable id inside its deck file (or an Anki GUID). */
	key: string;
	kind: NoteKind;
	/** basic/reversible: front, back. cloze: text, extra. HTML, sanitized when rendered. */
	fields: Record<string, string>;
	tags: string[];
	explanation?: string;
	sourceQuote?: string;
	/** Order of the note in its deck; new cards are introduced in this order. */
	position: number;
	updatedMs: number;
	/** Missing from the deck's latest version: its cards are suspended, its history kept. */
	removed?: boolean;
	/** Set when the user edited a shipped or imported note: a deck update never overwrites it (note-edit.ts). */
	userEdit?: UserEdit;
}

/** The deck's own content of a note, as last seen from the deck (the base of a user's edit). */
export interface NoteContent {
	kind: NoteKind;
	fields: Record<string, string>;
	tags: string[];
	explanation?: string;
	sourceQuote?: string;
}

export interface UserEdit {
	editedMs: number;
	/** The deck's version the user edited (what "Use theirs" compares against). */
	original: NoteContent;
	/** A newer deck version that arrived after the edit, waiting for "Use theirs" / "Keep mine". */
	theirs?: NoteContent;
}

/** Which list a card sits in; indexed with deckId and dueMs to build the queue. */
export const Queue = { Suspended: -1, New: 0, Learning: 1, Review: 2 } as const;
export type Queue = (typeof Queue)[keyof typeof Queue];

export interface CardRow extends CardSchedule {
	/** `${noteId}#${ord}`: built and read only by card-id.ts */
	id: string;
	noteId: string;
	deckId: string;
	/** 0 forward, 1 reverse; for cloze the cloze number. */
	ord: number;
	queue: Queue;
	/** Order among new cards (from the note position), so new cards come in deck order. */
	newPosition: number;
	/** Bumped on every write: an answer is refused if the card changed since it was shown. */
	rev: number;
	/** Why the card is suspended (queue Suspended); see cards/suspension.ts. */
	suspendedReason?: SuspendedReason;
	/** Buried (left out of study) until this time, the start of the next study day; see bulk-actions.ts. */
	buriedUntilMs?: number;
}

/** 'user': by the user; 'content': its text was removed by an edit; 'update': a deck update removed it. */
export type SuspendedReason = 'user' | 'content' | 'update';

export type ReviewKind = 'review' | 'practice' | 'manual';

export interface ReviewLogRow {
	id?: number;
	cardId: string;
	noteId: string;
	deckId: string;
	rating: Rating;
	kind: ReviewKind;
	reviewedMs: number;
	/** Local study day of the review (see study-day.ts). */
	studyDay: number;
	/** Time from the question being shown to the answer. */
	durationMs: number;
	/** The card before and after the answer: undo restores `before`; statistics read both. */
	before: CardSchedule;
	after: CardSchedule;
	/** The card's rev after this answer: undo is refused if the card moved on since. */
	afterRev: number;
	/**
	 * Set when an exam plan's cap brought this answer's next review forward (exam-scheduler.ts): the due
	 * time and interval (study days) it set, so that a replay of the logs (sync, reschedule) gives the
	 * same card. Unindexed optional fields: no schema version (older rows simply have none).
	 */
	cappedDueMs?: number;
	cappedDays?: number;
}

/** A media file (image, sound) of an imported deck (schema v2 `media`). */
export interface MediaRow {
	/** The file name card HTML refers to; unique in the collection. */
	name: string;
	mime: string;
	/** The file's bytes (a standalone buffer, never a view into a larger one). */
	bytes: Uint8Array;
	size: number;
	/** SHA-256 of the bytes (hex): tells a re-import of the same file from a different file of the same name. */
	sha256: string;
	/** Decks whose notes brought this file in. */
	deckIds: string[];
	addedMs: number;
}

export interface SettingRow {
	key: string;
	value: unknown;
}

export function queueForState(state: number, suspended = false): Queue {
	if (suspended) return Queue.Suspended;
	if (state === 0) return Queue.New;
	if (state === 2) return Queue.Review;
	return Queue.Learning;
}
