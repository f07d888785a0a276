/**
 * Zstandard decompression (fzstd) with size checks made from the frame header BEFORE any buffer is
 * allocated, and a running count when the frame does not declare its size (Anki's streaming encoder).
 */
import { Decompress } from 'fzstd';
import { IMPORT_LIMITS, ImportError } from './import-model';

const MAGIC = [0x28, 0xb5, 0x2f, 0xfd];

export function isZstd(bytes: Uint8Array): boolean {
	return MAGIC.every((b, i) => bytes[i] === b);
}

interface FrameHeader {
	/** Declared content size, or undefined when the frame does not say. */
	contentBytes?: number;
	windowBytes: number;
}

function readFrameHeader(bytes: Uint8Array): FrameHeader | undefined {
	if (!isZstd(bytes) || bytes.length < 6) return undefined;
	const flags = bytes[4]!;
	const singleSegment = (flags >> 5) & 1;
	const dictBytes = [0, 1, 2, 4][flags & 3]!;
	const fcsFlag = flags >> 6;
	let at = 5 + (singleSegment ? 0 : 1) + dictBytes;
	const fcsBytes = fcsFlag ? 1 << fcsFlag : singleSegment;
	let contentBytes: number | undefined;
	if (fcsBytes) {
		if (at + fcsBytes > bytes.length) return undefined;
		let v = 0;
		for (let i = fcsBytes - 1; i >= 0; i--) v = v * 256 + bytes[at + i]!;
		contentBytes = fcsBytes === 2 ? v + 256 : v;
		at += fcsBytes;
	}
	let windowBytes = contentBytes ?? 0;
	if (!singleSegment) {
		const wd = bytes[5]!;
		const base = 2 ** (10 + (wd >> 3));
		windowBytes = base + (base / 8) * (wd & 7);
	}
	return { contentBytes, windowBytes };
}

/** Decompresses `what` (named in messages), refusing to grow past `maxBytes`. */
export function zstdDecompress(
	bytes: Uint8Array,
	what: string,
	maxBytes: number = IMPORT_LIMITS.maxUncompressedBytes
): Uint8Array {
	const header = readFrameHeader(bytes);
	if (!header) throw new ImportError('zstd-corrupt', `${what} is not valid Zstandard data.`);
	if ((header.contentBytes ?? 0) > maxBytes || header.windowBytes > maxBytes) {
		throw new ImportError(
			'zip-bomb',
			`${what} would expand to more than ${mb(maxBytes)}; refusing to unpack it.`
		);
	}
	try {
		// Always streamed and counted: a declared size only describes the FIRST frame, and more frames may follow.
		const chunks: Uint8Array[] = [];
		let total = 0;
		const stream = new Decompress((chunk) => {
			total += chunk.length;
			if (total > maxBytes) {
				throw new ImportError(
					'zip-bomb',
					`${what} expands to more than ${mb(maxBytes)}; refusing to unpack it.`
				);
			}
			chunks.push(chunk);
		});
		stream.push(bytes, true);
		const out = new Uint8Array(total);
		let at = 0;
		for (const c of chunks) {
			out.set(c, at);
			at += c.length;
		}
		return out;
	} catch (e) {
		if (e instanceof ImportError) throw e;
		throw new ImportError(
			'zstd-corrupt',
			`${what} is damaged: its Zstandard data could not be decompressed.`
		);
	}
}

/** Sizes for messages: "12 KB", "1.0 MB", "3840 MB". */
export function mb(bytes: number): string {
	if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
	return `${(bytes / (1024 * 1024)).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;
}
