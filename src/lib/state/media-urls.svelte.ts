/**
 * Card HTML refers to media by file name (`<img src="cell.jpg">`, `[sound:word.mp3]`); the files live in
 * IndexedDB. This cache turns a name into an object URL, loading it on first use. It is reactive: a
 * card rendered before its image is loaded re-renders when the URL arrives. Only image and audio types
 * are ever given a URL, never HTML or scripts; SVG gets a data: URL, which opens in an opaque origin.
 */
import { SvelteMap } from 'svelte/reactivity';
import { appDb } from '$lib/db/db';
import { getMedia } from '$lib/db/media.repo';

export type MediaKind = 'image' | 'audio';

interface Resolved {
	url: string;
	kind: MediaKind;
}

/** name → URL (null: not in the collection, or not a type we show). */
const urls = new SvelteMap<string, Resolved | null>();
// Bookkeeping only (never rendered), so plain sets.
// eslint-disable-next-line svelte/prefer-svelte-reactivity
const loading = new Set<string>();
/** Files of an import being previewed (not written yet): shown from memory. */
// eslint-disable-next-line svelte/prefer-svelte-reactivity
const previewNames = new Set<string>();

const IMAGE_TYPES = /^image\/(?:png|jpeg|gif|webp|avif|bmp)$/;
const SVG_TYPE = 'image/svg+xml';
const AUDIO_TYPES = /^audio\/(?:mpeg|mp3|ogg|wav|x-wav|wave|webm|mp4|aac|flac|x-m4a)$/;

function base64(bytes: Uint8Array): string {
	let s = '';
	for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
	return btoa(s);
}

function toUrl(mime: string, bytes: Uint8Array): Resolved | null {
	const type = mime.toLowerCase();
	if (type === SVG_TYPE) return { url: `data:${SVG_TYPE};base64,${base64(bytes)}`, kind: 'image' };
	const kind: MediaKind | null = IMAGE_TYPES.test(type) ? 'image' : AUDIO_TYPES.test(type) ? 'audio' : null;
	if (!kind) return null;
	return { url: URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type })), kind };
}

async function load(name: string): Promise<void> {
	loading.add(name);
	try {
		const row = await getMedia(appDb(), name);
		// A preview may have provided the file meanwhile: it wins over "not stored".
		if (!urls.get(name)) urls.set(name, row ? toUrl(row.mime, row.bytes) : null);
	} catch {
		if (!urls.get(name)) urls.set(name, null);
	} finally {
		loading.delete(name);
	}
}

/** A file name from an `src` value, or null for URLs (data:, blob:, http:, //host, /path). */
export function mediaNameOf(src: string): string | null {
	const value = src.trim();
	if (!value || value.startsWith('/') || /^[a-z][a-z0-9+.-]*:/i.test(value)) return null;
	return value;
}

/** The URL of a stored media file of `kind`, or undefined while loading / when there is none (reactive). */
export function mediaUrl(name: string, kind: MediaKind): string | undefined {
	let found = urls.get(name);
	if (found === undefined && name.includes('%')) {
		try {
			const decoded = decodeURIComponent(name);
			if (decoded !== name) found = urls.get(decoded) ?? found;
		} catch {
			/* not percent-encoded after all */
		}
	}
	if (found === undefined && !loading.has(name) && typeof indexedDB !== 'undefined') void load(name);
	return found && found.kind === kind ? found.url : undefined;
}

/** Shows the media of an import preview before they are written. */
export function previewMedia(files: { name: string; mime: string; bytes: Uint8Array }[]): void {
	for (const f of files) {
		previewNames.add(f.name);
		urls.set(f.name, toUrl(f.mime, f.bytes));
	}
}

/** Forgets previewed files that were not imported (cancel), so that nothing shows what is not stored. */
export function forgetPreviewMedia(): void {
	for (const name of previewNames) {
		const found = urls.get(name);
		if (found?.url.startsWith('blob:')) URL.revokeObjectURL(found.url);
		urls.delete(name);
	}
	previewNames.clear();
}

/** After an import is written its files are stored: keep their URLs. */
export function keepPreviewMedia(): void {
	previewNames.clear();
}

/** After an import or a restore: names looked up before and not found may exist now. */
export function refreshMissingMedia(): void {
	for (const [name, found] of urls) if (found === null) urls.delete(name);
}

/** After a restore: every stored file may have changed. */
export function clearMediaCache(): void {
	for (const found of urls.values()) if (found?.url.startsWith('blob:')) URL.revokeObjectURL(found.url);
	urls.clear();
	previewNames.clear();
}
