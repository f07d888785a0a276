/**
 * The deck row an import writes (pure): title, description, version and source from the file's own
 * metadata where it has them, else from where the file came from. Only http(s) links are kept as URLs.
 */
import type { DeckRow } from '../model';
import type { ImportedCollection } from './import-model';

export interface ImportSource {
	kind: 'file' | 'url' | 'text';
	/** File name (or a name for pasted text). */
	name: string;
	url?: string;
}

/** Tags as stored: trimmed, no empty ones, each once. */
export function cleanTags(tags: string[]): string[] {
	return [...new Set(tags.map((t) => t.trim()).filter(Boolean))];
}

function isHttpUrl(url: string | undefined): url is string {
	return !!url && /^https?:\/\//i.test(url);
}

/** The row of a deck an import creates: the file's own metadata where it has some, else where it came from. */
export function importedDeckRow(
	coll: ImportedCollection,
	id: string,
	title: string,
	options: { source: ImportSource; nowMs: number },
	hash: string
): DeckRow {
	const { source, nowMs } = options;
	const meta = coll.deckMeta ?? {};
	const metaSource = meta.source && {
		...meta.source,
		url: isHttpUrl(meta.source.url) ? meta.source.url : undefined
	};
	return {
		id,
		title,
		description: meta.description ?? `Imported from ${source.name}.`,
		version: meta.version ?? new Date(nowMs).toISOString().slice(0, 10),
		language: meta.language ?? '',
		license: meta.license ?? '',
		source: metaSource ?? {
			title: source.name,
			...(isHttpUrl(source.url) ? { url: source.url } : { file: source.name })
		},
		origin: 'import',
		contentHash: hash,
		createdMs: nowMs,
		updatedMs: nowMs,
		importedFrom: {
			name: source.name,
			format: coll.format,
			importedMs: nowMs,
			...(isHttpUrl(source.url) ? { url: source.url } : {})
		}
	};
}
