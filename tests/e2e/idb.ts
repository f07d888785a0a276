// Reads the app's IndexedDB from the page with the raw API, to check what was really stored.
import type { Page } from 'playwright-core';

export function readStore<T = Record<string, unknown>>(
	page: Page,
	store: string,
	dbName = 'kartka'
): Promise<T[]> {
	return page.evaluate(
		({ store, dbName }) =>
			new Promise<T[]>((resolve, reject) => {
				const open = indexedDB.open(dbName);
				open.onerror = () => reject(open.error);
				// Opening a database that does not exist yet would create it empty, under the app's feet.
				open.onupgradeneeded = () => open.transaction?.abort();
				open.onsuccess = () => {
					const db = open.result;
					try {
						const request = db.transaction(store, 'readonly').objectStore(store).getAll();
						request.onsuccess = () => {
							db.close();
							resolve(request.result as T[]);
						};
						request.onerror = () => reject(request.error);
					} catch (e) {
						db.close();
						reject(e);
					}
				};
			}),
		{ store, dbName }
	);
}
