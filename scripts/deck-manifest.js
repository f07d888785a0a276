// Build-time list of the shipped deck files with a hash of each, so that the app loads a deck file
// (a lazy chunk) only when it is new or changed since the copy in IndexedDB.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** @returns {Record<string, { id: string; hash: string }>} keyed by '/decks/<file>.json' */
export function deckManifest(dir = 'decks') {
	/** @type {Record<string, { id: string; hash: string }>} */
	const out = {};
	for (const file of readdirSync(dir)
		.filter((f) => f.endsWith('.json'))
		.sort()) {
		const text = readFileSync(join(dir, file), 'utf8');
		const id = String(JSON.parse(text).id ?? file);
		out[`/decks/${file}`] = { id, hash: createHash('sha256').update(text).digest('hex').slice(0, 16) };
	}
	return out;
}
