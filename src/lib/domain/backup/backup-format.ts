/**
 * The rows a backup file may hold, checked before a restore replaces anything: a damaged or crafted
 * file is refused with the table, row and field at fault. Objects are "loose": fields added to rows by
 * later versions survive a backup and restore unchanged.
 */
import { z } from 'zod';
import { IMPORT_LIMITS } from '../import/import-model';

export const BACKUP_FORMAT = 'kartka-backup';
export const BACKUP_FORMAT_VERSION = 1;

const int = z.number().int();
const finite = z.number().finite();
const id = z.string().min(1).max(1000);
const text = z.string().max(IMPORT_LIMITS.maxFieldBytes);
const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });

const schedule = z.looseObject({
	state: int.min(0).max(3),
	dueMs: finite,
	stability: finite.min(0),
	difficulty: finite,
	scheduledDays: finite.min(0),
	learningSteps: int.min(0),
	reps: int.min(0),
	lapses: int.min(0),
	lastReviewMs: finite.nullable()
});

const deck = z.looseObject({
	id,
	title: text,
	description: text,
	version: text,
	language: text,
	license: text,
	source: z.looseObject({
		title: text,
		author: text.optional(),
		publisher: text.optional(),
		url: httpUrl.optional(),
		file: text.optional()
	}),
	origin: z.enum(['builtin', 'import']),
	contentHash: z.string().max(200),
	createdMs: finite,
	updatedMs: finite,
	settings: z.record(z.string(), z.unknown()).optional(),
	importedFrom: z
		.looseObject({ name: text, format: z.string().max(50), importedMs: finite, url: httpUrl.optional() })
		.optional()
});

const note = z.looseObject({
	id,
	deckId: id,
	key: id,
	kind: z.enum(['basic', 'reversible', 'cloze', 'templated']),
	fields: z.record(z.string().max(100), text),
	tags: z.array(z.string().max(1000)),
	explanation: text.optional(),
	sourceQuote: text.optional(),
	position: finite,
	updatedMs: finite,
	removed: z.boolean().optional()
});

const card = schedule.extend({
	id,
	noteId: id,
	deckId: id,
	ord: int.min(0),
	queue: int.min(-1).max(2),
	newPosition: finite,
	rev: int.min(0)
});

const reviewLog = z.looseObject({
	id: int.positive(),
	cardId: id,
	noteId: id,
	deckId: id,
	rating: int.min(1).max(4),
	kind: z.enum(['review', 'practice', 'manual']),
	reviewedMs: finite,
	studyDay: int,
	durationMs: finite.min(0),
	before: schedule,
	after: schedule,
	afterRev: int.min(0)
});

const setting = z.looseObject({ key: id, value: z.unknown() });

/** Media rows as listed in the backup: the bytes are a separate zip entry, named by `file`. */
export const mediaEntry = z.looseObject({
	name: id,
	mime: z.string().max(200),
	size: int.min(0),
	sha256: z.string().max(128),
	deckIds: z.array(id),
	addedMs: finite,
	file: z.string().regex(/^media\/\d+$/)
});

export const ROW_SCHEMAS: Record<string, z.ZodType> = {
	decks: deck,
	notes: note,
	cards: card,
	reviewLogs: reviewLog,
	settings: setting,
	media: mediaEntry
};

/** Rows of a table this version does not describe (added later by another feature): plain objects. */
export const looseRow = z.record(z.string(), z.unknown());

export const manifestSchema = z.looseObject({
	format: z.literal(BACKUP_FORMAT, { error: 'is not a Kartka backup' }),
	formatVersion: int.min(1),
	schemaVersion: int.min(1),
	createdMs: finite,
	/** Rows per table, checked against what the file holds. */
	counts: z.record(z.string(), int.min(0)),
	/** Zip entries holding each table's rows, in order. */
	files: z.record(z.string(), z.array(z.string()))
});

export type BackupManifest = z.infer<typeof manifestSchema>;

/** "table "notes", row 13, field "fields.front": …" from a zod error. */
export function describeRowError(table: string, row: number, error: z.ZodError): string {
	const issue = error.issues[0];
	const field = issue?.path.length ? `, field "${issue.path.join('.')}"` : '';
	return `table "${table}", row ${row + 1}${field}: ${issue?.message ?? 'is invalid'}`;
}
