/**
 * An ImportedCollection (the parsers' neutral model) as the rows it will write, with the figures the
 * preview shows: computed from the database by reads only, before anything is written.
 */
import { diffDeckContent } from '$lib/db/deck-content.repo';
import { splitAnkiDeckName } from '$lib/domain/decks/deck-groups';
import type { ContentSummary } from '$lib/domain/deck-merge';
import type { KartkaDB } from '$lib/db/db';
import { getMediaMany } from '$lib/db/media.repo';
import { getGlobalSettings } from '$lib/db/settings.repo';
import { cardId } from '$lib/domain/card-id';
import { cardOrdinals, renderCard, type RenderedCard } from '$lib/domain/card-render';
import type { ImportedCollection, ImportedNote, ImportWarning } from '$lib/domain/import/import-model';
import type { DeckRow, MediaRow, NoteRow } from '$lib/domain/model';
import { resolveSettings } from '$lib/domain/scheduler-settings';
import { deckIdFor, safeNoteKey, uniqueKeys } from '$lib/domain/import/import-ids';
import { fnv1a } from '$lib/domain/text-hash';
import { planMedia, rewriteMediaRefs } from '$lib/domain/import/media-plan';
import type { PastAnswer, ReplayedCard } from '$lib/domain/replay';
import { notePositions } from '$lib/db/import.repo';
import { deckIdentities, resolveTarget } from './import-target';
import { replayInWorker } from './parse-client';
import { cleanTags, importedDeckRow, type ImportSource } from '$lib/domain/import/imported-deck-row';

export type { ImportSource };

export interface PlanOptions {
	nowMs: number;
	source: ImportSource;
	/** Name for a single-deck import from text (paste, CSV): its title and the key of its id. */
	deckName?: string;
	/** Import beside the existing deck(s) instead of updating them. */
	asNewDeck?: boolean;
	/** The user confirmed that this Kartka file (same deck id) updates that deck. */
	confirmUpdateOf?: string;
	/** How many cards the preview shows. */
	previewCards?: number;
	/**
	 * Replay the review history into schedules (default true). The preview passes "Import progress": a large
	 * history is replayed only when it will be written (issue 12), and totals.reviews counts it either way.
	 */
	withReplays?: boolean;
	/** Cancels the replay (it runs in the import worker, which is then terminated). */
	signal?: AbortSignal;
	onProgress?: (fraction: number, stage: string) => void;
}

interface DeckPlan {
	deck: DeckRow;
	notes: NoteRow[];
	cardCount: number;
	/** The deck already in the collection that this import updates (null: a new deck). */
	existing: DeckRow | null;
	/** What writing would do, computed before writing. */
	summary: ContentSummary;
	/** A deck of yours with the same Kartka id, which this file could update if you confirm. */
	sameIdDeck?: { id: string; title: string };
}

interface PreviewCard {
	deckTitle: string;
	kind: NoteRow['kind'];
	rendered: RenderedCard;
}

export interface ImportPlan {
	format: ImportedCollection['format'];
	title: string;
	source: ImportSource;
	nowMs: number;
	decks: DeckPlan[];
	media: MediaRow[];
	renamedMedia: number;
	/** Cards with Anki review history, replayed into FSRS state (written only with "Import progress"). */
	replays: ReplayedCard[];
	totals: { notes: number; cards: number; media: number; reviews: number; warnings: number };
	warnings: ImportWarning[];
	preview: PreviewCard[];
}

/** Groups notes by target deck id, in file order, with the deck's title. */
function groupByDeck(
	coll: ImportedCollection,
	options: PlanOptions
): Map<string, { title: string; notes: ImportedNote[] }> {
	const groups = new Map<string, { title: string; notes: ImportedNote[] }>();
	const names = new Set(coll.notes.map((n) => n.deckName));
	const rename = options.deckName?.trim() && names.size <= 1 ? options.deckName.trim() : undefined;
	for (const note of coll.notes) {
		const title = rename ?? (note.deckName || coll.title);
		const id =
			coll.format === 'kartka-json' && coll.deckId && !rename ? coll.deckId : deckIdFor(coll.format, title);
		const group = groups.get(id) ?? { title, notes: [] };
		group.notes.push(note);
		groups.set(id, group);
	}
	return groups;
}

