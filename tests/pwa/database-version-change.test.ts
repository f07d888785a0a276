// Another tab opening a newer schema must not break this tab silently: its connection closes and the
// app offers "Reload to update".
import { expect, it } from 'vitest';
import { KartkaDB, SCHEMA_VERSION } from '$lib/db/db';
import { updates, watchDatabase } from '$lib/pwa/service-worker-updates.svelte';

it('flags the database as replaced and closes this connection when another tab upgrades it', async () => {
	const name = 't-' + crypto.randomUUID();
	const db = new KartkaDB(name);
	await db.open();
	watchDatabase(db);
	expect(updates.databaseReplaced).toBe(false);

	// What a newer app version in another tab does: open the same database at a higher version.
	const newer = await new Promise<IDBDatabase>((resolve, reject) => {
		const request = indexedDB.open(name, (SCHEMA_VERSION + 1) * 10);
		request.onsuccess = () => resolve(request.result);
		request.onerror = () => reject(request.error);
		request.onblocked = () => reject(new Error('blocked: the old connection was not closed'));
	});
	expect(updates.databaseReplaced).toBe(true);
	expect(db.isOpen()).toBe(false);
	newer.close();
});
