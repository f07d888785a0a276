/**
 * Anki packages (.apkg/.colpkg): a zip holding the collection (collection.anki21b (zstd, modern) >
 * collection.anki21 > collection.anki2: Anki writes a dummy legacy collection beside the real one),
 * a `media` map (JSON in legacy packages, zstd-compressed protobuf in modern ones) and numbered media files
 * (themselves zstd-compressed in modern packages).
 */
import type { SqlJsStatic } from 'sql.js';
import { buildAnkiNotes } from './anki-notes';
import { openCollection, readCollection } from './anki-collection';
import {
	IMPORT_LIMITS,
	ImportError,
	type ImportedCollection,
	type ImportedMedia,
	type ImportFormat
} from './import-model';
import { mimeFromName } from './media-types';
import type { ParseContext } from './parse-context';
import { readProtoFields, protoNumber, protoString, ProtoError } from './protobuf-reader';
import { checkZipSizes, extractZip, listZip } from './zip-reader';
import { ByteBudget } from './import-limits';
import { isZstd, zstdDecompress } from './zstd';

const LAYOUTS = [
	{ entry: 'collection.anki21b', format: 'apkg-anki21b', zstd: true },
	{ entry: 'collection.anki21', format: 'apkg-anki21', zstd: false },
	{ entry: 'collection.anki2', format: 'apkg-anki2', zstd: false }
] as const;

/** Unpacks one zstd layer inside the package's byte budget: its expansion replaces its compressed bytes. */
function unzstd(bytes: Uint8Array, what: string, budget: ByteBudget): Uint8Array {
	const out = zstdDecompress(bytes, what, budget.remainingBytes + bytes.length);
	budget.release(bytes.length);
	budget.take(out.length, what);
	return out;
}

/** Zip entry name → file name, from the `media` map. */
function readMediaMap(
	bytes: Uint8Array | undefined,
	modern: boolean,
	fileName: string,
	budget: ByteBudget
): Map<string, string> {
	const map = new Map<string, string>();
	if (!bytes || bytes.length === 0) return map;
	const bad = () =>
		new ImportError(
			'media-map-corrupt',
			`The media list inside "${fileName}" is damaged, so its images and sounds cannot be matched.`
		);
	if (modern || isZstd(bytes)) {
		try {
			const entries = readProtoFields(unzstd(bytes, 'The media list', budget));
			let index = 0;
			for (const e of entries) {
				if (e.field !== 1 || !e.bytes) continue;
				const fields = readProtoFields(e.bytes);
				const legacyName = fields.some((f) => f.field === 255) ? protoNumber(fields, 255) : index;
				map.set(String(legacyName), protoString(fields, 1));
				index++;
			}
			return map;
		} catch (e) {
			if (e instanceof ProtoError || (e instanceof ImportError && e.code === 'zstd-corrupt')) throw bad();
			throw e;
		}
	}
	try {
		const json = JSON.parse(new TextDecoder().decode(bytes)) as unknown;
		if (typeof json !== 'object' || json === null || Array.isArray(json)) throw bad();
		for (const [k, v] of Object.entries(json)) if (typeof v === 'string') map.set(k, v);
		return map;
	} catch (e) {
		if (e instanceof ImportError) throw e;
		throw bad();
	}
}

/** A media file name that is safe as a key and references in fields (no folders, no control characters). */
function usableMediaName(name: string): boolean {
	const hasControl = [...name].some((c) => c.charCodeAt(0) < 32);
	return (
		name.length > 0 &&
		name.length <= 255 &&
		!hasControl &&
		!/[/\\]/.test(name) &&
		name !== '.' &&
		name !== '..'
	);
}

export interface ApkgOptions {
	fileName: string;
	loadSqlJs: () => Promise<SqlJsStatic>;
	withReviews: boolean;
	/** One budget for everything the package expands to (import-limits.ts). */
	maxUncompressedBytes?: number;
}

