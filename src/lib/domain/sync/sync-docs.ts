/**
 * The documents Kartka keeps in a CouchDB database, one kind per id prefix. Review logs are immutable
 * (their id is globally unique: device id + counter); cards carry only what a person decides about
 * them (suspension): their schedule is DERIVED on every device by replaying the card's logs.
 * Everything from the server is untrusted: `parseSyncBody` checks shape and bounds with zod.
 */
import { z } from 'zod';
import type { CardSchedule } from '../schedule';

export { DOC_PREFIX, docId, kindOfDocId, MAX_MEDIA_BYTES, type DocKind } from './doc-ids';
import { kindOfDocId } from './doc-ids';
import { EXAM_DOC_KINDS, type ExamKindBody } from './exam-docs';
import { examKindSchema } from './exam-doc-schema';

export interface LogBody {
	kind: 'log';
	cardId: string;
	noteId: string;
	deckId: string;
	rating: 1 | 2 | 3 | 4;
	reviewKind: 'review' | 'practice' | 'manual';
	reviewedMs: number;
	studyDay: number;
	durationMs: number;
	/** Only for 'manual' logs (a schedule set by hand): applied as recorded during replay. */
	after?: CardSchedule;
	/** Only for answers an exam plan's cap brought forward: the due time and interval it set (both or none). */
	cappedDueMs?: number;
	cappedDays?: number;
}

/** A version of a note's text that lost a conflict: kept and shown, never dropped silently. */
export interface LostEdit {
	fields: Record<string, string>;
	editedMs: number;
	editedBy: string;
}

export interface NoteBody {
	kind: 'note';
	deckId: string;
	key: string;
	noteKind: 'basic' | 'reversible' | 'cloze' | 'templated';
	fields: Record<string, string>;
	tags: string[];
	explanation?: string;
	sourceQuote?: string;
	position: number;
	/** When the note's cards were first created (a new card's due time), the same on every device. */
	createdMs: number;
	editedMs: number;
	editedBy: string;
	removed?: boolean;
	/** A tombstone: the note was deleted (kept as a document so that every device learns of it). */
	deleted?: boolean;
	conflicts: LostEdit[];
}

export interface CardBody {
	kind: 'card';
	suspended: boolean;
	changedMs: number;
	changedBy: string;
}

/** Decks, settings: whole-value documents, latest change wins. */
export interface DeckBody {
	kind: 'deck';
	deck: Record<string, unknown>;
	changedMs: number;
	changedBy: string;
	deleted?: boolean;
}

export interface SettingBody {
	kind: 'setting';
	key: string;
	value: unknown;
	changedMs: number;
	changedBy: string;
}

export interface MediaBody {
	kind: 'media';
	name: string;
	mime: string;
	size: number;
	sha256: string;
	deckIds: string[];
	addedMs: number;
}

export type SyncBody = LogBody | NoteBody | CardBody | DeckBody | SettingBody | MediaBody | ExamKindBody;

// Bounds: a note field or a setting larger than this is not a flashcard; refuse rather than store it.
const text = z.string().max(200_000);
const ms = z.number().int().min(0).max(8.64e15);
const device = z.string().min(1).max(64);
const schedule = z.object({
	state: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]),
	dueMs: ms,
	stability: z.number().finite(),
	difficulty: z.number().finite(),
	scheduledDays: z.number().finite(),
	learningSteps: z.number().int().min(0),
	reps: z.number().int().min(0),
	lapses: z.number().int().min(0),
	lastReviewMs: ms.nullable()
});
const fields = z.record(z.string().max(200), text).refine((f) => Object.keys(f).length <= 100);
const lostEdit = z.object({ fields, editedMs: ms, editedBy: device });

const bodySchema = z.discriminatedUnion('kind', [
	z.object({
		kind: z.literal('log'),
		cardId: text,
		noteId: text,
		deckId: text,
		rating: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
		reviewKind: z.enum(['review', 'practice', 'manual']),
		reviewedMs: ms,
		studyDay: z.number().int(),
		durationMs: z.number().int().min(0).max(86_400_000),
		after: schedule.optional(),
		cappedDueMs: ms.optional(),
		// A cap brings a review forward to before an exam: never more than a few years away.
		cappedDays: z.number().int().min(0).max(36_500).optional()
	}),
	z.object({
		kind: z.literal('note'),
		deckId: text,
		key: text,
		noteKind: z.enum(['basic', 'reversible', 'cloze', 'templated']),
		fields,
		tags: z.array(z.string().max(200)).max(500),
		explanation: text.optional(),
		sourceQuote: text.optional(),
		position: z.number().int().min(0),
		createdMs: ms,
		editedMs: ms,
		editedBy: device,
		removed: z.boolean().optional(),
		deleted: z.boolean().optional(),
		conflicts: z.array(lostEdit).max(10)
	}),
	z.object({ kind: z.literal('card'), suspended: z.boolean(), changedMs: ms, changedBy: device }),
	z.object({
		kind: z.literal('deck'),
		deck: z.record(z.string(), z.unknown()),
		changedMs: ms,
		changedBy: device,
		deleted: z.boolean().optional()
	}),
	z.object({ kind: z.literal('setting'), key: text, value: z.unknown(), changedMs: ms, changedBy: device }),
	z.object({
		kind: z.literal('media'),
		name: z.string().min(1).max(300),
		mime: z.string().max(100),
		size: z.number().int().min(0),
		sha256: z.string().max(64),
		deckIds: z.array(text).max(1000),
		addedMs: ms
	})
]);

/** A server document's body, checked; null for what Kartka does not understand (ignored, never written). */
export function parseSyncBody(doc: Record<string, unknown>): SyncBody | null {
	const found = typeof doc._id === 'string' ? kindOfDocId(doc._id) : null;
	if (!found) return null;
	const body = Object.fromEntries(Object.entries(doc).filter(([k]) => !k.startsWith('_')));
	const schema = EXAM_DOC_KINDS.has(found.kind) ? examKindSchema : bodySchema;
	const parsed = schema.safeParse(body);
	if (!parsed.success || parsed.data.kind !== found.kind) return null;
	return parsed.data as SyncBody;
}

/** The body without CouchDB's own underscore fields (what revisions hash). */
export function bodyOf(doc: Record<string, unknown>): Record<string, unknown> {
	return Object.fromEntries(Object.entries(doc).filter(([k]) => !k.startsWith('_')));
}
