/**
 * Derived card state after a pull: every touched card is recomputed as the replay of its logs in time
 * order (domain/sync/card-replay.ts), and each log's before/after is rewritten to match. Runs inside
 * the pull batch's transaction. Logs that came from the server carry `afterRev: -1` until replayed.
 */
import { createScheduler, type Scheduler } from '$lib/domain/fsrs-adapter';
import { Queue, queueForState } from '$lib/domain/model';
import { cardOrdinals } from '$lib/domain/card-render';
import { cardCreatedMs, compareLogs, replayCardLogs } from '$lib/domain/sync/card-replay';
import type { SyncedCardRow, SyncedNoteRow } from '$lib/domain/sync/row-docs';
import { newCardSchedule, pickSchedule } from '$lib/domain/schedule';
import { canonicalJson } from '$lib/domain/sync/revisions';
import { cardId, noteIdOfCard } from '$lib/domain/card-id';
import { suspensionReason } from '$lib/domain/cards/suspension';
import type { KartkaDB } from './db';
import { settingsForDeck } from './settings.repo';
import type { SyncedLogRow } from './sync-tracking.repo';
import { cardsOfNotes } from './cards-of-notes.repo';

/** A log pulled from the server whose schedules are not computed yet. */
export const UNREPLAYED = -1;

const realLogs = (logs: SyncedLogRow[]) => logs.filter((l) => l.afterRev !== UNREPLAYED);

/** For each note, when its cards were created (the earliest of its cards), from local rows. */
export async function replayOrderCreatedMs(db: KartkaDB, noteIds: string[]): Promise<Map<string, number>> {
	const out = new Map<string, number>();
	if (noteIds.length === 0) return out;
	const cards = (await cardsOfNotes(db, noteIds)) as SyncedCardRow[];
	const needLogs = cards.filter((c) => c.createdMs === undefined && c.state !== 0).map((c) => c.id);
	const logs = needLogs.length
		? ((await db.reviewLogs.where('cardId').anyOf(needLogs).toArray()) as SyncedLogRow[])
		: [];
	const byCard = new Map<string, SyncedLogRow[]>();
	for (const l of realLogs(logs)) byCard.set(l.cardId, [...(byCard.get(l.cardId) ?? []), l]);
	for (const card of cards) {
		const created = cardCreatedMs(card, (byCard.get(card.id) ?? []).sort(compareLogs));
		out.set(card.noteId, Math.min(out.get(card.noteId) ?? Infinity, created));
	}
	return out;
}

/**
 * Cards a note should have and does not (a note that arrived, or a new cloze), as new card rows, given
 * the ordinals it has (`existingOrds`). Pure: the caller writes `added` (a pull, once per batch).
 */
export function missingCards(
	note: SyncedNoteRow,
	createdMs: number,
	existingOrds: ReadonlySet<number>
): { ids: string[]; added: SyncedCardRow[] } {
	const added: SyncedCardRow[] = [];
	for (const ord of cardOrdinals(note.kind, note.fields)) {
		if (existingOrds.has(ord)) continue;
		added.push({
			id: cardId(note.id, ord),
			noteId: note.id,
			deckId: note.deckId,
			ord,
			queue: Queue.New,
			newPosition: note.position * 1000 + ord,
			rev: 0,
			createdMs,
			...newCardSchedule(createdMs)
		});
	}
	const ids = [...existingOrds].map((ord) => cardId(note.id, ord)).concat(added.map((c) => c.id));
	return { ids, added };
}

/**
 * Recomputes cards from their logs (and suspension, and whether their note still has them). `newLogs`:
 * logs not stored yet (a pulled batch's); they are replayed with the stored ones and written here, once
 * (those whose card has not arrived yet are stored unreplayed, and replayed when it does).
 */
