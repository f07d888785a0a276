/**
 * Text imports (CSV, TSV, Quizlet, Anki text files) → ImportedCollection, and the preview for the paste /
 * column-mapping UI. Bad lines become warnings with their line numbers; the good lines still import.
 */
import { escapeText } from '../html-escape';
import { hasClozeSyntax } from '../cloze';
import {
	IMPORT_LIMITS,
	ImportError,
	type ColumnRole,
	type ImportedCollection,
	type ImportedNote,
	type ImportWarning,
	type TextOptions,
	type TextPreview
} from './import-model';
import { frontKey } from './note-key';
import { ParseContext } from './parse-context';
import { layoutOf, looksLikeHeader, suggestMapping, type TextLayout } from './text-layout';
import { readDelimitedRows, readQuizletRows, type TextRow } from './text-rows';
import { mb } from './zstd';

interface Analysis {
	layout: TextLayout;
	rows: TextRow[];
	hasHeader: boolean;
	header: string[];
	columnCount: number;
	mapping: Partial<Record<ColumnRole, number>>;
	warnings: ImportWarning[];
}

function mode(values: number[]): number {
	const freq = new Map<number, number>();
	for (const v of values) freq.set(v, (freq.get(v) ?? 0) + 1);
	return [...freq.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 0;
}

function analyze(text: string, options: TextOptions, ctx: ParseContext, maxRows?: number): Analysis {
	const warnings: ImportWarning[] = [];
	const layout = layoutOf(text, options);
	const rows =
		layout.format === 'quizlet'
			? readQuizletRows(layout.body, layout.delimiter, layout.cardSeparator ?? '\n', maxRows)
			: readDelimitedRows(
					layout.body,
					{
						delimiter: layout.delimiter,
						comments: layout.comments,
						firstLine: layout.firstLine,
						maxRows,
						literalQuotesFallback: layout.delimiter === '\t'
					},
					ctx,
					warnings
				);
	const columnsHeader = layout.headers.columnsRaw?.split(layout.delimiter).map((c) => c.trim());
	const hasHeader = columnsHeader
		? false
		: (options.hasHeader ??
			(layout.format !== 'quizlet' && rows[0] !== undefined && looksLikeHeader(rows[0].cells)));
	const headerRow = hasHeader ? rows.shift() : undefined;
	const header = columnsHeader ?? headerRow?.cells.map((c) => c.trim()) ?? [];
	const columnCount = header.length || mode(rows.map((r) => r.cells.length));
	const mapping = options.columns
		? { ...options.columns }
		: suggestMapping(header.length ? header : undefined, columnCount, layout.headers);
	return { layout, rows, hasHeader: hasHeader || !!columnsHeader, header, columnCount, mapping, warnings };
}

export function previewText(text: string, options: TextOptions & { maxRows?: number } = {}): TextPreview {
	const maxRows = options.maxRows ?? 20;
	const a = analyze(text, options, new ParseContext({}));
	const header = a.header.length
		? a.header
		: Array.from({ length: a.columnCount }, (_, i) => `Column ${i + 1}`);
	return {
		format: a.layout.format,
		delimiter: a.layout.delimiter,
		...(a.layout.cardSeparator !== undefined && a.layout.cardSeparator !== '\n'
			? { cardSeparator: a.layout.cardSeparator }
			: {}),
		hasHeader: a.hasHeader,
		header,
		rows: a.rows.slice(0, maxRows).map((r) => r.cells),
		totalRows: a.rows.length,
		columnCount: a.columnCount,
		mapping: a.mapping,
		warnings: a.warnings
	};
}

const BLOCK_HTML = /<(br|div|p|li|ul|ol|table|tr)\b/i;

/**
 * Spreadsheets (and Kartka's CSV export) write a cell that starts like a formula (= + - @ tab CR) with a
 * leading ' so that it stays text; the apostrophe is not part of the content (a spreadsheet hides it too).
 */
const unescapeFormula = (cell: string) => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);

/** Multi-line cells keep their line breaks on the card (unless they are already laid out with HTML). */
function cellHtml(value: string, html: boolean): string {
	const v = value.trim();
	if (!html) return escapeText(v).replace(/\n/g, '<br>');
	return BLOCK_HTML.test(v) ? v : v.replace(/\n/g, '<br>');
}

const isBlank = (s: string) => s.replace(/<br\s*\/?>|&nbsp;|\s/gi, '') === '';

