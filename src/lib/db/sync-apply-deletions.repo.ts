/**
 * Deletions and undone deletions meeting sync. A note deleted on another device (a tombstone pulled): its cards' review logs go too, and their log
 * documents are deleted on the server, from here. The deleting device could only delete the logs it
 * knew; an answer given meanwhile on another device (offline) would otherwise stay live on the server
 * and arrive, orphaned, on devices that pull it after the tombstone: the devices would then differ.
 * Inside the pull batch's transaction (sync-apply.repo.ts).
 */
import { Queue, queueForState, type CardRow } from '$lib/domain/model';
import { applySuspension, isUserSuspended } from '$lib/domain/sync/bulk-sync';
import { mergeCards } from '$lib/domain/sync/conflict-rules';
import { docId } from '$lib/domain/sync/doc-ids';
import type { SyncedCardRow } from '$lib/domain/sync/row-docs';
import type { CardBody } from '$lib/domain/sync/sync-docs';
import type { KartkaDB } from './db';
import { cardsOfDeck } from './cards-of-decks.repo';
import { removeDeckRows } from './deck-manage.repo';
import type { BatchContext } from './sync-apply.repo';
import { getSyncMeta, putSyncMeta, type SyncedLogRow } from './sync-tracking.repo';
import { trackBatch } from './sync-outbox-batches.repo';
import { rememberLogRevs } from './sync-log-revs.repo';

/**
 * Deletes the logs of `cardIds`, stored or pulled in this batch, and queues their deletion (changed at
 * `deletedMs`, the tombstone's time). Returns the batch's pulled logs that were dropped.
 */
export async function deleteLogsOfCards(
	ctx: BatchContext,
	cardIds: readonly string[],
	deletedMs: number
): Promise<Set<SyncedLogRow>> {
	const doomed = new Set(cardIds);
	const stored = (await ctx.db.reviewLogs
		.where('cardId')
		.anyOf([...cardIds])
		.toArray()) as SyncedLogRow[];
	const pulled = new Set(ctx.newLogs.filter((l) => doomed.has(l.cardId)));
	for (const log of [...stored, ...pulled]) if (log.uid) ctx.logs.delete(log.uid);
	await rememberLogRevs(ctx.db, [...stored, ...pulled], (uid) => ctx.pulledRevs.get(uid));
	await ctx.db.reviewLogs.bulkDelete(stored.map((l) => l.id!));
	const uids = [...stored, ...pulled].map((l) => l.uid).filter((uid): uid is string => !!uid);
	await trackBatch(
		ctx.db,
		uids.map((uid) => docId('log', uid)),
		deletedMs
	);
	return pulled;
}

/** syncMeta key: suspensions pulled while their card did not exist here (sync-apply.repo.ts). */
export const HELD_CARD_DOCS = 'heldCardDocs';

/**
 * Cards about to be deleted keep their synced suspension aside (held, as for a card whose note has
 * not arrived), merged by the card rule with what is held already: if their note comes back (an Undo
 * elsewhere, a later edit on another device), the card is created again as new and takes it, on every
 * device alike, instead of coming back unsuspended where it was deleted. Returns whether `held` changed.
 */
export function holdSuspensions(held: Record<string, CardBody>, cards: readonly (CardRow | undefined)[]) {
	let changed = false;
	for (const card of cards as (SyncedCardRow | undefined)[]) {
		if (!card || card.suspendChangedMs === undefined) continue;
		const own: CardBody = {
			kind: 'card',
			suspended: !!card.userSuspended,
			changedMs: card.suspendChangedMs,
			changedBy: card.suspendChangedBy ?? ''
		};
		const before = held[card.id];
		held[card.id] = before ? mergeCards([before, own]) : own;
		changed = true;
	}
	return changed;
}

/** holdSuspensions for a delete made on this device, inside its transaction (which includes syncMeta). */
export async function holdSuspensionsOfDeleted(db: KartkaDB, cards: readonly (CardRow | undefined)[]) {
	const held = (await getSyncMeta<Record<string, CardBody>>(db, HELD_CARD_DOCS)) ?? {};
	if (holdSuspensions(held, cards)) await putSyncMeta(db, HELD_CARD_DOCS, held);
}

/**
 * Cards put back by an Undo (of a Browse delete, of a deck delete) take the suspensions that arrived
 * from other devices while they were gone (held, as for a card whose note has not arrived), merged by the
 * card rule with this device's own; this device's version is queued when it is the one that wins.
 * Inside the caller's transaction (cards, syncMeta, syncOutbox).
 */
export async function applyHeldSuspensions(db: KartkaDB, cards: readonly CardRow[], nowMs: number) {
	const held = (await getSyncMeta<Record<string, CardBody>>(db, HELD_CARD_DOCS)) ?? {};
	const hits = (cards as SyncedCardRow[]).filter((c) => held[c.id]);
	if (hits.length === 0) return;
	const puts: SyncedCardRow[] = [];
	const ours: string[] = [];
	for (const card of hits) {
		const theirs = held[card.id]!;
		delete held[card.id];
		const own: CardBody | undefined =
			card.suspendChangedMs === undefined
				? undefined
				: {
						kind: 'card',
						suspended: !!card.userSuspended,
						changedMs: card.suspendChangedMs,
						changedBy: card.suspendChangedBy ?? ''
					};
		const merged = own ? mergeCards([own, theirs]) : theirs;
		if (merged === own) ours.push(docId('card', card.id));
		const next = applySuspension(card, merged);
		const queue = merged.suspended
			? Queue.Suspended
			: isUserSuspended(card)
				? queueForState(card.state)
				: card.queue;
		puts.push({ ...next, queue });
	}
	await db.cards.bulkPut(puts);
	await putSyncMeta(db, HELD_CARD_DOCS, held);
	await trackBatch(db, ours, nowMs);
}

/**
 * A deck deleted on another device: its cards' logs go as for a deleted note (above), then the deck and
 * everything in it (deck-manage.repo's removeDeckRows, which queues nothing itself).
 */
export async function removeDeletedDeck(ctx: BatchContext, deckId: string, deletedMs: number) {
	const cards = await cardsOfDeck(ctx.db, deckId).toArray();
	if (holdSuspensions(ctx.held, cards)) ctx.heldChanged = true;
	const gone = await deleteLogsOfCards(
		ctx,
		cards.map((c) => c.id),
		deletedMs
	);
	ctx.newLogs = ctx.newLogs.filter((l) => !gone.has(l));
	const removed = await removeDeckRows(ctx.db, deckId);
	// Its exam plan and test results go everywhere too (one made meanwhile elsewhere would otherwise
	// stay on the devices that had not removed the deck yet).
	if (removed)
		await trackBatch(
			ctx.db,
			[
				...removed.examPlans.map((p) => docId('exam', p.deckId)),
				...(removed.testResults as { uid?: string }[])
					.filter((r) => r.uid)
					.map((r) => docId('result', r.uid!))
			],
			deletedMs
		);
}
