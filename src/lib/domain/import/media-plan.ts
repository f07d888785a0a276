/**
 * Media of an import as rows, before anything is written. Card HTML refers to files by name, and names
 * are unique in the collection: a file whose name is taken by a different file (another deck's
 * "image.jpg") is renamed `image-<hash>.jpg` and the notes of this import are rewritten to match, as
 * Anki does; the same file imported again keeps its name.
 */
import type { MediaRow } from '../model';
import type { ImportedMedia } from './import-model';

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
	const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
	return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** A standalone copy when `bytes` is a view into a larger buffer (IndexedDB would store the whole buffer). */
export function ownBytes(bytes: Uint8Array): Uint8Array {
	return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
}

function renamed(name: string, sha256: string): string {
	const dot = name.lastIndexOf('.');
	const stem = dot > 0 ? name.slice(0, dot) : name;
	const ext = dot > 0 ? name.slice(dot) : '';
	return `${stem}-${sha256.slice(0, 8)}${ext}`;
}

export interface MediaPlan {
	rows: MediaRow[];
	/** Old name → new name, for files renamed because their name was taken. */
	renames: Map<string, string>;
}

export async function planMedia(
	media: ImportedMedia[],
	existing: (names: string[]) => Promise<Map<string, MediaRow>>,
	deckIds: string[],
	nowMs: number
): Promise<MediaPlan> {
	const hashed = await Promise.all(media.map(async (m) => ({ m, sha256: await sha256Hex(m.bytes) })));
	const taken = await existing(hashed.flatMap(({ m, sha256 }) => [m.name, renamed(m.name, sha256)]));
	const renames = new Map<string, string>();
	const rows: MediaRow[] = [];
	const seen = new Set<string>();
	for (const { m, sha256 } of hashed) {
		const old = taken.get(m.name);
		const name = old && old.sha256 !== sha256 ? renamed(m.name, sha256) : m.name;
		if (seen.has(name)) continue;
		seen.add(name);
		if (name !== m.name) renames.set(m.name, name);
		rows.push({
			name,
			mime: m.mime,
			bytes: ownBytes(m.bytes),
			size: m.bytes.byteLength,
			sha256,
			deckIds,
			addedMs: nowMs
		});
	}
	return { rows, renames };
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Rewrites `src="old"` (any quoting) and `[sound:old]` references in one field. */
export function rewriteMediaRefs(html: string, renames: Map<string, string>): string {
	if (renames.size === 0 || (!html.includes('src') && !html.includes('[sound:'))) return html;
	let out = html;
	for (const [from, to] of renames) {
		const name = escapeRe(from);
		out = out
			.replace(
				new RegExp(`(\\ssrc\\s*=\\s*)(["']?)${name}\\2(?=[\\s>/]|$)`, 'gi'),
				(_m, pre: string, q: string) => `${pre}${q}${to}${q}`
			)
			.replaceAll(`[sound:${from}]`, `[sound:${to}]`);
	}
	return out;
}
