/**
 * First run and every later start: loads the decks shipped in decks/ into IndexedDB when they are new
 * or changed. Matching by note id means a reload or a new app version never duplicates cards and never
 * resets progress.
 */
import { applyDeckContent } from '$lib/db/deck-content.repo';
import { installedHashes } from '$lib/db/decks.repo';
import type { KartkaDB } from '$lib/db/db';
import { deckFileToRows, looksLikeDeckFile } from '$lib/domain/deck-rows';
import { shippedDeckAction } from '$lib/domain/deck-version';

const deckFiles = import.meta.glob<unknown>('/decks/*.json', { import: 'default' });

export async function installBuiltinDecks(db: KartkaDB, nowMs: number): Promise<string[]> {
	const installed = await installedHashes(db);
	const changed: string[] = [];
	for (const [path, { id, hash }] of Object.entries(__KARTKA_DECKS__)) {
		const load = deckFiles[path];
		if (!load || installed.get(id) === hash) continue;
		// Shipped decks are validated against the full schema by the tests (tests/decks), so start-up
		// only checks their shape: the schema library would add ~26 kB and ~0.7 s to the first visit.
		const file = await load();
		if (!looksLikeDeckFile(file)) {
			console.error(`Deck ${path} is not a Kartka deck file; skipped.`);
			continue;
		}
		const { deck, notes } = deckFileToRows(file, hash, nowMs, 'builtin');
		// Forward only: an older build (an old tab, an old cache) never rolls a deck back, and a shipped deck
		// never takes over a deck the user imported under the same id.
		const stored = await db.decks.get(id);
		const action = shippedDeckAction(stored, { version: deck.version, hash });
		if (action === 'skip-older' || action === 'skip-user-deck') {
			console.info(`Shipped deck ${id} ${deck.version} not applied (${action}).`);
			continue;
		}
		try {
			await applyDeckContent(db, deck, notes, { nowMs });
		} catch (e) {
			// Storage full, or another tab closed the database: study what is stored; the hash still differs,
			// so the next start tries this deck again. (One transaction per deck: nothing half-written.)
			console.warn(`Shipped deck ${id} could not be updated now; it will be tried at the next start.`, e);
			continue;
		}
		changed.push(id);
	}
	return changed;
}
