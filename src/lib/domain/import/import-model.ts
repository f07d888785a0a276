/**
 * The neutral in-memory model every import format is parsed into (CSV/TSV, Quizlet, Anki text,
 * Anki .apkg/.colpkg in all three layouts, Kartka JSON). Parsing is pure: no database, no DOM.
 * The import service (src/lib/services/import/) turns an ImportedCollection into rows in one
 * transaction. Fields are untrusted HTML: the parser caps sizes but never sanitizes; rendering does.
 */
import type { SqlJsStatic } from 'sql.js';

export type ImportFormat =
	| 'csv'
	| 'tsv'
	| 'quizlet'
	| 'anki-text'
	| 'apkg-anki2'
	| 'apkg-anki21'
	| 'apkg-anki21b'
	| 'colpkg'
	| 'kartka-json';

export interface ImportedNote {
	/** Stable id: Kartka note id, Anki GUID, the `id`/`#guid column` column, or a hash of the front text for plain CSV. */
	key: string;
	kind: 'basic' | 'reversible' | 'cloze' | 'templated';
	/**
	 * basic/reversible: front, back; cloze: text, extra (cloze numbers as written, `{{c1::…}}` → card 1);
	 * templated: q<ord>, a<ord> rendered HTML per card ordinal (e.g. q0,a0,q2,a2).
	 */
	fields: Record<string, string>;
	tags: string[];
	/** Anki deck name with '::' for sub-decks, or the file's deck. */
	deckName: string;
	explanation?: string;
	sourceQuote?: string;
	/** Source line for text formats (for messages). */
	line?: number;
	/** Anki note type name when the note came from Anki (e.g. "Basic (and reversed card)"). */
	noteType?: string;
}

export interface ImportedMedia {
	name: string;
	mime: string;
	bytes: Uint8Array;
}

/** Anki revlog, in time order; the import service replays these with the scheduler. */
export interface ImportedReview {
	noteKey: string;
	/** Card ordinal in OUR numbering (cloze: the cloze number; templated/basic: Anki's template ord). */
	ord: number;
	reviewedMs: number;
	rating: 1 | 2 | 3 | 4;
	durationMs: number;
}

export interface ImportWarning {
	line?: number;
	message: string;
}

export interface ImportedCollection {
	format: ImportFormat;
	/**
	 * For the deck list: the Kartka deck title, the Anki top-level deck name (the file name when that is
	 * "Default"), or the file name. Not an identity: updates match notes by `key` (GUIDs for Anki).
	 */
	title: string;
	/** Kartka JSON's stable deck id (other formats: the import service derives one). */
	deckId?: string;
	deckMeta?: {
		description?: string;
		version?: string;
		language?: string;
		license?: string;
		source?: { title: string; author?: string; publisher?: string; url?: string; file?: string };
	};
	notes: ImportedNote[];
	media: ImportedMedia[];
	reviews: ImportedReview[];
	/** E.g. bad lines with line numbers; the import still proceeds with the good ones. */
	warnings: ImportWarning[];
}

/**
 * Every refusal carries a stable `code` (for tests and UI logic) and a human message (shown as is).
 * Codes from the parsers: empty-file, file-too-large, cancelled, not-a-zip, zip-truncated, zip-corrupt,
 * zip-bomb, zip-too-many-files, no-collection, sqlite-corrupt, sqlite-not-anki, zstd-corrupt,
 * media-map-corrupt, binary-as-text, unbalanced-quotes, field-too-large, too-many-notes, no-notes,
 * json-invalid, deck-schema, duplicate-note-ids, too-slow, sqlite-view, zstd-window; from the worker client: internal.
 * tests/fixtures/import/malformed/manifest.json lists a file for most of them with its expected code.
 */
export class ImportError extends Error {
	constructor(
		readonly code: string,
		message: string
	) {
		super(message);
		this.name = 'ImportError';
	}
}

export const IMPORT_LIMITS = {
	/** Largest file accepted at all (checked before anything is read). */
	maxFileBytes: 200 * 1024 * 1024,
	/** Sum of the declared uncompressed sizes of the zip entries we extract. */
	maxUncompressedBytes: 512 * 1024 * 1024,
	/** A compressed entry larger than 1 MB uncompressed may not expand more than this (zip bombs). */
	maxCompressionRatio: 200,
	/** One field (one CSV cell, one Anki field, one rendered card side). */
	maxFieldBytes: 1024 * 1024,
	maxNotes: 200_000,
	maxMediaFiles: 20_000,
	/** Review-history rows kept from an Anki revlog. */
	maxReviews: 2_000_000
} as const;

export type ColumnRole = 'front' | 'back' | 'tags' | 'id' | 'deck' | 'extra';

export interface TextOptions {
	/** Field delimiter (term/definition separator for Quizlet); detected when absent. */
	delimiter?: string;
	/** Quizlet: the string between cards (default newline; also ';' or any custom string). */
	cardSeparator?: string;
	hasHeader?: boolean;
	/** 0-based column index per role; suggested automatically when absent. */
	columns?: Partial<Record<ColumnRole, number>>;
	/** Force the text flavour instead of sniffing. */
	format?: 'csv' | 'tsv' | 'quizlet' | 'anki-text';
}

export interface ParseOptions {
	fileName: string;
	signal?: AbortSignal;
	/** Overall fraction 0..1 and a short stage name ("Reading notes", "Reading media"…). */
	onProgress?: (fraction: number, stage: string) => void;
	textOptions?: TextOptions;
	/**
	 * Loads sql.js for Anki packages. Default: `import('sql.js')` with its own wasm lookup, which works in
	 * Node (tests). In the browser parse through the worker (parseWithWorker in src/lib/services/import/parse-worker-client.ts),
	 * which passes a loader for the precached wasm.
	 */
	loadSqlJs?: () => Promise<SqlJsStatic>;
	/** Read Anki's review history (revlog) into `reviews`. Default true. */
	withReviews?: boolean;
	/** `navigator.deviceMemory` where the browser tells it: lower byte limits on phones (import-limits.ts). */
	deviceMemoryGb?: number;
	/** A monotonic clock in ms for the parse's time budget (default performance.now; tests pass a fake). */
	clockMs?: () => number;
	/** Overrides the time budget of importLimitsFor (ms of `clockMs`). */
	timeBudgetMs?: number;
}

/** What the paste-text / column-mapping UI shows before the user confirms (see previewText). */
export interface TextPreview {
	format: 'csv' | 'tsv' | 'quizlet' | 'anki-text';
	delimiter: string;
	/** Quizlet/custom card separator when not a newline. */
	cardSeparator?: string;
	hasHeader: boolean;
	/** Header cells when hasHeader (else generated "Column 1", …). */
	header: string[];
	/** First rows (after the header), at most `maxRows`. */
	rows: string[][];
	/** Rows in the whole text (excluding header and Anki `#` header lines). */
	totalRows: number;
	columnCount: number;
	/** Suggested 0-based column index per role. */
	mapping: Partial<Record<ColumnRole, number>>;
	/** Encoding the bytes were decoded with (when previewing bytes). */
	encoding?: string;
	warnings: ImportWarning[];
}
