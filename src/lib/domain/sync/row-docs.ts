/**
 * Local rows <-> sync documents. What syncs of each row, and what is derived on arrival (a log's
 * before/after schedules and a card's schedule come from replay, never from the server). Pure.
 */
import type { CardRow, DeckRow, NoteRow, ReviewLogRow } from '../model';
import { newCardSchedule } from '../schedule';
import type { DeckBody, LogBody, LostEdit, NoteBody, SettingBody } from './sync-docs';

/** A note row with what sync adds to it (optional fields: rows written before v6 lack them). */
export type SyncedNoteRow = NoteRow & {
	/** When its cards were created: a new card's due time, the same on every device. */
	createdMs?: number;
	/** The last edit of its text (local or from another device) and who made it. */
	editedMs?: number;
	editedBy?: string;
	/** Versions that lost a conflict, shown with "Use this one". */
	conflicts?: LostEdit[];
};

/** A card row with a person's suspension (distinct from a note removed from its deck). */
export type SyncedCardRow = CardRow & {
	createdMs?: number;
	userSuspended?: boolean;
	suspendChangedMs?: number;
	suspendChangedBy?: string;
};

export type SyncedLog = ReviewLogRow & { uid?: string };

export function logBody(log: SyncedLog): LogBody {
	return {
		kind: 'log',
		cardId: log.cardId,
		noteId: log.noteId,
		deckId: log.deckId,
		rating: log.rating,
		reviewKind: log.kind,
		reviewedMs: log.reviewedMs,
		studyDay: log.studyDay,
		durationMs: log.durationMs,
		...(log.kind === 'manual' ? { after: log.after } : {}),
		// An exam plan's cap on this answer: replayed as recorded on every device.
		...(log.cappedDueMs !== undefined && log.cappedDays !== undefined
			? { cappedDueMs: log.cappedDueMs, cappedDays: log.cappedDays }
			: {})
	};
}

/** A log from the server, before replay fills in its schedules. */
export function logFromBody(uid: string, body: LogBody): Omit<SyncedLog, 'id'> {
	return {
		uid,
		cardId: body.cardId,
		noteId: body.noteId,
		deckId: body.deckId,
		rating: body.rating,
		kind: body.reviewKind,
		reviewedMs: body.reviewedMs,
		studyDay: body.studyDay,
		durationMs: body.durationMs,
		...(body.cappedDueMs !== undefined && body.cappedDays !== undefined
			? { cappedDueMs: body.cappedDueMs, cappedDays: body.cappedDays }
			: {}),
		// Placeholders replaced by the replay of the card's logs in the same transaction.
		before: body.after ?? placeholderSchedule,
		after: body.after ?? placeholderSchedule,
		afterRev: 0
	};
}

const placeholderSchedule = newCardSchedule(0);

/** Longest deck name taken from a server document (a name is one line of text). */
const MAX_DECK_TITLE = 500;

/**
 * The note as a document. A row changed here since its last recorded edit (an import, an older row)
 * counts as edited by this device at `changedMs`.
 */
export function noteBody(
	note: SyncedNoteRow,
	createdMs: number,
	changedMs: number,
	deviceId: string
): NoteBody {
	const localChange = note.editedMs === undefined || note.updatedMs > note.editedMs;
	return {
		kind: 'note',
		deckId: note.deckId,
		key: note.key,
		noteKind: note.kind,
		fields: note.fields,
		tags: [...note.tags],
		...(note.explanation !== undefined ? { explanation: note.explanation } : {}),
		...(note.sourceQuote !== undefined ? { sourceQuote: note.sourceQuote } : {}),
		position: note.position,
		createdMs,
		editedMs: localChange ? changedMs : note.editedMs!,
		editedBy: localChange ? deviceId : (note.editedBy ?? deviceId),
		...(note.removed ? { removed: true } : {}),
		conflicts: note.conflicts ?? []
	};
}

/** A deleted note, as a tombstone document (the later of delete and edit wins). */
export function noteTombstone(noteId: string, changedMs: number, deviceId: string): NoteBody {
	const slash = noteId.indexOf('/');
	return {
		kind: 'note',
		deckId: noteId.slice(0, slash),
		key: noteId.slice(slash + 1),
		noteKind: 'basic',
		fields: {},
		tags: [],
		position: 0,
		createdMs: 0,
		editedMs: changedMs,
		editedBy: deviceId,
		deleted: true,
		conflicts: []
	};
}

export function noteFromBody(noteId: string, body: NoteBody): SyncedNoteRow {
	return {
		id: noteId,
		deckId: body.deckId,
		key: body.key,
		kind: body.noteKind,
		fields: body.fields,
		tags: body.tags,
		...(body.explanation !== undefined ? { explanation: body.explanation } : {}),
		...(body.sourceQuote !== undefined ? { sourceQuote: body.sourceQuote } : {}),
		position: body.position,
		updatedMs: body.editedMs,
		...(body.removed ? { removed: true } : {}),
		createdMs: body.createdMs,
		editedMs: body.editedMs,
		editedBy: body.editedBy,
		conflicts: body.conflicts
	};
}

/**
 * Shipped decks sync only what a person chose for them (settings, name, group: "Manage deck"); imported
 * decks sync whole.
 */
export function deckBody(deck: DeckRow, changedMs: number, deviceId: string): DeckBody {
	const content: Record<string, unknown> =
		deck.origin === 'builtin'
			? {
					id: deck.id,
					origin: 'builtin',
					settings: deck.settings ?? {},
					title: deck.title,
					...(deck.group ? { group: deck.group } : {})
				}
			: { ...deck };
	return { kind: 'deck', deck: content, changedMs, changedBy: deviceId };
}

/** The deck row a document gives, on top of the local row (shipped decks: settings only). */
export function deckFromBody(body: DeckBody, local: DeckRow | undefined): DeckRow | null {
	const incoming = body.deck as Partial<DeckRow>;
	if (incoming.origin === 'builtin') {
		if (!local) return null;
		const { group: _group, ...rest } = local;
		const title = typeof incoming.title === 'string' && incoming.title.trim() ? incoming.title : local.title;
		const group = typeof incoming.group === 'string' && incoming.group ? incoming.group : undefined;
		// A document from before names and groups synced (no title) leaves them as they are here.
		const keepGroup = incoming.title === undefined ? local.group : group;
		return {
			...rest,
			settings: (incoming.settings ?? {}) as DeckRow['settings'],
			title: title.slice(0, MAX_DECK_TITLE),
			...(keepGroup ? { group: keepGroup } : {})
		};
	}
	if (typeof incoming.id !== 'string' || typeof incoming.title !== 'string') return null;
	return { ...(incoming as DeckRow), origin: 'import' };
}

export function settingBody(key: string, value: unknown, changedMs: number, deviceId: string): SettingBody {
	return { kind: 'setting', key, value, changedMs, changedBy: deviceId };
}

/** Settings that sync (the rest are this device's own). */
export const SYNCED_SETTING_KEYS: ReadonlySet<string> = new Set(['scheduler']);
