// The decks shipped in decks/ load on first run, and loading again never duplicates or resets.
import { afterEach, describe, expect, it } from 'vitest';
import type { KartkaDB } from '$lib/db/db';
import { answerCard } from '$lib/db/review.repo';
import { createScheduler } from '$lib/domain/fsrs-adapter';
import { Rating } from '$lib/domain/schedule';
import { DEFAULT_SCHEDULER_SETTINGS } from '$lib/domain/scheduler-settings';
import { installBuiltinDecks } from '$lib/services/builtin-decks.service';
import { freshDb } from '../helpers/db';

let db: KartkaDB;
afterEach(() => db?.close());
const shipped = Object.values(__KARTKA_DECKS__);

describe('shipped decks', () => {
	it('are all installed on first run', async () => {
		db = freshDb();
		expect(shipped.length).toBeGreaterThan(0);
		const installed = await installBuiltinDecks(db, 1000);
		expect(installed.sort()).toEqual(shipped.map((d) => d.id).sort());
		expect(await db.cards.count()).toBeGreaterThanOrEqual(await db.notes.count());
	});

	it('are not loaded again when unchanged, and a changed file keeps progress and adds no duplicates', async () => {
		db = freshDb();
		await installBuiltinDecks(db, 1000);
		const first = (await db.cards.toCollection().first())!;
		await answerCard(db, {
			shown: first,
			rating: Rating.Good,
			nowMs: 2000,
			durationMs: 1,
			scheduler: createScheduler(DEFAULT_SCHEDULER_SETTINGS),
			dayCutoffHour: 4
		});
		const answered = await db.cards.get(first.id);
		const cardCount = await db.cards.count();
		expect(await installBuiltinDecks(db, 3000)).toEqual([]);
		// A new app version ships a changed file: simulate by forgetting the stored hash.
		await db.decks.toCollection().modify({ contentHash: 'older-version' });
		expect((await installBuiltinDecks(db, 4000)).length).toBe(shipped.length);
		expect(await db.cards.count()).toBe(cardCount);
		expect(await db.cards.get(first.id)).toEqual(answered);
		expect(await db.reviewLogs.count()).toBe(1);
	});

	it('installs the deck a screen asks for first, one deck at a time, reporting what is left', async () => {
		db = freshDb();
		const last = shipped.at(-1)!.id;
		const pendingSeen: string[][] = [];
		const installed = await installBuiltinDecks(db, 1000, {
			pick: (ids) => (ids.includes(last) ? last : undefined),
			onPending: (ids) => void pendingSeen.push([...ids])
		});
		expect(installed[0]).toBe(last);
		expect(installed.sort()).toEqual(shipped.map((d) => d.id).sort());
		// Known up front (all of them), then one fewer after each deck, empty at the end.
		expect(pendingSeen.map((ids) => ids.length)).toEqual(
			Array.from({ length: shipped.length + 1 }, (_, i) => shipped.length - i)
		);
		expect(pendingSeen[1]).not.toContain(last);
	});
	it('waits for a promise the pending hook returns before the next deck (the worker reads a study start there)', async () => {
		db = freshDb();
		const written: number[] = [];
		await installBuiltinDecks(db, 1000, {
			onPending: async (ids) => {
				if (ids.length !== shipped.length - 1) return;
				// After the first deck: nothing else is written while the hook reads.
				await new Promise((resolve) => setTimeout(resolve, 300));
				written.push(await db.decks.count());
			}
		});
		expect(written).toEqual([1]);
		expect(await db.decks.count()).toBe(shipped.length);
	});
});
