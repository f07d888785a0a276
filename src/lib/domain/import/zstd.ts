/**
 * Zstandard decompression (fzstd) with size checks made from the frame header BEFORE any buffer is
 * allocated, and a running count when the frame does not declare its size (Anki's streaming encoder).
 */
import { concatBytes } from '../bytes';
import { Decompress, decompress } from 'fzstd';
import { IMPORT_LIMITS, ImportError } from './import-model';
import { zstdFrames } from './zstd-frames';

const MAGIC = [0x28, 0xb5, 0x2f, 0xfd];

export function isZstd(bytes: Uint8Array): boolean {
	return MAGIC.every((b, i) => bytes[i] === b);
}

/**
 * The largest window of a frame that does not declare its size. Streaming keeps a sliding window and moves it
 * for every block, so a huge window makes unpacking quadratic; 8 MB is the window the Zstandard spec asks
 * every decoder to support, and more than Anki's encoder uses.
 */
const MAX_STREAM_WINDOW_BYTES = 8 * 1024 * 1024;

/** Decompresses `what` (named in messages), refusing to grow past `maxBytes`. */
export function zstdDecompress(
	bytes: Uint8Array,
	what: string,
	maxBytes: number = IMPORT_LIMITS.maxUncompressedBytes
): Uint8Array {
	const frames = zstdFrames(bytes);
	if (!frames || frames.length === 0)
		throw new ImportError('zstd-corrupt', `${what} is not valid Zstandard data.`);
	// Every frame counts (a small first frame may hide a huge second one), before anything is allocated.
	const declared = frames.reduce((sum, f) => sum + (f.contentBytes ?? 0), 0);
	if (declared > maxBytes || frames.some((f) => f.windowBytes > maxBytes)) {
		throw new ImportError(
			'zip-bomb',
			`${what} would expand to more than ${mb(maxBytes)}; refusing to unpack it.`
		);
	}
	if (frames.some((f) => f.truncated)) {
		throw new ImportError(
			'zstd-corrupt',
			`${what} is damaged: its Zstandard data could not be decompressed.`
		);
	}
	if (frames.some((f) => !f.singleSegment && f.windowBytes > MAX_STREAM_WINDOW_BYTES)) {
		throw new ImportError(
			'zstd-window',
			`${what} uses a Zstandard window of more than ${mb(MAX_STREAM_WINDOW_BYTES)}, which Kartka does not unpack.`
		);
	}
	try {
		// Single-segment frames with declared sizes (Anki's media): one buffer of exactly the declared total.
		if (frames.every((f) => f.singleSegment && f.contentBytes !== undefined)) {
			const out = decompress(bytes);
			if (out.length > maxBytes)
				throw new ImportError(
					'zip-bomb',
					`${what} expands to more than ${mb(maxBytes)}; refusing to unpack it.`
				);
			return out;
		}
		// Otherwise streamed and counted as it unpacks (Anki's streaming encoder declares no size).
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
		return concatBytes(chunks, total);
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
