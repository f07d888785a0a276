// Property: after any sequence of answers, undos and database reopenings, every card equals the
// replay of its own review logs from a new card. A seeded PRNG makes each run reproducible.
import { describe, expect, it } from 'vitest';
import { KartkaDB } from '$lib/db/db';
import { answerCard, logsOfCard, undoAnswer } from '$lib/db/review.repo';
import { CardChangedError } from '$lib/domain/errors';
import { createScheduler } from '$lib/domain/fsrs-adapter';
import { newCardSchedule, pickSchedule, RATINGS, type CardSchedule } from '$lib/domain/schedule';
import { DEFAULT_SCHEDULER_SETTINGS } from '$lib/domain/scheduler-settings';
import { seedDeck } from '../helpers/db';

/** mulberry32: a tiny seeded PRNG. */
function prng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

// Fuzz on: replay must still match because fuzz is deterministic per card.
const settings = { ...DEFAULT_SCHEDULER_SETTINGS, fuzz: true };
const scheduler = createScheduler(settings);
const STEPS = 1000;

describe('answer / undo / reopen property', () => {
	it.each([1, 2026])(
		'every card equals the replay of its logs (seed %i)',
		async (seed) => {
			const random = prng(seed);
			const name = `prop-${seed}-${crypto.randomUUID()}`;
			let db = new KartkaDB(name);
			const createdMs = Date.UTC(2026, 0, 1);
			await seedDeck(db, 'd', 6, 4, createdMs);
			const cardIds = (await db.cards.toArray()).map((c) => c.id);
			const undoStack: number[] = [];
			let clock = createdMs;
			const counts = { answer: 0, undo: 0, reopen: 0, refused: 0 };

			for (let step = 0; step < STEPS; step++) {
				const roll = random();
				if (roll < 0.7) {
					// Minutes to weeks between answers, so cards cross learning, review and relearning.
					clock += 1000 + Math.floor(random() < 0.6 ? random() * 3_600_000 : random() * 20 * 86_400_000);
					const id = cardIds[Math.floor(random() * cardIds.length)]!;
					const shown = (await db.cards.get(id))!;
					const rating = RATINGS[Math.floor(random() * 4)]!;
					const { log } = await answerCard(db, {
						shown,
						rating,
						nowMs: clock,
						durationMs: Math.floor(random() * 20_000),
						scheduler,
						dayCutoffHour: settings.dayCutoffHour
					});
					undoStack.push(log.id!);
					counts.answer++;
				} else if (roll < 0.9) {
					const logId = undoStack.pop();
					if (logId === undefined) continue;
					try {
						await undoAnswer(db, logId);
						counts.undo++;
					} catch (error) {
						// Only the newest answer of a card can be undone; older ones are refused, untouched.
						expect(error).toBeInstanceOf(CardChangedError);
						counts.refused++;
					}
				} else {
					db.close();
					db = new KartkaDB(name);
					await db.open();
					counts.reopen++;
				}
			}

			expect(counts.answer).toBeGreaterThan(500);
			expect(counts.undo).toBeGreaterThan(50);
			expect(counts.reopen).toBeGreaterThan(50);
			for (const card of await db.cards.toArray()) {
				const logs = await logsOfCard(db, card.id);
				let replayed: CardSchedule = newCardSchedule(createdMs);
				for (const log of logs) {
					expect(log.before).toEqual(replayed);
					replayed = scheduler.answer(card.id, replayed, log.rating, log.reviewedMs).schedule;
					expect(log.after).toEqual(replayed);
				}
				expect(pickSchedule(card)).toEqual(replayed);
			}
			db.close();
		},
		120_000
	);
});
