/**
 * First run and every later start: loads the decks shipped in decks/ into IndexedDB when they are new
 * or changed. Matching by note id means a reload or a new app version never duplicates cards and never
 * resets progress.
 */
import { applyDeckContent } from '$lib/db/deck-content.repo';
import { installedHashes } from '$lib/db/decks.repo';
import { deletedBuiltinDecks } from '$lib/db/deleted-builtin.repo';
import type { KartkaDB } from '$lib/db/db';
import { deckFileToRows, looksLikeDeckFile } from '$lib/domain/deck-rows';
import { shippedDeckAction } from '$lib/domain/deck-version';

const deckFiles = import.meta.glob<unknown>('/decks/*.json', { import: 'default' });

export interface InstallHooks {
	/** Which of the decks still to install goes next (the one a screen waits for); default: file order. */
	pick?: (pending: readonly string[]) => string | undefined;
	/**
	 * The decks still to install: once they are known, then after each deck (empty at the end). The next
	 * deck waits for a returned promise (the worker reads a study screen's first queue there).
	 */
	onPending?: (pending: readonly string[]) => void | Promise<void>;
}

/** Lets the browser paint and handle input between two decks (no long task on a first visit). */
function yieldToBrowser(): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Installs the new or changed shipped decks one at a time, each in its own small transaction, yielding to
 * the browser between them, so that a first visit never freezes the page and a screen can ask for the deck
 * it opens to come first (`hooks.pick`).
 */
export async function installBuiltinDecks(
	db: KartkaDB,
	nowMs: number,
	hooks: InstallHooks = {}
): Promise<string[]> {
	const installed = await installedHashes(db);
	// A shipped deck the user deleted stays deleted.
	const deleted = await deletedBuiltinDecks(db);
	const todo = Object.entries(__KARTKA_DECKS__)
		.filter(([path, { id, hash }]) => deckFiles[path] && installed.get(id) !== hash && !deleted.has(id))
		.map(([path, { id, hash }]) => ({ path, id, hash }));
	const changed: string[] = [];
	await hooks.onPending?.(todo.map((t) => t.id));
	while (todo.length > 0) {
		const wanted = hooks.pick?.(todo.map((t) => t.id));
		const [{ path, id, hash }] = todo.splice(
			Math.max(
				0,
				todo.findIndex((t) => t.id === wanted)
			),
			1
		) as [(typeof todo)[number]];
		// Shipped decks are validated against the full schema by the tests (tests/decks), so start-up
		// only checks their shape: the schema library would add ~26 kB and ~0.7 s to the first visit.
		const file = await deckFiles[path]!();
		if (!looksLikeDeckFile(file)) {
			console.error(`Deck ${path} is not a Kartka deck file; skipped.`);
		} else if (await installOne(db, id, file, hash, nowMs)) {
			changed.push(id);
		}
		await hooks.onPending?.(todo.map((t) => t.id));
		if (todo.length > 0) await yieldToBrowser();
	}
	return changed;
}

/** Applies one shipped deck in its own transaction; false when it is skipped or must wait for the next start. */
async function installOne(
	db: KartkaDB,
	id: string,
	file: Parameters<typeof deckFileToRows>[0],
	hash: string,
	nowMs: number
): Promise<boolean> {
	const { deck, notes } = deckFileToRows(file, hash, nowMs, 'builtin');
	// Forward only: an older build (an old tab, an old cache) never rolls a deck back, and a shipped deck
	// never takes over a deck the user imported under the same id.
	const stored = await db.decks.get(id);
	const action = shippedDeckAction(stored, { version: deck.version, hash });
	if (action === 'skip-older' || action === 'skip-user-deck') {
		console.info(`Shipped deck ${id} ${deck.version} not applied (${action}).`);
		return false;
	}
	try {
		await applyDeckContent(db, deck, notes, { nowMs });
		return true;
	} catch (e) {
		// Storage full, or another tab closed the database: study what is stored; the hash still differs,
		// so the next start tries this deck again. (One transaction per deck: nothing half-written.)
		console.warn(`Shipped deck ${id} could not be updated now; it will be tried at the next start.`, e);
		return false;
	}
}
