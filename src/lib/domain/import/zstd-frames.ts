/**
 * Walks the frames of a Zstandard stream WITHOUT decompressing: frame headers and block headers only
 * (a few bytes per 128 KB block). This tells, before any buffer is allocated, how much every frame
 * declares and which frames do not declare their size, so that no frame hides behind a small first one.
 */

export interface FrameInfo {
	/** Declared content size, or undefined when the frame does not say. */
	contentBytes?: number;
	windowBytes: number;
	/** The whole frame is one segment: a decoder writes straight into one buffer of contentBytes. */
	singleSegment: boolean;
	/** The data ends inside this frame (its header was still read, so its declared size can be refused). */
	truncated?: boolean;
}

const SKIPPABLE = 0x184d2a5;

/** The frames of `bytes`, or undefined when the data is not a well-formed sequence of frames. */
export function zstdFrames(bytes: Uint8Array): FrameInfo[] | undefined {
	const frames: FrameInfo[] = [];
	let at = 0;
	const u32 = (i: number) =>
		(bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16)) + bytes[i + 3]! * 2 ** 24;
	while (at < bytes.length) {
		if (at + 8 > bytes.length) return undefined;
		const magic = u32(at);
		if (Math.floor(magic / 16) === SKIPPABLE) {
			at += 8 + u32(at + 4);
			continue;
		}
		if (magic !== 0xfd2fb528) return undefined;
		const flags = bytes[at + 4]!;
		const singleSegment = ((flags >> 5) & 1) === 1;
		const dictBytes = [0, 1, 2, 4][flags & 3]!;
		const fcsFlag = flags >> 6;
		const fcsBytes = fcsFlag ? 1 << fcsFlag : singleSegment ? 1 : 0;
		let p = at + 5;
		let windowBytes = 0;
		if (!singleSegment) {
			const wd = bytes[p++]!;
			const base = 2 ** (10 + (wd >> 3));
			windowBytes = base + (base / 8) * (wd & 7);
		}
		p += dictBytes;
		let contentBytes: number | undefined;
		if (fcsBytes) {
			if (p + fcsBytes > bytes.length) return undefined;
			let v = 0;
			for (let i = fcsBytes - 1; i >= 0; i--) v = v * 256 + bytes[p + i]!;
			contentBytes = fcsBytes === 2 ? v + 256 : v;
			p += fcsBytes;
		}
		if (singleSegment) windowBytes = contentBytes ?? 0;
		const frame: FrameInfo = { contentBytes, windowBytes, singleSegment };
		frames.push(frame);
		for (;;) {
			if (p + 3 > bytes.length) {
				frame.truncated = true;
				return frames;
			}
			const header = bytes[p]! | (bytes[p + 1]! << 8) | (bytes[p + 2]! << 16);
			const last = header & 1;
			const type = (header >> 1) & 3;
			const size = header >>> 3;
			if (type === 3) return undefined;
			p += 3 + (type === 1 ? 1 : size);
			if (last) break;
		}
		if ((flags >> 2) & 1) p += 4; // content checksum
		if (p > bytes.length) frame.truncated = true;
		at = p;
	}
	return frames;
}
