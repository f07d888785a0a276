/** FNV-1a (32 bit): a short, stable, non-cryptographic fingerprint of a string (never for security). */
export function fnv1a32(text: string): number {
	let hash = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		hash ^= text.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193);
	}
	return hash >>> 0;
}

/** FNV-1a (32 bit) as 8 hex digits. */
export function fnv1a(text: string): string {
	return fnv1a32(text).toString(16).padStart(8, '0');
}
