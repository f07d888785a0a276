/**
 * Rename, move to a group, delete and undo delete: each one transaction. A deletion returns everything
 * it removed (a snapshot) so that "Undo" puts it back exactly, history included.
 */
import { KartkaError } from '$lib/domain/errors';
import type { CardRow, DeckRow, MediaRow, NoteRow, ReviewLogRow } from '$lib/domain/model';
import type { ExamPlanRow } from '$lib/domain/exam/exam-plan';
import type { TestResultRow } from '$lib/domain/exam/test-result';
import type { KartkaDB } from './db';
import { DELETED_BUILTIN_KEY } from './deleted-builtin.repo';

export async function updateDeck(
	db: KartkaDB,
	deckId: string,
	change: (deck: DeckRow) => DeckRow
): Promise<DeckRow> {
	return db.transaction('rw', db.decks, async () => {
		const deck = await db.decks.get(deckId);
		if (!deck) throw new KartkaError('deck-missing', 'This deck no longer exists.');
		const next = change(deck);
		await db.decks.put(next);
		return next;
	});
}

export interface DeletedDeck {
	deck: DeckRow;
	notes: NoteRow[];
	cards: CardRow[];
	logs: ReviewLogRow[];
	examPlans: ExamPlanRow[];
	testResults: TestResultRow[];
	/** Media rows as they were before the deck was taken off them. */
	media: MediaRow[];
}

// The shipped decks a user deleted are read at every start-up: in a module of their own, so that the home
// page does not load deck management's code (issue 13).
export { DELETED_BUILTIN_KEY, deletedBuiltinDecks } from './deleted-builtin.repo';

/** Every table a deck's rows live in: a delete and its undo each touch all of them in one transaction. */
function deckTables(db: KartkaDB) {
	return [db.decks, db.notes, db.cards, db.reviewLogs, db.examPlans, db.testResults, db.media, db.settings];
}

export function deleteDeckRows(db: KartkaDB, deckId: string): Promise<DeletedDeck> {
	return db.transaction('rw', deckTables(db), async () => {
		const deck = await db.decks.get(deckId);
		if (!deck) throw new KartkaError('deck-missing', 'This deck no longer exists.');
		const snapshot: DeletedDeck = {
			deck,
			notes: await db.notes.where('deckId').equals(deckId).toArray(),
			cards: await db.cards.where('deckId').equals(deckId).toArray(),
			logs: await db.reviewLogs
				.where('[deckId+reviewedMs]')
				.between([deckId, -Infinity], [deckId, Infinity])
				.toArray(),
			examPlans: await db.examPlans.where('deckId').equals(deckId).toArray(),
			testResults: await db.testResults.where('deckId').equals(deckId).toArray(),
			media: await db.media.where('deckIds').equals(deckId).toArray()
		};
		await db.notes.bulkDelete(snapshot.notes.map((n) => n.id));
		await db.cards.bulkDelete(snapshot.cards.map((c) => c.id));
		await db.reviewLogs.bulkDelete(snapshot.logs.map((l) => l.id!));
		await db.examPlans.bulkDelete(snapshot.examPlans.map((p) => p.deckId));
		await db.testResults.bulkDelete(snapshot.testResults.map((t) => t.id!));
		for (const file of snapshot.media) {
			const rest = file.deckIds.filter((id) => id !== deckId);
			if (rest.length) await db.media.put({ ...file, deckIds: rest });
			else await db.media.delete(file.name);
		}
		await db.decks.delete(deckId);
		// A shipped deck the user deleted is not installed again at the next start.
		if (deck.origin === 'builtin') await setDeletedBuiltin(db, deckId, true);
		return snapshot;
	});
}

export function restoreDeckRows(db: KartkaDB, s: DeletedDeck): Promise<void> {
	return db.transaction('rw', deckTables(db), async () => {
		if (await db.decks.get(s.deck.id))
			throw new KartkaError('deck-exists', `A deck "${s.deck.title}" exists again: nothing to undo.`);
		await db.decks.add(s.deck);
		await db.notes.bulkAdd(s.notes);
		await db.cards.bulkAdd(s.cards);
		await db.reviewLogs.bulkAdd(s.logs);
		await db.examPlans.bulkAdd(s.examPlans);
		await db.testResults.bulkAdd(s.testResults);
		for (const file of s.media) {
			const now = await db.media.get(file.name);
			// Original order of deckIds, plus any deck that took the file meanwhile.
			const kept = file.deckIds.filter((id) => id === s.deck.id || now?.deckIds.includes(id));
			await db.media.put(now ? { ...now, deckIds: [...new Set([...kept, ...now.deckIds])] } : file);
		}
		if (s.deck.origin === 'builtin') await setDeletedBuiltin(db, s.deck.id, false);
	});
}

async function setDeletedBuiltin(db: KartkaDB, deckId: string, deleted: boolean): Promise<void> {
	const row = await db.settings.get(DELETED_BUILTIN_KEY);
	const ids = new Set(Array.isArray(row?.value) ? (row.value as string[]) : []);
	if (deleted) ids.add(deckId);
	else ids.delete(deckId);
	await db.settings.put({ key: DELETED_BUILTIN_KEY, value: [...ids] });
}
