// A first visit is told from the stored databases without opening (creating) the app's database: the
// shipped-deck installer worker creates it (issue 13: blocking time).
import { afterEach, describe, expect, it } from 'vitest';
import { appDb, appDbIsNew } from '$lib/db/db';

afterEach(async () => {
	appDb().close();
	await new Promise((resolve) => {
		const request = indexedDB.deleteDatabase(appDb().name);
		request.onsuccess = request.onerror = resolve;
	});
});

describe('appDbIsNew', () => {
	it('is true before the database exists, and checking creates nothing', async () => {
		expect(await appDbIsNew()).toBe(true);
		expect(await appDbIsNew()).toBe(true);
		expect((await indexedDB.databases()).map((d) => d.name)).not.toContain('kartka');
	});

	it('is false once the database is stored, open or not', async () => {
		await appDb().open();
		expect(await appDbIsNew()).toBe(false);
		appDb().close();
		expect(await appDbIsNew()).toBe(false);
	});
});
