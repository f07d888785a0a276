/** Single entry of the import parsers: sniffs the format and returns the neutral model. (Being written by 5a.) */
import { ImportError, type ImportedCollection, type ParseOptions, type TextOptions, type TextPreview } from './import-model';

export async function parseImport(bytes: Uint8Array, options: ParseOptions): Promise<ImportedCollection> {
	void bytes;
	void options;
	throw new ImportError('unsupported-format', 'Import parsers are not ready yet.');
}

export function previewText(text: string, options: TextOptions & { maxRows?: number } = {}): TextPreview {
	void text;
	void options;
	throw new ImportError('unsupported-format', 'Import parsers are not ready yet.');
}
