// A synthetic collection for benchmarks: reversible notes (two cards each), a realistic mix of new,
// learning and review cards, and review logs spread over the last year. Deterministic (seeded PRNG).
import type { KartkaDB } from '$lib/db/db';
import { Queue, type CardRow, type NoteRow, type ReviewLogRow } from '$lib/domain/model';
import { CardState, type CardSchedule } from '$lib/domain/schedule';
import { studyDayOf } from '$lib/domain/study-day';

const DAY_MS = 86_400_000;
const CHUNK = 10_000;

function prng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = Math.imul(a ^ (a >>> 15), a | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export const BENCH_DECK = 'bench-100k';

export async function seedSyntheticCollection(
	db: KartkaDB,
	{ cards: cardCount, logs: logCount, nowMs }: { cards: number; logs: number; nowMs: number }
): Promise<{ seconds: number }> {
	const started = performance.now();
	const random = prng(42);
	await db.transaction('rw', db.decks, db.notes, db.cards, db.reviewLogs, async () => {
		await db.decks.put({
			id: BENCH_DECK,
			title: 'Benchmark: 100,000 cards',
			description: 'Synthetic',
			version: '1',
			language: 'en',
			license: 'none',
			source: { title: 'synthetic' },
			origin: 'import',
			contentHash: 'bench',
			createdMs: nowMs - 400 * DAY_MS,
			updatedMs: nowMs
		});
	});
	const noteCount = Math.ceil(cardCount / 2);
	const studied: CardRow[] = [];
	for (let from = 0; from < noteCount; from += CHUNK) {
		const notes: NoteRow[] = [];
		const cards: CardRow[] = [];
		for (let i = from; i < Math.min(noteCount, from + CHUNK); i++) {
			const id = `${BENCH_DECK}/n${i}`;
			notes.push({
				id,
				deckId: BENCH_DECK,
				key: `n${i}`,
				kind: 'reversible',
				fields: { front: `Question number ${i}: what happened then?`, back: `Answer ${i}` },
				tags: [['date', 'figure', 'actor', 'cause'][i % 4]!],
				position: i,
				updatedMs: nowMs
			});
			for (const ord of [0, 1]) {
				const roll = random();
				const card: CardRow = {
					id: `${id}#${ord}`,
					noteId: id,
					deckId: BENCH_DECK,
					ord,
					newPosition: i * 1000 + ord,
					rev: 1,
					queue: Queue.New,
					state: CardState.New,
					dueMs: nowMs,
					stability: 0,
					difficulty: 0,
					scheduledDays: 0,
					learningSteps: 0,
					reps: 0,
					lapses: 0,
					lastReviewMs: null
				};
				if (roll >= 0.2) {
					const learning = roll < 0.205; // 0.5% in learning, as in a real collection
					const interval = learning ? 0 : Math.ceil(random() * 120);
					card.state = learning ? CardState.Learning : CardState.Review;
					card.queue = learning ? Queue.Learning : Queue.Review;
					card.scheduledDays = interval;
					card.dueMs = learning
						? nowMs + (random() - 0.5) * DAY_MS
						: nowMs + Math.floor((random() * 1.1 - 0.1) * interval) * DAY_MS;
					card.lastReviewMs = card.dueMs - interval * DAY_MS - 1;
					card.stability = interval + 0.5;
					card.difficulty = 1 + random() * 9;
					card.reps = 1 + Math.floor(random() * 20);
					studied.push(card);
				}
				cards.push(card);
			}
		}
		await db.transaction('rw', db.notes, db.cards, async () => {
			await db.notes.bulkAdd(notes);
			await db.cards.bulkAdd(cards);
		});
	}
	for (let from = 0; from < logCount; from += CHUNK) {
		const logs: ReviewLogRow[] = [];
		for (let i = from; i < Math.min(logCount, from + CHUNK); i++) {
			const card = studied[Math.floor(random() * studied.length)]!;
			const reviewedMs = nowMs - Math.floor(random() * 365 * DAY_MS) - DAY_MS;
			const schedule: CardSchedule = {
				state: card.state,
				dueMs: card.dueMs,
				stability: card.stability,
				difficulty: card.difficulty,
				scheduledDays: card.scheduledDays,
				learningSteps: 0,
				reps: card.reps,
				lapses: 0,
				lastReviewMs: card.lastReviewMs
			};
			logs.push({
				cardId: card.id,
				noteId: card.noteId,
				deckId: BENCH_DECK,
				rating: (1 + Math.floor(random() * 4)) as 1 | 2 | 3 | 4,
				kind: 'review',
				reviewedMs,
				studyDay: studyDayOf(reviewedMs, 4),
				durationMs: Math.floor(random() * 20_000),
				before: schedule,
				after: schedule,
				afterRev: 1
			});
		}
		await db.reviewLogs.bulkAdd(logs);
	}
	return { seconds: (performance.now() - started) / 1000 };
}
