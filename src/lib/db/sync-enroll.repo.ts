/**
 * Turning sync on: everything of this device that syncs is queued, so that the first sync MERGES both
 * sides (the server's documents and this device's) by the conflict rules, never overwriting either.
 * "Replace this device's data with the server's" is the one exception, and only on request.
 */
import { docId } from '$lib/domain/sync/doc-ids';
import { SYNCED_SETTING_KEYS, type SyncedCardRow } from '$lib/domain/sync/row-docs';
import { newCardSchedule } from '$lib/domain/schedule';
import type { KartkaDB } from './db';
import { cardsOfDecks } from './cards-of-decks.repo';
import {
	outboxTable,
	syncMetaTable,
	syncRevsTable,
	trackChanges,
	type SyncedLogRow
} from './sync-tracking.repo';
import { expandBatches } from './sync-outbox-batches.repo';
import { clearExamKinds, examKindDocIds } from './sync-exam.repo';

/** Queues every synced document of this device (ONE transaction). Returns how many. */
export async function enqueueEverything(db: KartkaDB, nowMs: number): Promise<number> {
	return db.transaction('rw', db.tables, async () => {
		await expandBatches(db);
		const imported = (await db.decks.toArray()).filter((d) => d.origin === 'import').map((d) => d.id);
		const ids: string[] = (await db.decks.toArray()).map((d) => docId('deck', d.id));
		for (const s of await db.settings.toArray())
			if (SYNCED_SETTING_KEYS.has(s.key)) ids.push(docId('setting', s.key));
		// Notes of shipped decks are on every device already; only their edits sync.
		const notes = await db.notes.where('deckId').anyOf(imported).primaryKeys();
		ids.push(...notes.map((id) => docId('note', id)));
		const edited = (await db.notes.toArray()).filter((n) => !imported.includes(n.deckId) && 'editedMs' in n);
		ids.push(...edited.map((n) => docId('note', n.id)));
		await db.cards.each((c) => {
			if ((c as SyncedCardRow).suspendChangedMs !== undefined) ids.push(docId('card', c.id));
		});
		await db.reviewLogs.each((l) => {
			const uid = (l as SyncedLogRow).uid;
			if (uid) ids.push(docId('log', uid));
		});
		ids.push(...((await db.media.toCollection().primaryKeys()) as string[]).map((n) => docId('media', n)));
		ids.push(...(await examKindDocIds(db)));
		// Already-queued ids keep their own change time.
		const queued = new Set((await outboxTable(db).toArray()).map((r) => r.docId));
		const fresh = [...new Set(ids)].filter((id) => !queued.has(id));
		// Possibly on the server already (sync turned on again): a log undone before it is sent again
		// is then deleted there (sync-log-revs.repo.ts).
		await trackChanges(db, fresh, nowMs, true);
		return fresh.length;
	});
}

/** Clears this device's study data and sync state so that the next pull rebuilds it from the server. */
export async function clearForReplace(db: KartkaDB): Promise<void> {
	await db.transaction('rw', db.tables, async () => {
		const imported = (await db.decks.toArray()).filter((d) => d.origin === 'import').map((d) => d.id);
		await db.decks.bulkDelete(imported);
		await db.notes.where('deckId').anyOf(imported).delete();
		await cardsOfDecks(db, imported).delete();
		await db.reviewLogs.clear();
		await clearExamKinds(db);
		// Shipped decks stay installed; their cards return to new until the server's logs replay them.
		await db.cards.toCollection().modify((c) => {
			Object.assign(c, {
				...newCardSchedule((c as SyncedCardRow).createdMs ?? c.dueMs),
				queue: 0,
				rev: c.rev + 1
			});
		});
		await outboxTable(db).clear();
		await syncRevsTable(db).clear();
		await syncMetaTable(db).delete('pullCheckpoint');
	});
}
