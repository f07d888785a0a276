import { newDeviceId } from '$lib/domain/sync/log-ids';
import type { SchemaStep } from '../db';

/**
 * Version 10: exam preparation syncs (issue 14, docs/sync.md).
 * - testResults: `&uid`, a globally unique id (`<device id>-<local id>`, as review logs have since
 *   version 6) that a result keeps on every device: results are immutable and never conflict.
 * The upgrade gives every existing result its uid and queues every result and exam plan for sync
 * (the outbox is only read when sync is on; turning it on later would queue them anyway).
 */
export const step: SchemaStep = {
	stores: {
		testResults: '++id, deckId, [deckId+takenMs], &uid'
	},
	async upgrade(tx) {
		// A database created at version 6 or later gets its device id on first use: maybe not yet.
		let deviceId = (await tx.table('syncMeta').get('deviceId'))?.value as string | undefined;
		if (!deviceId) {
			deviceId = newDeviceId(crypto.getRandomValues(new Uint8Array(16)));
			await tx.table('syncMeta').put({ key: 'deviceId', value: deviceId });
		}
		const docIds: string[] = [];
		await tx
			.table('testResults')
			.toCollection()
			.modify((row: { id: number; uid?: string }) => {
				row.uid ??= `${deviceId}-${row.id}`;
				docIds.push(`result:${row.uid}`);
			});
		for (const deckId of (await tx.table('examPlans').toCollection().primaryKeys()) as string[])
			docIds.push(`exam:${deckId}`);
		const outbox = tx.table('syncOutbox');
		const queued = new Set((await outbox.where('docId').anyOf(docIds).toArray()).map((r) => r.docId));
		await outbox.bulkAdd(docIds.filter((id) => !queued.has(id)).map((docId) => ({ docId, changedMs: 0 })));
	}
};
