// Issue 12: one clear message for a full disk wherever it happens, and an undo whose answer another tab
// removed (undo there, or a restored backup) says so with its own code and changes nothing.
import { afterEach, describe, expect, it } from 'vitest';
import type { KartkaDB } from '$lib/db/db';
import { answerCard, undoAnswer } from '$lib/db/review.repo';
import {
	errorMessage,
	INTERRUPTED_WRITE_MESSAGE,
	KartkaError,
	STORAGE_FULL_MESSAGE
} from '$lib/domain/errors';
import { createScheduler } from '$lib/domain/fsrs-adapter';
import { Rating } from '$lib/domain/schedule';
import { DEFAULT_SCHEDULER_SETTINGS } from '$lib/domain/scheduler-settings';
import { dumpTables, freshDb, seedDeck } from '../helpers/db';
import { withFault } from '../helpers/faults';

let db: KartkaDB;
afterEach(() => db?.close());

describe('storage full', () => {
	it('a QuotaExceededError from Dexie reads as the one storage-full message, with what to do', async () => {
		db = freshDb();
		await seedDeck(db, 'd', 1, 0);
		const { error } = await withFault(db, { kind: 'QuotaExceededError' }, () =>
			db.decks.update('d', { title: 'x' })
		);
		expect(errorMessage(error)).toBe(STORAGE_FULL_MESSAGE);
		expect(STORAGE_FULL_MESSAGE).toMatch(/nothing was saved.*Free some space.*backup/);
		expect(errorMessage(new Error('other'))).toBe('other');
	});

	it('an aborted transaction reads as "saving was interrupted", a cancelled fetch does not', async () => {
		db = freshDb();
		await seedDeck(db, 'd', 1, 0);
		const { error } = await withFault(db, { kind: 'AbortError' }, () => db.decks.update('d', { title: 'x' }));
		expect(errorMessage(error)).toBe(INTERRUPTED_WRITE_MESSAGE);
		expect(INTERRUPTED_WRITE_MESSAGE).toMatch(/nothing was saved.*Try again/);
		const fetchAbort = new DOMException('The user aborted a request.', 'AbortError');
		expect(errorMessage(fetchAbort)).toBe('The user aborted a request.');
	});
});

describe('undo after another tab removed the answer', () => {
	it('says so with a code the session can act on, and changes nothing', async () => {
		db = freshDb();
		await seedDeck(db, 'd', 2, 0);
		const shown = (await db.cards.toCollection().first())!;
		const scheduler = createScheduler({ ...DEFAULT_SCHEDULER_SETTINGS, fuzz: false });
		const { log } = await answerCard(db, {
			shown,
			rating: Rating.Good,
			nowMs: 1000,
			durationMs: 1,
			scheduler,
			dayCutoffHour: 4
		});
		await db.reviewLogs.delete(log.id!); // "another tab"
		const before = await dumpTables(db);
		const error = await undoAnswer(db, log.id!).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(KartkaError);
		expect((error as KartkaError).code).toBe('undo-gone');
		expect(errorMessage(error)).toMatch(/no longer stored.*another tab.*backup/);
		expect(await dumpTables(db)).toEqual(before);
	});
});
