/**
 * CouchDB revision ids, generated deterministically: `<generation>-<32 hex digits>` where the digits hash
 * the parent revision and the document's canonical JSON. Two devices that write the same content on the
 * same parent (e.g. both resolving one conflict by the same rule) therefore produce the SAME revision,
 * and CouchDB sees one edit, not a new conflict. Pure: no clock, no randomness.
 */

/** JSON with object keys sorted at every level, so equal content always gives the same text. */
export function canonicalJson(value: unknown): string {
	if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
	if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v)).join(',')}]`;
	const entries = Object.entries(value as Record<string, unknown>)
		.filter(([, v]) => v !== undefined)
		.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
	return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** cyrb128: a fast, well-mixed 128-bit string hash (not cryptographic; revisions only need spread). */
export function hash128(text: string): string {
	let h1 = 1779033703,
		h2 = 3144134277,
		h3 = 1013904242,
		h4 = 2773480762;
	for (let i = 0; i < text.length; i++) {
		const k = text.charCodeAt(i);
		h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
		h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
		h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
		h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
	}
	h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
	h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
	h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
	h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
	h1 ^= h2 ^ h3 ^ h4;
	h2 ^= h1;
	h3 ^= h1;
	h4 ^= h1;
	return [h1, h2, h3, h4].map((h) => (h >>> 0).toString(16).padStart(8, '0')).join('');
}

export interface ParsedRev {
	generation: number;
	hash: string;
}

export function parseRev(rev: string): ParsedRev {
	const dash = rev.indexOf('-');
	const generation = Number(rev.slice(0, dash));
	if (dash < 1 || !Number.isInteger(generation) || generation < 1) throw new Error(`Bad revision "${rev}"`);
	return { generation, hash: rev.slice(dash + 1) };
}

/** The revision that follows `parentRev` (null: a new document) with this body (or a deletion). */
export function nextRev(parentRev: string | null, body: unknown, deleted = false): string {
	const generation = parentRev ? parseRev(parentRev).generation + 1 : 1;
	return `${generation}-${hash128(`${parentRev ?? ''}|${deleted ? 'deleted' : canonicalJson(body)}`)}`;
}

/** Most revisions of history kept per document (CouchDB keeps 1000; a parent link is all we need). */
export const MAX_REV_HISTORY = 20;

/** CouchDB's `_revisions` for a new revision on top of a known history (newest hash first). */
export function revisionsOf(rev: string, ancestors: readonly string[]): { start: number; ids: string[] } {
	const { generation, hash } = parseRev(rev);
	return { start: generation, ids: [hash, ...ancestors].slice(0, MAX_REV_HISTORY) };
}

/** The ancestor hashes (newest first) recorded for `rev` after it is written, for its children. */
export function historyAfter(rev: string, ancestors: readonly string[]): string[] {
	return revisionsOf(rev, ancestors).ids.slice(0, MAX_REV_HISTORY - 1);
}

/**
 * CouchDB's winning-revision order: live leaves before deleted ones, then the longest history, then the
 * greatest revision id as text. Every replica picks the same winner from the same leaves.
 */
export function compareLeaves(a: { rev: string; deleted?: boolean }, b: { rev: string; deleted?: boolean }) {
	if (!!a.deleted !== !!b.deleted) return a.deleted ? 1 : -1;
	const pa = parseRev(a.rev);
	const pb = parseRev(b.rev);
	if (pa.generation !== pb.generation) return pb.generation - pa.generation;
	return pa.hash < pb.hash ? 1 : pa.hash > pb.hash ? -1 : 0;
}
