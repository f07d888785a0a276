import { afterEach, describe, expect, it } from 'vitest';
import { answerCard, logsOfCard, undoAnswer } from '$lib/db/review.repo';
import { CardChangedError } from '$lib/domain/errors';
import { createScheduler } from '$lib/domain/fsrs-adapter';
import { Queue } from '$lib/domain/model';
import { CardState, Rating } from '$lib/domain/schedule';
import { DEFAULT_SCHEDULER_SETTINGS } from '$lib/domain/scheduler-settings';
import type { KartkaDB } from '$lib/db/db';
import { dumpTables, freshDb, seedDeck } from '../helpers/db';

const settings = { ...DEFAULT_SCHEDULER_SETTINGS, fuzz: false };
const scheduler = createScheduler(settings);
const now = Date.UTC(2026, 10, 28, 12);
let db: KartkaDB;

afterEach(() => db?.close());

async function answer(cardId: string, rating = Rating.Good, at = now) {
	const shown = (await db.cards.get(cardId))!;
	return answerCard(db, { shown, rating, nowMs: at, durationMs: 4200, scheduler, dayCutoffHour: 4 });
}

describe('answering', () => {
	it('writes the card and its review log together, with the time taken', async () => {
		db = freshDb();
		await seedDeck(db);
		const { card, log } = await answer('d/b0#0');
		expect(card.state).toBe(CardState.Learning);
		expect(card.queue).toBe(Queue.Learning);
		expect(await db.cards.get('d/b0#0')).toEqual(card);
		const logs = await logsOfCard(db, 'd/b0#0');
		expect(logs).toHaveLength(1);
		expect(logs[0]).toMatchObject({
			rating: Rating.Good,
			durationMs: 4200,
			kind: 'review',
			afterRev: card.rev
		});
		expect(logs[0]!.before.state).toBe(CardState.New);
		expect(log.id).toBe(logs[0]!.id);
	});

	it('refuses an answer to a card that changed since it was shown (another tab), writing nothing', async () => {
		db = freshDb();
		await seedDeck(db);
		const shownInTabA = (await db.cards.get('d/b0#0'))!;
		await answer('d/b0#0'); // tab B answers first
		const before = await dumpTables(db);
		await expect(
			answerCard(db, {
				shown: shownInTabA,
				rating: Rating.Easy,
				nowMs: now,
				durationMs: 1,
				scheduler,
				dayCutoffHour: 4
			})
		).rejects.toBeInstanceOf(CardChangedError);
		expect(await dumpTables(db)).toEqual(before);
	});

	it('leaves the card untouched when writing the log fails (one transaction)', async () => {
		db = freshDb();
		await seedDeck(db);
		const before = await dumpTables(db);
		db.reviewLogs.hook('creating', () => {
			throw new Error('disk full');
		});
		await expect(answer('d/b0#0')).rejects.toThrow('disk full');
		expect(await dumpTables(db)).toEqual(before);
	});
});

describe('undo', () => {
	it('restores the card and removes its log in one transaction', async () => {
		db = freshDb();
		await seedDeck(db);
		const original = (await db.cards.get('d/b0#0'))!;
		const { log } = await answer('d/b0#0');
		const restored = await undoAnswer(db, log.id!);
		expect({ ...restored, rev: 0 }).toEqual({ ...original, rev: 0 });
		expect(restored.rev).toBeGreaterThan(original.rev);
		expect(await logsOfCard(db, 'd/b0#0')).toHaveLength(0);
	});

	it('changes nothing when removing the log fails', async () => {
		db = freshDb();
		await seedDeck(db);
		const { log } = await answer('d/b0#0');
		const before = await dumpTables(db);
		db.reviewLogs.hook('deleting', () => {
			throw new Error('blocked');
		});
		await expect(undoAnswer(db, log.id!)).rejects.toThrow('blocked');
		expect(await dumpTables(db)).toEqual(before);
	});

	it('refuses to undo an answer once the card has moved on', async () => {
		db = freshDb();
		await seedDeck(db);
		const first = await answer('d/b0#0');
		await answer('d/b0#0', Rating.Good, now + 600_000);
		await expect(undoAnswer(db, first.log.id!)).rejects.toBeInstanceOf(CardChangedError);
		expect(await logsOfCard(db, 'd/b0#0')).toHaveLength(2);
	});
});
