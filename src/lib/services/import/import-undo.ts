/**
 * "Undo import" for the last import: the rows of the decks it wrote (and the media it added or changed)
 * are put back as they were, in ONE transaction. Refused, with the reason, once a card of those decks was
 * answered after the import (undoing would silently drop that progress).
 */
import { cardsOfDecks } from '$lib/db/cards-of-decks.repo';
import type { KartkaDB } from '$lib/db/db';
import { KartkaError } from '$lib/domain/errors';
import type { CardRow, DeckRow, MediaRow, NoteRow, ReviewLogRow } from '$lib/domain/model';
import type { ImportPlan } from './import-plan';

export interface ImportUndo {
	deckIds: string[];
	mediaNames: string[];
	before: { decks: DeckRow[]; notes: NoteRow[]; cards: CardRow[]; logs: ReviewLogRow[]; media: MediaRow[] };
	/** Review logs of those decks right after the import (more later means they were studied). */
	logsAfter: number;
}

const tables = (db: KartkaDB) => [db.decks, db.notes, db.cards, db.reviewLogs, db.media];

/** A deck's logs go through the [deckId+reviewedMs] index (there is no plain deckId index). */
async function logCount(db: KartkaDB, deckIds: string[]): Promise<number> {
	let n = 0;
	for (const id of deckIds) n += await deckLogs(db, id).count();
	return n;
}

function deckLogs(db: KartkaDB, deckId: string) {
	return db.reviewLogs.where('[deckId+reviewedMs]').between([deckId, -Infinity], [deckId, Infinity]);
}

async function allLogs(db: KartkaDB, deckIds: string[]): Promise<ReviewLogRow[]> {
	const out: ReviewLogRow[] = [];
	for (const id of deckIds) out.push(...(await deckLogs(db, id).toArray()));
	return out;
}

/** Reads what the import is about to change (call right before committing `plan`). */
export async function prepareImportUndo(db: KartkaDB, plan: ImportPlan): Promise<ImportUndo> {
	const deckIds = plan.decks.map((d) => d.deck.id);
	const mediaNames = plan.media.map((m) => m.name);
	return db.transaction('r', tables(db), async () => ({
		deckIds,
		mediaNames,
		before: {
			decks: (await db.decks.bulkGet(deckIds)).filter((d): d is DeckRow => !!d),
			notes: await db.notes.where('deckId').anyOf(deckIds).toArray(),
			cards: await cardsOfDecks(db, deckIds).toArray(),
			logs: await allLogs(db, deckIds),
			media: (await db.media.bulkGet(mediaNames)).filter((m): m is MediaRow => !!m)
		},
		logsAfter: 0
	}));
}

/** Records the state right after the import committed. */
export async function importCommitted(db: KartkaDB, undo: ImportUndo): Promise<ImportUndo> {
	return { ...undo, logsAfter: await logCount(db, undo.deckIds) };
}

export async function undoImport(db: KartkaDB, undo: ImportUndo): Promise<void> {
	await db.transaction('rw', tables(db), async () => {
		if ((await logCount(db, undo.deckIds)) !== undo.logsAfter) {
			throw new KartkaError(
				'undo-import-studied',
				'This import can no longer be undone: cards of its decks were studied since. Nothing was changed.'
			);
		}
		const { deckIds, mediaNames, before } = undo;
		for (const id of deckIds) await deckLogs(db, id).delete();
		await cardsOfDecks(db, deckIds).delete();
		await db.notes.where('deckId').anyOf(deckIds).delete();
		await db.decks.bulkDelete(deckIds);
		await db.media.bulkDelete(mediaNames);
		await db.decks.bulkPut(before.decks);
		await db.notes.bulkPut(before.notes);
		await db.cards.bulkPut(before.cards);
		await db.reviewLogs.bulkPut(before.logs);
		await db.media.bulkPut(before.media);
	});
}