export async function recomputeCards(
	db: KartkaDB,
	cardIds: Iterable<string>,
	newLogs: SyncedLogRow[] = []
): Promise<void> {
	const ids = [...new Set(cardIds)];
	if (ids.length === 0) {
		await db.reviewLogs.bulkAdd(newLogs);
		return;
	}
	// Three queries for the whole batch, asked at once (one wait, not three): cards, their notes (a card's
	// id names its note), their logs.
	const [cardRows, noteRows, stored] = await Promise.all([
		db.cards.bulkGet(ids),
		db.notes.bulkGet([...new Set(ids.map(noteIdOfCard))]),
		db.reviewLogs.where('cardId').anyOf(ids).toArray()
	]);
	const cards = (cardRows as (SyncedCardRow | undefined)[]).filter(
		(c): c is SyncedCardRow => !!c // a card whose note has not arrived yet is replayed when it does
	);
	const notes = new Map(
		(noteRows as (SyncedNoteRow | undefined)[]).filter((n): n is SyncedNoteRow => !!n).map((n) => [n.id, n])
	);
	// A row whose noteId is not the one its id names (none is written so; read rather than assumed).
	const odd = [...new Set(cards.map((c) => c.noteId))].filter((id) => !notes.has(id));
	if (odd.length > 0)
		for (const n of (await db.notes.bulkGet(odd)) as (SyncedNoteRow | undefined)[]) if (n) notes.set(n.id, n);
	const logsByCard = new Map<string, SyncedLogRow[]>();
	for (const log of [...(stored as SyncedLogRow[]), ...newLogs]) {
		const list = logsByCard.get(log.cardId);
		if (list) list.push(log);
		else logsByCard.set(log.cardId, [log]);
	}
	// A card is in its note's deck: a note moved on another device (Browse's "Move to deck") takes its cards.
	for (const [i, card] of cards.entries()) {
		const deckId = notes.get(card.noteId)?.deckId;
		if (deckId && deckId !== card.deckId) cards[i] = { ...card, deckId };
	}
	const deckIds = [...new Set(cards.map((c) => c.deckId))];
	const settings = await Promise.all(deckIds.map((deckId) => settingsForDeck(db, deckId)));
	const schedulers = new Map<string, Scheduler>(
		deckIds.map((deckId, i) => [deckId, createScheduler(settings[i]!)])
	);

	const cardPuts: SyncedCardRow[] = [];
	const logPuts: SyncedLogRow[] = [];
	for (const card of cards) {
		const note = notes.get(card.noteId);
		const logs = logsByCard.get(card.id) ?? [];
		const createdMs = card.createdMs ?? cardCreatedMs(card, realLogs(logs).sort(compareLogs));
		const { schedule, steps, sortedLogs } = replayCardLogs(
			schedulers.get(card.deckId)!,
			card.id,
			createdMs,
			logs
		);
		const rev = card.rev + 1;
		sortedLogs.forEach((log, i) => {
			const step = steps[i]!;
			const afterRev = i === sortedLogs.length - 1 ? rev : log.afterRev === UNREPLAYED ? 0 : log.afterRev;
			if (
				log.afterRev !== afterRev ||
				canonicalJson(log.before) !== canonicalJson(step.before) ||
				canonicalJson(log.after) !== canonicalJson(step.after)
			)
				logPuts.push({ ...log, before: step.before, after: step.after, afterRev });
		});
		const hidden =
			card.userSuspended ||
			// A suspension the person made in Browse (not a sync document yet) is theirs to lift, not a replay's.
			suspensionReason(card) === 'user' ||
			note?.removed ||
			!note ||
			!cardOrdinals(note.kind, note.fields).includes(card.ord);
		cardPuts.push({
			...card,
			...pickSchedule(schedule),
			createdMs,
			queue: hidden ? Queue.Suspended : queueForState(schedule.state),
			rev
		} as SyncedCardRow);
	}
	const replayed = new Set(cards.map((c) => c.id));
	for (const log of newLogs) if (!replayed.has(log.cardId)) logPuts.push(log);
	await Promise.all([db.reviewLogs.bulkPut(logPuts), db.cards.bulkPut(cardPuts)]);
}
