// Version 6 (sync): existing review logs get globally unique ids, the device gets its id, and answers
// and undos from then on record their sync change in the same transaction.
import { describe, expect, it } from 'vitest';
import { KartkaDB } from '$lib/db/db';
// Opening an older version needs the ladder (the app loads it only for an older stored database).
import '$lib/db/schema/ladder';
import { answerCard, undoAnswer } from '$lib/db/review.repo';
import { countPending } from '$lib/db/sync-outbox-batches.repo';
import { getSyncMeta, outboxTable } from '$lib/db/sync-tracking.repo';
import { createScheduler } from '$lib/domain/fsrs-adapter';
import { DEFAULT_SCHEDULER_SETTINGS } from '$lib/domain/scheduler-settings';
import { deckRow, sampleNotes } from '../../helpers/db';
import { makeCard } from '../../helpers/cards';

describe('schema v6', () => {
	it('upgrades v3-era data: every log gets a unique uid with this device id; nothing else moves', async () => {
		const name = `v6-${crypto.randomUUID()}`;
		const old = new KartkaDB(name, 3);
		await old.decks.add(deckRow('d'));
		await old.notes.bulkAdd(sampleNotes('d', 2));
		const card = makeCard({ id: 'd/b0#0', state: 2, queue: 2, dueMs: 99 });
		await old.cards.add(card);
		for (let i = 0; i < 3; i++)
			await old.reviewLogs.add({
				cardId: card.id,
				noteId: card.noteId,
				deckId: 'd',
				rating: 3,
				kind: 'review',
				reviewedMs: 100 + i,
				studyDay: 1,
				durationMs: 5,
				before: card,
				after: card,
				afterRev: i
			});
		old.close();
		const db = new KartkaDB(name, 6);
		await db.open();
		const deviceId = await getSyncMeta<string>(db, 'deviceId');
		expect(deviceId).toMatch(/^[0-9a-z]{26}$/);
		const logs = (await db.reviewLogs.toArray()) as { id?: number; uid?: string }[];
		expect(logs.map((l) => l.uid)).toEqual(logs.map((l) => `${deviceId}-${l.id}`));
		expect(await db.reviewLogs.where('uid').equals(logs[0]!.uid!).count()).toBe(1);
		expect(await db.cards.get('d/b0#0')).toMatchObject({ dueMs: 99 });
		expect(await countPending(db)).toBe(0);
		db.close();
	});

	it('an answer and its undo each record the log document in the same transaction', async () => {
		const db = new KartkaDB(`v6-answer-${crypto.randomUUID()}`);
		await db.cards.add(makeCard({ id: 'd/n#0' }));
		const scheduler = createScheduler({ ...DEFAULT_SCHEDULER_SETTINGS, fuzz: false });
		const { log } = await answerCard(db, {
			shown: (await db.cards.get('d/n#0'))!,
			rating: 3,
			nowMs: 1000,
			durationMs: 1,
			scheduler,
			dayCutoffHour: 4
		});
		const uid = (log as { uid?: string }).uid!;
		expect((await outboxTable(db).toArray()).map((r) => r.docId)).toEqual([`log:${uid}`]);
		await undoAnswer(db, log.id!, 2000);
		expect(await outboxTable(db).toArray()).toMatchObject([{ docId: `log:${uid}`, changedMs: 2000 }]);
		// A failing answer writes nothing, not even to the outbox.
		await outboxTable(db).clear();
		await expect(
			answerCard(db, {
				shown: { ...(await db.cards.get('d/n#0'))!, rev: 99 },
				rating: 3,
				nowMs: 3000,
				durationMs: 1,
				scheduler,
				dayCutoffHour: 4
			})
		).rejects.toThrow();
		expect(await countPending(db)).toBe(0);
		db.close();
	});
});