export async function planImport(
	db: KartkaDB,
	coll: ImportedCollection,
	options: PlanOptions
): Promise<ImportPlan> {
	const { nowMs } = options;
	const warnings = [...coll.warnings];
	const decks: DeckPlan[] = [];
	const keyOf = new Map<string, string>(); // imported note key → our note id (for reviews)
	const taken = new Set<string>();
	const identities = await deckIdentities(db);
	for (const [groupId, group] of groupByDeck(coll, options)) {
		const { keys, repeated } = uniqueKeys(group.notes.map((n) => safeNoteKey(n.key)));
		// A name is not an identity: shared notes (or a confirmed Kartka id) decide (import-target.ts).
		const target = await resolveTarget(
			db,
			identities,
			{
				baseId: groupId,
				title: group.title,
				noteKeys: keys,
				kartkaDeckId: coll.format === 'kartka-json' ? coll.deckId : undefined
			},
			options,
			taken
		);
		const { id, title, existing } = target;
		taken.add(id);
		if (repeated)
			warnings.push({
				message: `${repeated} note(s) in "${title}" repeat another note's id; they were kept as separate notes.`
			});
		const positions = existing ? await notePositions(db, id) : new Map<string, number>();
		let nextPosition = Math.max(-1, ...positions.values()) + 1;
		const notes = group.notes.map((n, i): NoteRow => {
			const noteId = `${id}/${keys[i]!}`;
			if (!keyOf.has(n.key)) keyOf.set(n.key, noteId);
			return {
				id: noteId,
				deckId: id,
				key: keys[i]!,
				kind: n.kind,
				fields: { ...n.fields },
				tags: cleanTags(n.tags),
				...(n.explanation ? { explanation: n.explanation } : {}),
				...(n.sourceQuote ? { sourceQuote: n.sourceQuote } : {}),
				// Notes already in the deck keep their place, so that an insertion does not "change" every later note.
				position: positions.get(noteId) ?? nextPosition++,
				updatedMs: nowMs
			};
		});
		const hash = fnv1a(
			JSON.stringify(notes.map((n) => [n.key, n.kind, n.fields, n.tags, n.explanation, n.sourceQuote]))
		);
		// Anki's "Parent::Child::Deck" becomes the deck "Deck" in the nested group "Parent::Child".
		const named = splitAnkiDeckName(title);
		decks.push({
			deck: {
				...importedDeckRow(coll, id, named.title, options, hash),
				...(named.group ? { group: named.group } : {})
			},
			notes,
			cardCount: notes.reduce((sum, n) => sum + cardOrdinals(n.kind, n.fields).length, 0),
			existing,
			summary: { added: 0, updated: 0, removed: 0, unchanged: 0 },
			...(target.sameIdDeck ? { sameIdDeck: target.sameIdDeck } : {})
		});
	}

	const media = await planMedia(
		coll.media,
		(names) => getMediaMany(db, names),
		decks.map((d) => d.deck.id),
		nowMs
	);
	if (media.renames.size) {
		for (const d of decks)
			for (const n of d.notes)
				for (const f in n.fields) n.fields[f] = rewriteMediaRefs(n.fields[f]!, media.renames);
	}
	for (const d of decks) d.summary = await diffDeckContent(db, d.deck.id, d.notes);

	const history = reviewsByCard(coll, decks, keyOf);
	const replays = options.withReplays === false ? [] : await planReplays(db, decks, history, options);
	const previewCount = options.previewCards ?? 5;
	const preview: PreviewCard[] = [];
	for (const d of decks) {
		for (const n of d.notes) {
			if (preview.length >= previewCount) break;
			const ord = cardOrdinals(n.kind, n.fields)[0];
			if (ord !== undefined)
				preview.push({ deckTitle: d.deck.title, kind: n.kind, rendered: renderCard(n.kind, n.fields, ord) });
		}
	}
	return {
		format: coll.format,
		title: decks.length === 1 ? decks[0]!.deck.title : coll.title,
		source: options.source,
		nowMs,
		decks,
		media: media.rows,
		renamedMedia: media.renames.size,
		replays,
		totals: {
			notes: decks.reduce((s, d) => s + d.notes.length, 0),
			cards: decks.reduce((s, d) => s + d.cardCount, 0),
			media: media.rows.length,
			reviews: [...history.values()].reduce((s, h) => s + h.answers.length, 0),
			warnings: warnings.length
		},
		warnings,
		preview
	};
}

type History = Map<string, { note: NoteRow; answers: PastAnswer[] }>;

/** The imported answers of each card (cheap: no scheduler), for the count and for the replay. */
function reviewsByCard(
	coll: ImportedCollection,
	decks: DeckPlan[],
	noteIdOfKey: Map<string, string>
): History {
	const noteById = new Map(decks.flatMap((d) => d.notes.map((n) => [n.id, n] as const)));
	const byCard = new Map<string, { note: NoteRow; answers: PastAnswer[] }>();
	for (const r of coll.reviews) {
		const noteId = noteIdOfKey.get(r.noteKey);
		const note = noteId ? noteById.get(noteId) : undefined;
		if (!note || !cardOrdinals(note.kind, note.fields).includes(r.ord)) continue;
		const id = cardId(note.id, r.ord);
		const entry = byCard.get(id) ?? { note, answers: [] };
		entry.answers.push(r);
		byCard.set(id, entry);
	}
	return byCard;
}

/** The history replayed in the import worker (pure replay.ts there; in place where there is no Worker). */
async function planReplays(
	db: KartkaDB,
	decks: DeckPlan[],
	byCard: History,
	options: Pick<PlanOptions, 'signal' | 'onProgress'>
): Promise<ReplayedCard[]> {
	if (byCard.size === 0) return [];
	const global = await getGlobalSettings(db);
	return replayInWorker(
		{
			// An existing deck keeps its own settings.
			decks: decks.map((d) => ({
				deckId: d.deck.id,
				settings: resolveSettings(global, d.existing?.settings)
			})),
			cards: [...byCard].map(([cardId, { note, answers }]) => ({
				cardId,
				noteId: note.id,
				deckId: note.deckId,
				answers: answers.map(({ reviewedMs, rating, durationMs }) => ({ reviewedMs, rating, durationMs }))
			}))
		},
		options
	);
}
