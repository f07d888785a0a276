/**
 * Reading .apkg/.colpkg zips with fflate, checking the central directory BEFORE inflating anything:
 * entry count, declared sizes, total and compression ratio (zip bombs). fflate inflates into a buffer
 * of the declared size, so an entry that lies about its size cannot grow past it either.
 */
import { unzipSync, type UnzipFileInfo } from 'fflate';
import { IMPORT_LIMITS, ImportError } from './import-model';
import { mb } from './zstd';

export interface ZipEntryInfo {
	name: string;
	compressedBytes: number;
	uncompressedBytes: number;
	compression: number;
}

const LOCAL_HEADER = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ARCHIVE = [0x50, 0x4b, 0x05, 0x06];

export function looksLikeZip(bytes: Uint8Array): boolean {
	const starts = (sig: number[]) => sig.every((b, i) => bytes[i] === b);
	return starts(LOCAL_HEADER) || starts(EMPTY_ARCHIVE);
}

/** fflate reports problems as numbered errors; map them to what the user should hear. */
function zipFailure(e: unknown, fileName: string): ImportError {
	if (e instanceof ImportError) return e;
	const code = (e as { code?: number }).code;
	if (code === 13) {
		return new ImportError(
			'zip-truncated',
			`"${fileName}" is an incomplete zip archive (its table of contents is missing): the download or copy was probably cut short.`
		);
	}
	if (code === 14) {
		return new ImportError('zip-corrupt', `"${fileName}" uses a zip compression method Kartka cannot read.`);
	}
	return new ImportError(
		'zip-corrupt',
		`"${fileName}" is a damaged zip archive: part of its compressed data cannot be read.`
	);
}

/** Lists the entries from the central directory, without inflating anything. */
export function listZip(bytes: Uint8Array, fileName: string): ZipEntryInfo[] {
	if (!looksLikeZip(bytes)) {
		throw new ImportError(
			'not-a-zip',
			`"${fileName}" is not a zip archive, so it is not a real Anki package (.apkg/.colpkg files are zip archives).`
		);
	}
	const entries: ZipEntryInfo[] = [];
	try {
		unzipSync(bytes, {
			filter(info: UnzipFileInfo) {
				entries.push({
					name: info.name,
					compressedBytes: info.size,
					uncompressedBytes: info.originalSize,
					compression: info.compression
				});
				if (entries.length > IMPORT_LIMITS.maxMediaFiles + 16) {
					throw new ImportError(
						'zip-too-many-files',
						`"${fileName}" holds more than ${IMPORT_LIMITS.maxMediaFiles} files; Kartka imports at most that many media files.`
					);
				}
				return false;
			}
		});
	} catch (e) {
		throw zipFailure(e, fileName);
	}
	for (const e of entries) {
		if (e.compressedBytes + 30 > bytes.length) {
			throw new ImportError(
				'zip-truncated',
				`"${fileName}" is incomplete: the entry "${e.name}" claims ${mb(e.compressedBytes)} but the file is only ${mb(bytes.length)}.`
			);
		}
	}
	return entries;
}

/** Refuses archives whose declared sizes or ratios could exhaust memory (zip bombs). */
export function checkZipSizes(
	entries: ZipEntryInfo[],
	fileName: string,
	maxTotalBytes: number = IMPORT_LIMITS.maxUncompressedBytes
): void {
	let total = 0;
	for (const e of entries) {
		total += e.uncompressedBytes;
		const ratio = e.uncompressedBytes / Math.max(1, e.compressedBytes);
		if (e.uncompressedBytes > 1024 * 1024 && ratio > IMPORT_LIMITS.maxCompressionRatio) {
			throw new ImportError(
				'zip-bomb',
				`"${fileName}" looks like a zip bomb: "${e.name}" would expand ${Math.round(ratio)}× (${mb(e.compressedBytes)} → ${mb(e.uncompressedBytes)}). Nothing was imported.`
			);
		}
	}
	if (total > maxTotalBytes) {
		throw new ImportError(
			'zip-bomb',
			`"${fileName}" would expand to ${mb(total)}, more than the ${mb(maxTotalBytes)} Kartka unpacks${maxTotalBytes < IMPORT_LIMITS.maxUncompressedBytes ? ' on this device' : ''}. Nothing was imported.`
		);
	}
}

/** Inflates the named entries (already checked by checkZipSizes). */
export function extractZip(
	bytes: Uint8Array,
	names: ReadonlySet<string>,
	fileName: string
): Map<string, Uint8Array> {
	try {
		const files = unzipSync(bytes, { filter: (info) => names.has(info.name) });
		return new Map(Object.entries(files));
	} catch (e) {
		throw zipFailure(e, fileName);
	}
}
