/**
 * Which deck each group of an import lands in (domain/import/import-identity.ts decides; this reads what it
 * needs). A deck is updated only by a real new version of it; anything else is a new deck with a unique id
 * and title. A Kartka file carrying an existing deck's id updates it only once the user confirmed.
 */
import type { KartkaDB } from '$lib/db/db';
import { existingDeck } from '$lib/db/import.repo';
import { chooseImportTarget, uniqueTitle, type DeckIdentity } from '$lib/domain/import/import-identity';
import type { DeckRow } from '$lib/domain/model';

export interface TargetOptions {
	/** Import beside every existing deck. */
	asNewDeck?: boolean;
	/** The user confirmed: a Kartka file with this deck's id updates it. */
	confirmUpdateOf?: string;
}

export interface ResolvedTarget {
	id: string;
	title: string;
	/** The deck this import updates (null: a new deck). */
	existing: DeckRow | null;
	/** A deck with the file's Kartka id that the user may choose to update instead. */
	sameIdDeck?: { id: string; title: string };
}

/** All decks with their note keys, read once per plan. */
export async function deckIdentities(db: KartkaDB): Promise<DeckIdentity[]> {
	const decks = await db.decks.toArray();
	const keys = new Map<string, Set<string>>(decks.map((d) => [d.id, new Set<string>()]));
	await db.notes.each((n) => {
		if (!n.removed) keys.get(n.deckId)?.add(n.key);
	});
	return decks.map((d) => ({ id: d.id, title: d.title, origin: d.origin, noteKeys: keys.get(d.id)! }));
}

/** A free deck id: `id` itself, else `id-2`, `id-3`… */
async function freeId(db: KartkaDB, id: string, taken: Set<string>): Promise<string> {
	if (!taken.has(id) && !(await existingDeck(db, id))) return id;
	for (let n = 2; ; n++) {
		const candidate = `${id}-${n}`;
		if (!taken.has(candidate) && !(await existingDeck(db, candidate))) return candidate;
	}
}

export async function resolveTarget(
	db: KartkaDB,
	identities: readonly DeckIdentity[],
	group: { baseId: string; title: string; noteKeys: string[]; kartkaDeckId?: string },
	options: TargetOptions,
	taken: Set<string>
): Promise<ResolvedTarget> {
	const titles = identities.map((d) => d.title);
	const asNew = async (title: string): Promise<ResolvedTarget> => ({
		id: await freeId(db, group.baseId, taken),
		title,
		existing: null
	});
	if (options.asNewDeck) return asNew(uniqueTitle(group.title, titles));
	const target = chooseImportTarget(
		{ kartkaDeckId: group.kartkaDeckId, title: group.title, noteKeys: group.noteKeys },
		identities
	);
	if (target.kind === 'update') {
		const existing = (await existingDeck(db, target.deckId)) ?? null;
		return { id: target.deckId, title: target.title, existing };
	}
	if (target.kind === 'confirm') {
		const existing = (await existingDeck(db, target.deckId)) ?? null;
		// A shipped deck is only ever written by the app itself.
		if (existing && existing.origin !== 'builtin' && options.confirmUpdateOf === target.deckId)
			return { id: target.deckId, title: existing.title, existing };
		const resolved = await asNew(target.newTitle);
		return existing && existing.origin !== 'builtin'
			? { ...resolved, sameIdDeck: { id: target.deckId, title: target.title } }
			: resolved;
	}
	return asNew(target.title);
}