export function parseTextImport(
	text: string,
	fileName: string,
	options: TextOptions,
	ctx: ParseContext
): ImportedCollection {
	ctx.step(0.05, 'Reading text');
	const a = analyze(text, options, ctx);
	const { layout, mapping, warnings } = a;
	const h = layout.headers;
	const title = h.deck?.split('::')[0] || fileName.replace(/\.(csv|tsv|txt|text)$/i, '') || 'Imported deck';
	const front = mapping.front ?? 0;
	const back = mapping.back ?? 1;
	const needed = Math.max(front, back) + 1;
	const expected = Math.max(a.columnCount, needed);
	const notes: ImportedNote[] = [];
	const byKey = new Map<string, { line: number; back: string; count: number }>();
	const explicitIds = new Map<string, number>();
	if (a.rows.length > IMPORT_LIMITS.maxNotes) {
		throw new ImportError(
			'too-many-notes',
			`The text has ${a.rows.length} rows; Kartka imports at most ${IMPORT_LIMITS.maxNotes} notes at once.`
		);
	}
	a.rows.forEach((row, i) => {
		if (i % 1000 === 0) ctx.step(0.1 + (0.9 * i) / a.rows.length, 'Reading cards');
		const cells = [...row.cells];
		while (cells.length > expected && cells[cells.length - 1]!.trim() === '') cells.pop();
		const line = row.line;
		for (const [c, value] of cells.entries()) {
			if (value.length > IMPORT_LIMITS.maxFieldBytes) {
				throw new ImportError(
					'field-too-large',
					`Line ${line}, column ${c + 1} holds ${mb(value.length)} of text; a field may hold at most ${mb(IMPORT_LIMITS.maxFieldBytes)}. Nothing was imported.`
				);
			}
		}
		if (cells.length > expected || cells.length < needed) {
			const what = cells.length > expected ? 'too many' : 'too few';
			warnings.push({
				line,
				message: `Line ${line}: ${cells.length} field(s), expected ${expected} (${what}); skipped.`
			});
			return;
		}
		const cell = (role: ColumnRole) => {
			const idx = mapping[role];
			return idx === undefined ? '' : unescapeFormula(cells[idx] ?? '');
		};
		const frontHtml = cellHtml(cell('front'), layout.html);
		const backHtml = cellHtml(cell('back'), layout.html);
		if (isBlank(frontHtml)) {
			warnings.push({ line, message: `Line ${line}: the front is empty; skipped.` });
			return;
		}
		const id = cell('id').trim();
		let key = id;
		if (id) {
			const first = explicitIds.get(id);
			if (first !== undefined) {
				throw new ImportError(
					'duplicate-note-ids',
					`Lines ${first} and ${line} have the same id "${id}"; each note needs its own id. Nothing was imported.`
				);
			}
			explicitIds.set(id, line);
		} else {
			key = frontKey(frontHtml);
			const seen = byKey.get(key);
			if (seen && seen.back === backHtml) {
				warnings.push({ line, message: `Line ${line}: duplicate of line ${seen.line}; skipped.` });
				return;
			}
			if (seen) key = `${key}-${++seen.count}`;
			else byKey.set(key, { line, back: backHtml, count: 1 });
		}
		const notetype = (
			h.notetypeColumn !== undefined ? (cells[h.notetypeColumn] ?? '') : (h.notetype ?? '')
		).toLowerCase();
		const extra = cellHtml(cell('extra'), layout.html);
		const tags = [...h.tags, ...cell('tags').split(/[\s,]+/)].filter(Boolean);
		const deckName = cell('deck').trim() || h.deck || title;
		const base = { key, tags: [...new Set(tags)], deckName, line };
		if (notetype.includes('cloze') || hasClozeSyntax(frontHtml)) {
			notes.push({
				...base,
				kind: 'cloze',
				fields: { text: frontHtml, extra: [backHtml, extra].filter((s) => !isBlank(s)).join('<br>') }
			});
		} else {
			const kind = notetype.includes('reverse') && !isBlank(backHtml) ? 'reversible' : 'basic';
			notes.push({
				...base,
				kind,
				fields: { front: frontHtml, back: backHtml },
				...(cell('extra').trim() ? { explanation: cell('extra').trim() } : {})
			});
		}
	});
	ctx.step(1, 'Done');
	if (notes.length === 0) {
		const why = warnings.length
			? ` ${warnings
					.slice(0, 3)
					.map((w) => w.message)
					.join(' ')}`
			: ' It has no rows of cards (a header or comments at most).';
		throw new ImportError('no-notes', `No cards found in "${fileName}".${why}`);
	}
	const format = layout.format;
	return { format, title, notes, media: [], reviews: [], warnings };
}
