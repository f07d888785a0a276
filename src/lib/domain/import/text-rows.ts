/**
 * Splitting text into rows of cells, each with the line it starts on: CSV/TSV through papaparse (quoted
 * multi-line fields, comments), Quizlet exports by their term and card separators (no quoting at all).
 */
import Papa from 'papaparse';
import { ImportError, type ImportWarning } from './import-model';
import type { ParseContext } from './parse-context';

export interface TextRow {
	cells: string[];
	/** 1-based line in the original text where the row starts. */
	line: number;
}

function countNewlines(text: string, from: number, to: number): number {
	let n = 0;
	for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) n++;
	return n;
}

export interface DelimitedOptions {
	delimiter: string;
	comments: boolean;
	/** Line number of the first body line (after any Anki header lines). */
	firstLine: number;
	/** Stop after this many rows (previews). */
	maxRows?: number;
	/** Tab-separated text falls back to reading quotes literally when a quote never closes. */
	literalQuotesFallback: boolean;
}

export function readDelimitedRows(
	body: string,
	opts: DelimitedOptions,
	ctx: ParseContext,
	warnings: ImportWarning[],
	quoted = true
): TextRow[] {
	const rows: TextRow[] = [];
	let prevCursor = 0;
	let linesBefore = 0; // newlines before prevCursor
	let failure: { line: number } | undefined;
	Papa.parse<string[]>(body, {
		delimiter: opts.delimiter,
		newline: '\n',
		quoteChar: quoted ? '"' : '\u0000',
		comments: opts.comments ? '#' : false,
		skipEmptyLines: false,
		step(result, parser) {
			const cursor = result.meta.cursor;
			const cells = result.data;
			const endLine = linesBefore + countNewlines(body, prevCursor, Math.max(prevCursor, cursor - 1));
			const inner = cells.reduce((n, c) => n + countNewlines(c, 0, c.length), 0);
			// The row starts no earlier than where the previous one ended (comments in between move it on);
			// a quote that never closes swallows the rest, so its row starts where the previous one ended.
			const line = Math.max(opts.firstLine + linesBefore, opts.firstLine + endLine - inner);
			linesBefore += countNewlines(body, prevCursor, cursor);
			prevCursor = cursor;
			if (result.errors.some((e) => e.code === 'MissingQuotes')) {
				failure = { line };
				parser.abort();
				return;
			}
			if (result.errors.some((e) => e.code === 'InvalidQuotes')) {
				warnings.push({
					line,
					message: `Line ${line}: a closing quote is followed by more text; the field was read as written.`
				});
			}
			if (cells.length === 1 && cells[0] === '') return; // blank line
			rows.push({ cells, line });
			if (rows.length % 2000 === 0) ctx.checkCancelled();
			if (opts.maxRows !== undefined && rows.length >= opts.maxRows) parser.abort();
		}
	});
	if (failure) {
		if (opts.literalQuotesFallback && quoted) {
			warnings.push({
				line: failure.line,
				message: `Line ${failure.line}: a quote opens a field that never closes, so quotes were read as ordinary characters.`
			});
			return readDelimitedRows(body, opts, ctx, warnings, false);
		}
		throw new ImportError(
			'unbalanced-quotes',
			`Line ${failure.line}: a field starts with a quote (") that is never closed, so the rest of the file would be read as one field. Close the quote, or remove it. Nothing was imported.`
		);
	}
	return rows;
}

/** Quizlet export: cards split by `cardSeparator`, term and definition by the first `termSeparator`. */
export function readQuizletRows(
	text: string,
	termSeparator: string,
	cardSeparator: string,
	maxRows?: number
): TextRow[] {
	const rows: TextRow[] = [];
	let at = 0;
	let line = 1;
	while (at <= text.length) {
		let end = text.indexOf(cardSeparator, at);
		if (end === -1) end = text.length;
		const card = text.slice(at, end);
		const lead = card.length - card.trimStart().length;
		const cardLine = line + countNewlines(card, 0, lead);
		const sep = card.indexOf(termSeparator);
		const trimmed = card.trim();
		if (trimmed !== '') {
			rows.push({
				cells:
					sep === -1 ? [trimmed] : [card.slice(0, sep).trim(), card.slice(sep + termSeparator.length).trim()],
				line: cardLine
			});
			if (maxRows !== undefined && rows.length >= maxRows) break;
		}
		line += countNewlines(text, at, end + cardSeparator.length);
		at = end + cardSeparator.length;
	}
	return rows;
}
