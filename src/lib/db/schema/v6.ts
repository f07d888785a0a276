import { newDeviceId } from '$lib/domain/sync/log-ids';
import type { SchemaStep } from '../db';

/**
 * Version 6: sync (issue 14, docs/sync.md).
 * - reviewLogs: `&uid`, a globally unique id (`<device id>-<local id>`) that a log keeps on every device
 *   (the other indexes are those of version 1, unchanged).
 * - syncOutbox: local changes not yet sent, one row per document id (`&docId`), in change order (`++seq`).
 *   Written in the SAME transaction as the change it records (answer, undo, edit, suspend, import).
 * - syncRevs: per document id, the last CouchDB revision this device knows and its history (the parent
 *   of the next revision it writes).
 * - syncMeta: this device's own values, never synced: device id, pull checkpoint, sync settings.
 * The upgrade gives this device an id and every existing log its uid.
 */
export const step: SchemaStep = {
	stores: {
		reviewLogs: '++id, cardId, [deckId+studyDay], [deckId+reviewedMs], reviewedMs, &uid',
		syncOutbox: '++seq, &docId',
		syncRevs: 'docId',
		syncMeta: 'key'
	},
	async upgrade(tx) {
		const deviceId = newDeviceId(crypto.getRandomValues(new Uint8Array(16)));
		await tx.table('syncMeta').put({ key: 'deviceId', value: deviceId });
		await tx
			.table('reviewLogs')
			.toCollection()
			.modify((log: { id: number; uid?: string }) => {
				log.uid ??= `${deviceId}-${log.id}`;
			});
	}
};