export async function parseApkg(
	bytes: Uint8Array,
	opts: ApkgOptions,
	ctx: ParseContext
): Promise<ImportedCollection> {
	const { fileName } = opts;
	ctx.step(0.02, 'Reading the package');
	const entries = listZip(bytes, fileName);
	const names = new Set(entries.map((e) => e.name));
	const layout = LAYOUTS.find((l) => names.has(l.entry));
	if (!layout) {
		throw new ImportError(
			'no-collection',
			`"${fileName}" is a zip archive but holds no Anki collection (collection.anki21b, .anki21 or .anki2).`
		);
	}
	const mediaMapEntry = entries.find((e) => e.name === 'media');
	const wanted = entries.filter((e) => e.name === layout.entry || e.name === 'media');
	const budget = new ByteBudget(opts.maxUncompressedBytes ?? IMPORT_LIMITS.maxUncompressedBytes, fileName);
	// Declared sizes first (nothing inflated yet); zstd layers are counted as they unpack.
	checkZipSizes(entries, fileName, budget.limitBytes);
	budget.take(
		entries.reduce((sum, e) => sum + e.uncompressedBytes, 0),
		'the zip entries'
	);
	const head = extractZip(bytes, new Set(wanted.map((e) => e.name)), fileName);
	ctx.step(0.1, 'Opening the collection');
	let sqlite = head.get(layout.entry)!;
	if (layout.zstd) sqlite = unzstd(sqlite, `The collection in "${fileName}"`, budget);
	const what = `The collection in "${fileName}"`;
	const SQL = await opts.loadSqlJs();
	ctx.step(0.2, 'Opening the collection');
	const db = openCollection(SQL, sqlite, what);
	let col;
	try {
		col = readCollection(db, what, opts.withReviews);
	} finally {
		db.close();
	}
	ctx.step(0.35, 'Reading notes');
	const built = buildAnkiNotes(col, ctx, 0.35, 0.8);
	const mediaMap = readMediaMap(mediaMapEntry ? head.get('media') : undefined, layout.zstd, fileName, budget);
	const warnings = built.warnings;
	if (mediaMap.size > IMPORT_LIMITS.maxMediaFiles) {
		throw new ImportError(
			'zip-too-many-files',
			`"${fileName}" lists ${mediaMap.size} media files; Kartka imports at most ${IMPORT_LIMITS.maxMediaFiles}.`
		);
	}
	const media: ImportedMedia[] = [];
	const zipNames = [...mediaMap.keys()].filter((k) => names.has(k));
	for (const [zipName, name] of mediaMap) {
		if (!names.has(zipName))
			warnings.push({ message: `The media file "${name}" is listed but missing from the package.` });
	}
	// Extract in batches, so that progress moves and cancelling is honoured between them.
	const BATCH = 200;
	for (let i = 0; i < zipNames.length; i += BATCH) {
		ctx.step(0.8 + (0.2 * i) / zipNames.length, 'Reading media');
		const batch = zipNames.slice(i, i + BATCH);
		const files = extractZip(bytes, new Set(batch), fileName);
		for (const zipName of batch) {
			const name = mediaMap.get(zipName)!;
			let data = files.get(zipName);
			if (!data) continue;
			if (!usableMediaName(name)) {
				warnings.push({
					message: `The media file named ${JSON.stringify(name)} has an unusable name and was skipped.`
				});
				continue;
			}
			ctx.checkCancelled();
			if (layout.zstd && isZstd(data)) data = unzstd(data, `The media file "${name}"`, budget);
			media.push({ name, mime: mimeFromName(name), bytes: data });
		}
	}
	ctx.step(1, 'Done');
	if (built.notes.length === 0) {
		throw new ImportError(
			'no-notes',
			`"${fileName}" holds no notes that Kartka can import.${warnings[0] ? ` ${warnings[0].message}` : ''}`
		);
	}
	const format: ImportFormat = /\.colpkg$/i.test(fileName) ? 'colpkg' : layout.format;
	const title =
		built.topDeck && built.topDeck !== 'Default'
			? built.topDeck
			: fileName.replace(/\.(apkg|colpkg|zip)$/i, '');
	return { format, title, notes: built.notes, media, reviews: built.reviews, warnings };
}
