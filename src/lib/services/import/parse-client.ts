/**
 * Parses in a worker (parse-worker-client) so that a large file never freezes the page, with progress
 * and cancel. Where there is no Worker (unit tests in Node) it parses in place, with the same options.
 */
import { ImportError, type ImportedCollection, type ParseOptions } from '$lib/domain/import/import-model';

export async function parseInWorker(bytes: Uint8Array, options: ParseOptions): Promise<ImportedCollection> {
	if (options.signal?.aborted) throw new ImportError('cancelled', 'Import cancelled: nothing was changed.');
	if (typeof Worker !== 'undefined') {
		const { parseWithWorker } = await import('./parse-worker-client');
		return parseWithWorker(bytes, options);
	}
	const { parseImport } = await import('$lib/domain/import/parse-import');
	return parseImport(bytes, options);
}
