/** Chunks (of a download or a decompressed stream) joined into one buffer of `totalBytes`. */
export function concatBytes(chunks: readonly Uint8Array[], totalBytes: number): Uint8Array {
	const out = new Uint8Array(totalBytes);
	let at = 0;
	for (const c of chunks) {
		out.set(c, at);
		at += c.byteLength;
	}
	return out;
}
