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

/**
 * Scheduler settings as the settings screen allows them (settings-fields): a restored backup must not bring
 * in what no screen could have saved (a cutoff hour of 99, retention 5, steps of "-1m").
 */
const step = z.string().regex(/^\d{1,4}[mh]$/, 'must be a step such as 10m or 1h');
const schedulerSettings = z.looseObject({
	desiredRetention: finite.min(0.7).max(0.97).optional(),
	maximumIntervalDays: int.min(1).max(36_500).optional(),
	learningSteps: z.array(step).max(20).optional(),
	relearningSteps: z.array(step).max(20).optional(),
	newCardsPerDay: int.min(0).max(9_999).optional(),
	reviewsPerDay: int.min(0).max(99_999).optional(),
	dayCutoffHour: int.min(0).max(23).optional(),
	fuzz: z.boolean().optional(),
	burySiblings: z.boolean().optional(),
	weights: z
		.array(finite)
		.refine((w) => [17, 19, 21].includes(w.length), 'must hold 17, 19 or 21 FSRS parameters')
		.nullable()
		.optional()
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
	settings: schedulerSettings.optional(),
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
	afterRev: int.min(0),
	// An exam plan's cap on the answer (replayed as recorded).
	cappedDueMs: finite.optional(),
	cappedDays: int.min(0).optional()
});

/** Known keys are checked; others (added by later features) stay loose but must be plain JSON-like data. */
const setting = z.looseObject({ key: id, value: z.unknown() }).superRefine((row, ctx) => {
	if (row.key !== 'scheduler') return;
	const checked = schedulerSettings.safeParse(row.value);
	for (const issue of checked.error?.issues ?? [])
		ctx.addIssue({ code: 'custom', path: ['value', ...issue.path], message: issue.message });
});

const examPlan = z.looseObject({
	deckId: id,
	examDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD'),
	tags: z.array(z.string().max(1000)).max(10_000),
	targetRecall: finite.min(0.7).max(0.99),
	startDay: int.min(0).max(1_000_000),
	updatedMs: finite
});

const testResult = z.looseObject({
	id: int.positive().optional(),
	deckId: id,
	takenMs: finite,
	seed: z.string().max(200),
	questionCount: int.min(0).max(10_000),
	score: finite.min(0).max(1),
	durationMs: finite.min(0),
	timeLimitMs: finite.min(0).nullable(),
	filterLabel: text,
	byTag: z.array(z.looseObject({ tag: z.string().max(1000), correct: int.min(0), total: int.min(0) })),
	missedCardIds: z.array(id)
});

/** Media rows as listed in the backup: the bytes are a separate zip entry, named by `file`. */
const mediaEntry = z.looseObject({
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
	media: mediaEntry,
	examPlans: examPlan,
	testResults: testResult
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
