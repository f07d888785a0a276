// Measures, on the seeded collection: building today's queue, the raw indexed read it is bounded by,
// ts-fsrs next() against our adapter, and one answer transaction.
import { fsrs, createEmptyCard, generatorParameters, Rating as FsrsRating, type StepUnit } from 'ts-fsrs';
import { cardsOfDeck } from '$lib/db/cards-of-decks.repo';
import { appDb } from '$lib/db/db';
import { loadQueueInput } from '$lib/db/queue.repo';
import { answerCard } from '$lib/db/review.repo';
import { createScheduler } from '$lib/domain/fsrs-adapter';
import { Queue } from '$lib/domain/model';
import { Rating } from '$lib/domain/schedule';
import { DEFAULT_SCHEDULER_SETTINGS } from '$lib/domain/scheduler-settings';
import { endOfStudyDayAt } from '$lib/domain/study-day';
import { StudyQueue } from '$lib/domain/study-queue';
import { BENCH_DECK } from './synthetic-collection';

const w = window as unknown as { __benchResult: unknown; __benchDone: boolean };
const settings = { ...DEFAULT_SCHEDULER_SETTINGS };
const db = appDb();
const now = Date.now();

function quantile(xs: number[], q: number): number {
	const s = [...xs].sort((a, b) => a - b);
	return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
}

async function timeIt(runs: number, fn: () => Promise<unknown>): Promise<number[]> {
	const out: number[] = [];
	for (let i = 0; i < runs; i++) {
		const t = performance.now();
		await fn();
		out.push(performance.now() - t);
	}
	return out;
}

await db.open();
await loadQueueInput(db, BENCH_DECK, now, settings); // warm up
let counts = { new: 0, learning: 0, review: 0 };
const queueMs = await timeIt(20, async () => {
	counts = new StudyQueue(await loadQueueInput(db, BENCH_DECK, now, settings)).counts();
});

// The raw indexed reads the queue is bounded by: the same three ranges, no logic.
const end = endOfStudyDayAt(now, settings.dayCutoffHour);
const rawMs = await timeIt(20, () =>
	db.transaction('r', db.cards, db.reviewLogs, () =>
		Promise.all([
			db.cards
				.where('[deckId+queue+dueMs]')
				.between([BENCH_DECK, Queue.Learning, -Infinity], [BENCH_DECK, Queue.Learning, end])
				.toArray(),
			db.cards
				.where('[deckId+queue+dueMs]')
				.between([BENCH_DECK, Queue.Review, -Infinity], [BENCH_DECK, Queue.Review, end])
				.limit(400)
				.toArray(),
			db.cards
				.where('[deckId+queue+newPosition]')
				.between([BENCH_DECK, Queue.New, -Infinity], [BENCH_DECK, Queue.New, Infinity])
				.limit(40)
				.toArray()
		])
	)
);

// ts-fsrs next() on its own (same parameters: fuzz and steps), and through our adapter (study-day
// clock, plain rows, per-card fuzz seed).
const N = 20_000;
const engine = fsrs(
	generatorParameters({
		enable_fuzz: settings.fuzz,
		learning_steps: settings.learningSteps as StepUnit[],
		relearning_steps: settings.relearningSteps as StepUnit[]
	})
);
let card = createEmptyCard(new Date(now));
let t = performance.now();
for (let i = 0; i < N; i++) card = engine.next(card, new Date(now + i * 60_000), FsrsRating.Good).card;
const rawNextUs = ((performance.now() - t) * 1000) / N;
const scheduler = createScheduler(settings);
let schedule = scheduler.answer(
	'c',
	{
		state: 0,
		dueMs: now,
		stability: 0,
		difficulty: 0,
		scheduledDays: 0,
		learningSteps: 0,
		reps: 0,
		lapses: 0,
		lastReviewMs: null
	},
	Rating.Good,
	now
).schedule;
t = performance.now();
for (let i = 0; i < N; i++)
	schedule = scheduler.answer('c', schedule, Rating.Good, now + i * 60_000).schedule;
const adapterUs = ((performance.now() - t) * 1000) / N;

// One answer = one transaction (card + log), on cards from the real queue.
const queue = new StudyQueue(await loadQueueInput(db, BENCH_DECK, now, settings));
const answerMs: number[] = [];
for (let i = 0; i < 50; i++) {
	const shown = queue.next(now);
	if (!shown) break;
	const started = performance.now();
	const { card: updated } = await answerCard(db, {
		shown,
		rating: Rating.Good,
		nowMs: now,
		durationMs: 1000,
		scheduler,
		dayCutoffHour: 4
	});
	answerMs.push(performance.now() - started);
	queue.answered(updated);
}

w.__benchResult = {
	counts,
	cards: await cardsOfDeck(db, BENCH_DECK).count(),
	logs: await db.reviewLogs.count(),
	queueP50: quantile(queueMs, 0.5),
	queueP95: quantile(queueMs, 0.95),
	rawP50: quantile(rawMs, 0.5),
	rawNextUs,
	adapterUs,
	answerP50: quantile(answerMs, 0.5),
	answerP95: quantile(answerMs, 0.95)
};
db.close();
w.__benchDone = true;
