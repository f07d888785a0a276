/**
 * Which existing deck (if any) an imported file is a new version of. A name is not an identity: every Anki
 * user has a "Default" deck and every spreadsheet is "vocab.csv". A file updates a deck only when
 *
 * 1. it shares notes with it: at least UPDATE_SHARE (half) of the notes of the smaller side have the same key
 *    (Anki GUID, Kartka note id, the `id` column, or the front-text hash of a plain CSV), and at least one; or
 * 2. it is a Kartka deck file carrying that deck's id, AND the user confirms (a same-id file may be anyone's).
 *
 * Otherwise it becomes a new deck, its title made unique ("vocab (2)"). A shipped deck is never taken over
 * by an import through rule 1 alone: it needs the Kartka deck id and a confirmation too. Pure: no database.
 */

/** Share of the smaller side's notes that must match for a file to count as a new version of a deck. */
export const UPDATE_SHARE = 0.5;

export interface DeckIdentity {
	id: string;
	title: string;
	origin: 'builtin' | 'import';
	noteKeys: ReadonlySet<string>;
}

export interface IncomingIdentity {
	/** The Kartka deck id written in a Kartka JSON file (other formats carry none). */
	kartkaDeckId?: string;
	title: string;
	noteKeys: readonly string[];
}

export type ImportTarget =
	/** Update `deckId`: the file shares `sharedNotes` notes with it. */
	| { kind: 'update'; deckId: string; title: string; sharedNotes: number; share: number }
	/** A Kartka file with this deck's id: update only if the user says so; else `newTitle`. */
	| { kind: 'confirm'; deckId: string; title: string; sharedNotes: number; newTitle: string }
	| { kind: 'new'; title: string };

/** Notes in common, and their share of the smaller side. */
export function overlap(
	incoming: readonly string[],
	existing: ReadonlySet<string>
): { shared: number; share: number } {
	const keys = new Set(incoming);
	let shared = 0;
	for (const k of keys) if (existing.has(k)) shared++;
	const smaller = Math.min(keys.size, existing.size);
	return { shared, share: smaller === 0 ? 0 : shared / smaller };
}

/** `title`, or `title (2)`, `title (3)`… : the first not already used (case-insensitive). */
export function uniqueTitle(title: string, taken: Iterable<string>): string {
	const used = new Set([...taken].map((t) => t.trim().toLowerCase()));
	const base = title.trim() || 'Imported deck';
	if (!used.has(base.toLowerCase())) return base;
	for (let n = 2; ; n++) {
		const candidate = `${base} (${n})`;
		if (!used.has(candidate.toLowerCase())) return candidate;
	}
}

export function chooseImportTarget(incoming: IncomingIdentity, decks: readonly DeckIdentity[]): ImportTarget {
	const newTitle = uniqueTitle(
		incoming.title,
		decks.map((d) => d.title)
	);
	let best: { deck: DeckIdentity; shared: number; share: number } | undefined;
	for (const deck of decks) {
		if (deck.origin === 'builtin') continue;
		const { shared, share } = overlap(incoming.noteKeys, deck.noteKeys);
		const better = !best || share > best.share || (share === best.share && shared > best.shared);
		if (shared >= 1 && share >= UPDATE_SHARE && better) best = { deck, shared, share };
	}
	if (best) {
		const { deck, shared, share } = best;
		return { kind: 'update', deckId: deck.id, title: deck.title, sharedNotes: shared, share };
	}
	const sameId = incoming.kartkaDeckId ? decks.find((d) => d.id === incoming.kartkaDeckId) : undefined;
	if (sameId) {
		const { shared } = overlap(incoming.noteKeys, sameId.noteKeys);
		return { kind: 'confirm', deckId: sameId.id, title: sameId.title, sharedNotes: shared, newTitle };
	}
	return { kind: 'new', title: newTitle };
}
