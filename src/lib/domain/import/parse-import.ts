/**
 * The single entry of the import parsers: sniffs the format from the bytes (zip magic → Anki package;
 * JSON → Kartka deck; else text: Anki text headers, Quizlet, CSV/TSV) and returns the neutral model.
 * Pure: no database, no DOM. Every refusal is an ImportError with a specific code and message.
 */
import type { SqlJsStatic } from 'sql.js';
import { parseApkg } from './apkg';
import {
	IMPORT_LIMITS,
	ImportError,
	type ImportedCollection,
	type ParseOptions,
	type TextOptions
} from './import-model';
import { importLimitsFor } from './import-limits';
import { parseKartkaJson } from './kartka-json';
import { ParseContext } from './parse-context';
import { decodeText } from './text-decode';
import { parseTextImport } from './text-import';
import { looksLikeZip } from './zip-reader';
import { mb } from './zstd';

export { previewText } from './text-import';

async function defaultSqlJs(): Promise<SqlJsStatic> {
	const { default: initSqlJs } = await import('sql.js');
	return initSqlJs();
}

const PACKAGE_NAME = /\.(apkg|colpkg)$/i;

export async function parseImport(bytes: Uint8Array, options: ParseOptions): Promise<ImportedCollection> {
	const limits = importLimitsFor(options.deviceMemoryGb);
	const ctx = new ParseContext(options, options.timeBudgetMs ?? limits.timeBudgetMs);
	const fileName = options.fileName || 'Imported file';
	ctx.step(0, 'Starting');
	if (bytes.length === 0)
		throw new ImportError('empty-file', `"${fileName}" is empty (0 bytes): there is nothing to import.`);
	if (bytes.length > limits.maxFileBytes) {
		throw new ImportError(
			'file-too-large',
			`"${fileName}" is ${mb(bytes.length)}; Kartka imports files of at most ${mb(limits.maxFileBytes)}${limits.maxFileBytes < IMPORT_LIMITS.maxFileBytes ? ' on this device' : ''}.`
		);
	}
	if (looksLikeZip(bytes) || PACKAGE_NAME.test(fileName)) {
		return parseApkg(
			bytes,
			{
				fileName,
				loadSqlJs: options.loadSqlJs ?? defaultSqlJs,
				withReviews: options.withReviews ?? true,
				maxUncompressedBytes: limits.maxUncompressedBytes
			},
			ctx
		);
	}
	const { text } = decodeText(bytes, fileName);
	return parseText(text, { ...options, fileName }, ctx);
}

/** Pasted text (already a string) goes straight to the text/JSON parsers. */
export function parseImportText(text: string, options: ParseOptions): ImportedCollection {
	const budgetMs = options.timeBudgetMs ?? importLimitsFor(options.deviceMemoryGb).timeBudgetMs;
	return parseText(text, options, new ParseContext(options, budgetMs));
}

function parseText(text: string, options: ParseOptions, ctx: ParseContext): ImportedCollection {
	const fileName = options.fileName || 'Pasted text';
	if (text.trim() === '')
		throw new ImportError('empty-file', `"${fileName}" holds only blank space: there is nothing to import.`);
	const start = text.trimStart()[0];
	const textOptions: TextOptions = options.textOptions ?? {};
	if (!textOptions.format && (/\.json$/i.test(fileName) || start === '{' || start === '[')) {
		ctx.step(0.1, 'Checking the deck');
		const collection = parseKartkaJson(text, fileName);
		ctx.step(1, 'Done');
		return collection;
	}
	return parseTextImport(text, fileName, textOptions, ctx);
}
