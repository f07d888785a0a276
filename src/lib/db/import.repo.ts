/**
 * Writes an import in ONE transaction: every deck's notes and cards (through applyDeckContent, which
 * matches notes by id so that updates keep progress), the media files, and the replayed review
 * history. Anything that fails or a cancel before commit rolls all of it back: nothing is half-imported.
 */
import {
	Queue,
	queueForState,
	type CardRow,
	type DeckRow,
	type MediaRow,
	type NoteRow,
	type ReviewLogRow
} from '$lib/domain/model';
import type { CardSchedule } from '$lib/domain/schedule';
import type { ContentSummary } from '$lib/domain/deck-merge';
import { applyDeckContent } from './deck-content.repo';
import { docId } from '$lib/domain/sync/doc-ids';
import { KartkaDB } from './db';
import { trackChanges } from './sync-tracking.repo';
import { addNewLogs } from './sync-outbox-batches.repo';

export function existingDeck(db: KartkaDB, deckId: string): Promise<DeckRow | undefined> {
	return db.decks.get(deckId);
}

/** Position of each note already in the deck (by note id). */
export async function notePositions(db: KartkaDB, deckId: string): Promise<Map<string, number>> {
	const notes = await db.notes.where('deckId').equals(deckId).toArray();
	return new Map(notes.map((n) => [n.id, n.position]));
}

interface ReplayWrite {
	cardId: string;
	schedule: CardSchedule;
	logs: Omit<ReviewLogRow, 'id'>[];
}

export interface ImportWrite {
	decks: { deck: DeckRow; notes: NoteRow[] }[];
	media: MediaRow[];
	/** Review history to write; only onto cards never studied here (local progress always wins). */
	replays: ReplayWrite[];
	nowMs: number;
	missing: 'suspend' | 'delete' | 'keep';
}

export interface ImportWriteResult {
	decks: { deckId: string; summary: ContentSummary }[];
	reviewsWritten: number;
	/** Cards whose imported history was not applied because they already have progress here. */
	cardsKeptLocal: number;
}

/** Thrown inside the transaction to roll it back. */
export class ImportAbortedError extends Error {
	constructor(
		readonly code: 'cancelled' | 'media-changed',
		message: string
	) {
		super(message);
		this.name = 'ImportAbortedError';
	}
}

/** Writes through a relaxed-durability connection of its own (importConnection), closed afterwards. */
export async function writeImport(
	db: KartkaDB,
	write: ImportWrite,
	signal?: AbortSignal
): Promise<ImportWriteResult> {
	const fast = importConnection(db);
	try {
		return await writeImportOn(fast, write, signal);
	} finally {
		if (fast !== db) fast.close();
	}
}

async function writeImportOn(
	db: KartkaDB,
	write: ImportWrite,
	signal?: AbortSignal
): Promise<ImportWriteResult> {
	const media = db.media;
	const stopIfCancelled = () => {
		if (signal?.aborted) throw new ImportAbortedError('cancelled', 'Import cancelled: nothing was changed.');
	};
	stopIfCancelled();
	const tables = [db.decks, db.notes, db.cards, db.reviewLogs, media, db.syncOutbox, db.syncMeta];
	return db.transaction('rw', tables, async () => {
		const result: ImportWriteResult = { decks: [], reviewsWritten: 0, cardsKeptLocal: 0 };
		// Replayed history goes onto each card as the deck content writes it (one write per card, not two);
		// cards the content leaves as they are get theirs afterwards.
		const replays = new Map(write.replays.map((r) => [r.cardId, r]));
		const logAdds: Omit<ReviewLogRow, 'id'>[] = [];
		const adjustCard = (card: CardRow): CardRow => {
			const replay = replays.get(card.id);
			if (!replay) return card;
			replays.delete(card.id);
			// Local progress always wins over imported history.
			if (card.reps > 0 || card.lastReviewMs !== null) {
				result.cardsKeptLocal++;
				return card;
			}
			for (const log of replay.logs) logAdds.push({ ...log, afterRev: card.rev + log.afterRev });
			return {
				...card,
				...replay.schedule,
				queue: card.queue === Queue.Suspended ? card.queue : queueForState(replay.schedule.state),
				rev: card.rev + replay.logs.length
			};
		};
		for (const { deck, notes } of write.decks) {
			const summary = await applyDeckContent(db, deck, notes, {
				nowMs: write.nowMs,
				missing: write.missing,
				...(replays.size ? { adjustCard } : {})
			});
			result.decks.push({ deckId: deck.id, summary });
			stopIfCancelled();
		}

		const old = await media.bulkGet(write.media.map((m) => m.name));
		const mediaPuts = write.media.map((row, i) => {
			const prev = old[i];
			// The preview chose names against the collection as it was; another tab may have changed it since.
			if (prev && prev.sha256 !== row.sha256) {
				throw new ImportAbortedError(
					'media-changed',
					`The media file "${row.name}" changed while importing; try again.`
				);
			}
			return prev
				? { ...row, deckIds: [...new Set([...prev.deckIds, ...row.deckIds])], addedMs: prev.addedMs }
				: row;
		});
		await media.bulkPut(mediaPuts);
		await trackChanges(
			db,
			mediaPuts.map((m) => docId('media', m.name)),
			write.nowMs
		);
		stopIfCancelled();

		if (replays.size) {
			const rest = [...replays.keys()];
			const cards = (await db.cards.bulkGet(rest)).filter((c): c is CardRow => c !== undefined);
			await db.cards.bulkPut(cards.map(adjustCard));
		}
		if (logAdds.length) {
			// Imported history syncs like answers given here: each log gets its globally unique id.
			await addNewLogs(db, logAdds);
			result.reviewsWritten = logAdds.length;
		}
		stopIfCancelled();
		return result;
	});
}

/**
 * A second connection to the same database for one import's write, with Chromium's relaxed transaction
 * durability: the commit returns once the data is written to the OS, without waiting for the disk flush.
 * A power cut in the next moments could lose the import (never half of it: IndexedDB stays consistent);
 * the student imports again. Answers never use it: they stay default-durable (docs/performance.md).
 * Close it when the write is done, so that it never holds up another tab's schema upgrade. Where
 * transactions take no durability hint (fake-indexeddb in unit tests, older engines), `db` itself.
 */
export function importConnection(db: KartkaDB): KartkaDB {
	const hinted = typeof IDBTransaction !== 'undefined' && 'durability' in IDBTransaction.prototype;
	if (!hinted) return db;
	return new KartkaDB(db.name, db.verno, { chromeTransactionDurability: 'relaxed' });
}
