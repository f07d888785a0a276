/**
 * A student's class-deck subscriptions (syncMeta `classDecks`: the class database, its local checkpoint,
 * the decks it brought). Subscribing and "Stop updates" are queued for sync (`classdeck:<url>`) in the
 * same transaction, so a subscription made on one device reaches the student's other devices, which
 * then download the class decks themselves; the checkpoint stays each device's own.
 */
import type { ClassSubscription } from '$lib/domain/sync/class-deck';
import { docId } from '$lib/domain/sync/doc-ids';
import type { KartkaDB } from './db';
import { getSyncMeta, outboxTable, putSyncMeta, syncMetaTable, trackChanges } from './sync-tracking.repo';

export const CLASS_SUBSCRIPTIONS_KEY = 'classDecks';

/** A subscription with when (and where) it was made, for "the latest change wins". */
export type SyncedSubscription = ClassSubscription & { subscribedMs?: number; subscribedBy?: string };

export async function listSubscriptions(db: KartkaDB): Promise<SyncedSubscription[]> {
	return (await getSyncMeta<SyncedSubscription[]>(db, CLASS_SUBSCRIPTIONS_KEY)) ?? [];
}

/** Stores a subscription's new state (after a check): not a change of the subscription itself. */
export async function saveSubscription(db: KartkaDB, sub: SyncedSubscription): Promise<void> {
	await db.transaction('rw', syncMetaTable(db), async () => {
		const all = await listSubscriptions(db);
		const before = all.find((s) => s.url === sub.url);
		const kept = { ...sub, subscribedMs: before?.subscribedMs ?? sub.subscribedMs };
		await putSyncMeta(db, CLASS_SUBSCRIPTIONS_KEY, [...all.filter((s) => s.url !== sub.url), kept]);
	});
}

/** The student subscribed on this device (the first check succeeded): stored and queued. */
export async function recordSubscribed(db: KartkaDB, sub: SyncedSubscription, nowMs: number) {
	await db.transaction('rw', [syncMetaTable(db), outboxTable(db)], async () => {
		const others = (await listSubscriptions(db)).filter((s) => s.url !== sub.url);
		const { subscribedBy: _from, ...own } = sub;
		await putSyncMeta(db, CLASS_SUBSCRIPTIONS_KEY, [...others, { ...own, subscribedMs: nowMs }]);
		await trackChanges(db, [docId('classdeck', sub.url)], nowMs);
	});
}

/** "Stop updates": the decks stay, with the student's progress; only the updates stop, on every device. */
export async function recordUnsubscribed(db: KartkaDB, url: string, nowMs: number) {
	await db.transaction('rw', [syncMetaTable(db), outboxTable(db)], async () => {
		const all = await listSubscriptions(db);
		await putSyncMeta(
			db,
			CLASS_SUBSCRIPTIONS_KEY,
			all.filter((s) => s.url !== url)
		);
		await trackChanges(db, [docId('classdeck', url)], nowMs);
	});
}
