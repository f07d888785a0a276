/**
 * Media travel as CouchDB attachments (inline, base64), one file per `media:<name>` document, with a
 * size cap: a larger file stays on its device (and is counted as not synced) rather than stall a sync.
 */
import { MAX_MEDIA_BYTES } from '$lib/domain/sync/sync-docs';
import type { SyncAttachment } from '$lib/domain/sync/sync-store';

function toBase64(bytes: Uint8Array): string {
	let binary = '';
	const chunk = 0x8000;
	for (let i = 0; i < bytes.length; i += chunk)
		binary += String.fromCharCode(...bytes.subarray(i, Math.min(i + chunk, bytes.length)));
	return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
	const binary = atob(text);
	const bytes = new Uint8Array(binary.length);
	for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
	return bytes;
}

export function encodeAttachment(a: SyncAttachment): { content_type: string; data: string } {
	return { content_type: a.contentType, data: toBase64(a.bytes) };
}

/** A server attachment, if it is inline and within the cap; anything else is ignored. */
export function decodeAttachment(raw: unknown): SyncAttachment | undefined {
	if (!raw || typeof raw !== 'object') return undefined;
	const { content_type: contentType, data } = raw as { content_type?: unknown; data?: unknown };
	if (typeof data !== 'string' || data.length > (MAX_MEDIA_BYTES * 4) / 3 + 4) return undefined;
	try {
		return {
			contentType: typeof contentType === 'string' ? contentType : 'application/octet-stream',
			bytes: fromBase64(data)
		};
	} catch {
		return undefined;
	}
}
