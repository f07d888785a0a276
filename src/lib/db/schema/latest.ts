/**
 * The latest schema in one declaration: what the version ladder (schema/v1.ts … vN.ts) adds up to. The app
 * declares only this at start-up (issue 13: Dexie parsed every version's stores on each of ten declarations,
 * ~30 ms of a phone's main thread per start); the ladder and its upgrade functions are loaded only when the
 * stored database is older (db.ts). A new version changes both this file and adds its vN.ts; the unit test
 * tests/db/schema/schema-upgrade.test.ts checks that they agree.
 */
export const SCHEMA_VERSION = 11;

export const LATEST_STORES: Readonly<Record<string, string>> = {
	decks: 'id, group',
	notes: 'id, deckId, *tags',
	cards: 'id, [deckId+queue+dueMs], [deckId+queue+newPosition]',
	reviewLogs: '++id, cardId, [deckId+studyDay], [deckId+reviewedMs], &uid',
	settings: 'key',
	media: 'name, *deckIds',
	examPlans: 'deckId',
	testResults: '++id, deckId, [deckId+takenMs], &uid',
	syncOutbox: '++seq, &docId',
	syncRevs: 'docId',
	syncMeta: 'key',
	suspensions: 'id'
};
