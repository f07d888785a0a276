/**
 * First run and every later start: loads the decks shipped in decks/ into IndexedDB when they are new
 * or changed. Matching by note id means a reload or a new app version never duplicates cards and never
 * resets progress.
 */
import { applyDeckContent } from '$lib/db/deck-content.repo';
import { installedHashes } from '$lib/db/decks.repo';
import { deletedBuiltinDecks } from '$lib/db/deck-manage.repo';
import type { KartkaDB } from '$lib/db/db';
import { deckFileToRows, looksLikeDeckFile } from '$lib/domain/deck-rows';

const deckFiles = import.meta.glob<unknown>('/decks/*.json', { import: 'default' });

export async function installBuiltinDecks(db: KartkaDB, nowMs: number): Promise<string[]> {
	const installed = await installedHashes(db);
	const changed: string[] = [];
	const deleted = await deletedBuiltinDecks(db);
	for (const [path, { id, hash }] of Object.entries(__KARTKA_DECKS__)) {
		const load = deckFiles[path];
		if (!load || installed.get(id) === hash || deleted.has(id)) continue;
		// Shipped decks are validated against the full schema by the tests (tests/decks), so start-up
		// only checks their shape: the schema library would add ~26 kB and ~0.7 s to the first visit.
		const file = await load();
		if (!looksLikeDeckFile(file)) {
			console.error(`Deck ${path} is not a Kartka deck file; skipped.`);
			continue;
		}
		const { deck, notes } = deckFileToRows(file, hash, nowMs, 'builtin');
		await applyDeckContent(db, deck, notes, { nowMs });
		changed.push(id);
	}
	return changed;
}
