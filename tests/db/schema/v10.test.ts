// Version 10 from seeded version-7 data: every test result gets its global id (`<device>-<local id>`),
// the new unique index finds it, rows are otherwise unchanged, and every result and exam plan is queued
// for sync (a document already queued keeps its own row).
import { describe, expect, it } from 'vitest';
import { KartkaDB } from '$lib/db/db';
// Opening an older version needs the ladder (the app loads it only for an older stored database).
import '$lib/db/schema/ladder';
import { addTestResult } from '$lib/db/exam.repo';
import { outboxTable, putSyncMeta } from '$lib/db/sync-tracking.repo';
import type { TestResultRow } from '$lib/domain/exam/test-result';
import { deckRow } from '../../helpers/db';

const result = (deckId: string, takenMs: number): TestResultRow => ({
	deckId,
	takenMs,
	seed: 'seed',
	questionCount: 2,
	score: 0.5,
	durationMs: 1000,
	timeLimitMs: null,
	filterLabel: 'All cards',
	byTag: [],
	missedCardIds: []
});

describe('schema v10', () => {
	it('upgrades seeded v7 data: results get uids, plans and results are queued', async () => {
		const name = `v10-${crypto.randomUUID()}`;
		const v7 = new KartkaDB(name, 7);
		await v7.decks.bulkAdd([deckRow('d'), deckRow('e')]);
		await putSyncMeta(v7, 'deviceId', 'dev1');
		const rows = [result('d', 10), result('d', 20), result('e', 30)];
		await v7.testResults.bulkAdd(rows);
		const plan = {
			deckId: 'd',
			examDate: '2026-12-14',
			tags: [],
			targetRecall: 0.9,
			startDay: 5,
			updatedMs: 7
		};
		await v7.examPlans.add(plan);
		await outboxTable(v7).add({ docId: 'exam:d', changedMs: 3 });
		v7.close();

		const v10 = new KartkaDB(name, 10);
		await v10.open();
		expect(v10.verno).toBe(10);
		const idb = v10.backendDB();
		const index = idb.transaction('testResults', 'readonly').objectStore('testResults').index('uid');
		expect(index.unique).toBe(true);
		expect(await v10.testResults.orderBy('id').toArray()).toEqual(
			rows.map((r, i) => ({ ...r, id: i + 1, uid: `dev1-${i + 1}` }))
		);
		expect((await v10.testResults.where('uid').equals('dev1-3').first())?.deckId).toBe('e');
		expect(await v10.examPlans.toArray()).toEqual([plan]);
		const queued = await outboxTable(v10).orderBy('seq').toArray();
		expect(queued.map((r) => [r.docId, r.changedMs])).toEqual([
			['exam:d', 3],
			['result:dev1-1', 0],
			['result:dev1-2', 0],
			['result:dev1-3', 0]
		]);
		// A new result after the upgrade takes the next id and its own uid.
		const id = await addTestResult(v10, result('d', 40));
		expect(id).toBe(4);
		expect((await v10.testResults.get(4)) as unknown).toMatchObject({ uid: 'dev1-4' });
		v10.close();
	});

	it('names results of a database that has no device id yet (created after v6, never synced)', async () => {
		const name = `v10-new-${crypto.randomUUID()}`;
		const v7 = new KartkaDB(name, 7);
		await v7.testResults.add(result('d', 10));
		v7.close();
		const v10 = new KartkaDB(name, 10);
		await v10.open();
		const device = (await v10.syncMeta.get('deviceId'))?.value as string;
		expect(device).toMatch(/^[a-z0-9]+$/);
		expect((await v10.testResults.get(1)) as unknown).toMatchObject({ uid: `${device}-1` });
		expect((await outboxTable(v10).toArray()).map((r) => r.docId)).toEqual([`result:${device}-1`]);
		v10.close();
	});

	it('upgrades a database without results or plans', async () => {
		const name = `v10-empty-${crypto.randomUUID()}`;
		const v7 = new KartkaDB(name, 7);
		await v7.decks.add(deckRow('d'));
		v7.close();
		const v10 = new KartkaDB(name, 10);
		await v10.open();
		expect(await outboxTable(v10).count()).toBe(0);
		expect(await v10.decks.count()).toBe(1);
		v10.close();
	});
});
