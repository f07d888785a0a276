/**
 * Class decks: an instructor publishes a Kartka deck file (docs/deck-format.md) into a read-only CouchDB
 * database as one document `kartka-deck:<deck id>` = `{ "deck": <the deck file>, "publishedMs": … }`.
 * Students subscribe by link and pull it (GET only). Everything the server sends is untrusted: these
 * rules check the shape and bound every size before the deck goes through the import's own validation
 * (the deck zod schema, its limits) and update rules (progress kept, the student's edits win). Pure.
 */
import { KartkaError } from '../errors';

export const CLASS_DECK_PREFIX = 'kartka-deck:';

export const CLASS_LIMITS = {
	/** One deck document (JSON text): a text deck of thousands of notes fits easily; media do not go here. */
	maxDocBytes: 4 * 1024 * 1024,
	/** One `_changes` answer. */
	maxChangesBytes: 1024 * 1024,
	/** Rows per `_changes` request, and requests per check. */
	changesBatch: 200,
	maxChangesBatches: 50,
	/** Decks one class database may hold. */
	maxDecks: 20
} as const;

const DECK_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function classDeckDocId(deckId: string): string {
	return `${CLASS_DECK_PREFIX}${deckId}`;
}

export interface ClassDeckChange {
	docId: string;
	rev: string;
	deleted: boolean;
}

/** The `kartka-deck:` rows of one `_changes` answer (other documents, design documents: ignored). */
export function classDeckChanges(body: unknown): {
	changes: ClassDeckChange[];
	lastSeq: string;
	count: number;
} {
	const results = (body as { results?: unknown } | null)?.results;
	const lastSeq = (body as { last_seq?: unknown } | null)?.last_seq;
	if (!Array.isArray(results) || lastSeq === undefined || lastSeq === null)
		throw new KartkaError('class-bad-answer', 'The class database did not answer like a CouchDB database.');
	const changes: ClassDeckChange[] = [];
	for (const row of results as unknown[]) {
		const id = (row as { id?: unknown })?.id;
		const rev = ((row as { changes?: { rev?: unknown }[] })?.changes ?? [])[0]?.rev;
		if (typeof id !== 'string' || !id.startsWith(CLASS_DECK_PREFIX) || typeof rev !== 'string') continue;
		if (id.length > 200 || rev.length > 200) continue;
		changes.push({ docId: id, rev, deleted: (row as { deleted?: unknown }).deleted === true });
	}
	return {
		changes,
		lastSeq: typeof lastSeq === 'string' ? lastSeq.slice(0, 500) : JSON.stringify(lastSeq).slice(0, 500),
		count: results.length
	};
}

export interface ClassDeckDoc {
	docId: string;
	rev: string;
	deckId: string;
	/** The deck file as JSON text, ready for the importer (which validates it with the deck schema). */
	deckJson: string;
}

/** One published document, checked: its id names the deck it holds, and the deck is an object. */
export function parseClassDeckDoc(body: unknown, host: string): ClassDeckDoc {
	const doc = body as { _id?: unknown; _rev?: unknown; deck?: unknown } | null;
	const refuse = (why: string) =>
		new KartkaError(
			'class-bad-deck',
			`The class deck from ${host} was refused: ${why}. Nothing was changed.`
		);
	if (!doc || typeof doc._id !== 'string' || typeof doc._rev !== 'string')
		throw refuse('it is not a CouchDB document');
	if (!doc._id.startsWith(CLASS_DECK_PREFIX))
		throw refuse(`"${doc._id.slice(0, 80)}" is not a deck document`);
	const deckId = doc._id.slice(CLASS_DECK_PREFIX.length);
	if (!DECK_ID.test(deckId) || deckId.length > 100) throw refuse('its deck id is not a slug');
	if (!doc.deck || typeof doc.deck !== 'object' || Array.isArray(doc.deck)) throw refuse('it holds no deck');
	if ((doc.deck as { id?: unknown }).id !== deckId)
		throw refuse(`the deck inside has another id than "${deckId}"`);
	const deckJson = JSON.stringify(doc.deck);
	if (deckJson.length > CLASS_LIMITS.maxDocBytes) throw refuse('it is too large');
	return { docId: doc._id, rev: doc._rev, deckId, deckJson };
}

/** What Settings shows and keeps per subscription (syncMeta; the subscription itself syncs, db/class-subscriptions.repo.ts). */
export interface ClassSubscription {
	/** The class database's URL (normalised, ending in "/"). */
	url: string;
	host: string;
	/** Local checkpoint in the class database's `_changes` (a read-only database keeps no `_local` of ours). */
	since: string;
	decks: { deckId: string; rev: string; title: string; version: string }[];
	checkedMs: number;
}

export function subscriptionPrompt(host: string): string {
	return `Download deck from ${host}?`;
}
