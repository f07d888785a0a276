/**
 * First run and every later start: loads the decks shipped in decks/ into IndexedDB when they are new
 * or changed. Matching by note id means a reload or a new app version never duplicates cards and never
 * resets progress.
 */
import { applyDeckContent } from '$lib/db/deck-content.repo';
import { installedHashes } from '$lib/db/decks.repo';
import type { KartkaDB } from '$lib/db/db';
import { formatDeckErrors, validateDeck } from '$lib/domain/deck-format';
import { deckFileToRows } from '$lib/domain/deck-rows';

const deckFiles = import.meta.glob<unknown>('/decks/*.json', { import: 'default' });

export async function installBuiltinDecks(db: KartkaDB, nowMs: number): Promise<string[]> {
	const installed = await installedHashes(db);
	const changed: string[] = [];
	for (const [path, { id, hash }] of Object.entries(__KARTKA_DECKS__)) {
		const load = deckFiles[path];
		if (!load || installed.get(id) === hash) continue;
		const result = validateDeck(await load());
		if (!result.ok) {
			// Tests keep shipped decks valid; a broken file must not stop the app from opening.
			console.error(`Deck ${path} is invalid:\n${formatDeckErrors(result.errors)}`);
			continue;
		}
		const { deck, notes } = deckFileToRows(result.deck, hash, nowMs, 'builtin');
		await applyDeckContent(db, deck, notes, { nowMs });
		changed.push(id);
	}
	return changed;
}
