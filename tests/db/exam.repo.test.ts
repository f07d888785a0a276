// Exam preparation in the database: practice answers that leave schedules alone,
// setting and removing an exam plan (one transaction each), and the scheduling a deck gets from it.
import { describe, expect, it } from 'vitest';
import type { KartkaDB } from '$lib/db/db';
import { applyDeckContent } from '$lib/db/deck-content.repo';
import { getExamPlan } from '$lib/db/exam.repo';
import { EXAM_PRIORITY_OFFSET } from '$lib/domain/exam/exam-priority';
import { logPracticeAnswer, undoPracticeAnswer } from '$lib/db/practice.repo';
import { loadQueueInput } from '$lib/db/queue.repo';
import { answerCard } from '$lib/db/review.repo';
import { dateOfStudyDay } from '$lib/domain/exam/exam-plan';
import { createScheduler } from '$lib/domain/fsrs-adapter';
import { Queue, type CardRow } from '$lib/domain/model';
import { CardState, RATINGS } from '$lib/domain/schedule';
import { DEFAULT_SCHEDULER_SETTINGS } from '$lib/domain/scheduler-settings';
import { startOfStudyDay, studyDayOf } from '$lib/domain/study-day';
import { schedulingForDeck } from '$lib/services/deck-scheduling.service';
import {
	endPastExamPriority,
	examPlanView,
	ExamPlanError,
	removeExamPlan,
	setExamPlan
} from '$lib/services/exam/exam-plan.service';
import { makeCard, makeNote } from '../helpers/cards';
import { deckRow, dumpTables, freshDb, seedDeck } from '../helpers/db';
import { articleDecks } from '../domain/exam/article-decks';
import { cardsOfDeck } from '$lib/db/cards-of-decks.repo';

const NOW = new Date(2026, 4, 4, 10, 0).getTime();
const TODAY = studyDayOf(NOW, 4);
const DAY = 86_400_000;

async function articleDb(): Promise<KartkaDB> {
	const db = freshDb();
	const dates = articleDecks().find((d) => d.deck.id === 'belarus-tilt-dates')!;
	await applyDeckContent(db, dates.deck, dates.notes, { nowMs: 0 });
	return db;
}

describe('practice answers', () => {
	it('leave every card exactly as it was, whatever the rating, and stay out of the daily counts', async () => {
		const db = freshDb();
		await seedDeck(db, 'd', 4, 2);
		const scheduler = createScheduler(DEFAULT_SCHEDULER_SETTINGS);
		// Some cards studied for real first, so that practice meets new, learning and review cards.
		const cards = await cardsOfDeck(db, 'd').toArray();
		for (const card of cards.slice(0, 4))
			await answerCard(db, {
				shown: card,
				rating: 3,
				nowMs: NOW - 5 * DAY,
				durationMs: 1,
				scheduler,
				dayCutoffHour: 4
			});
		const before = await db.cards.toArray();
		const queueBefore = await loadQueueInput(db, 'd', NOW, DEFAULT_SCHEDULER_SETTINGS);
		let t = NOW;
		for (const card of before)
			for (const rating of RATINGS)
				await logPracticeAnswer(db, {
					cardId: card.id,
					rating,
					nowMs: (t += 1000),
					durationMs: 900,
					dayCutoffHour: 4
				});
		expect(await db.cards.toArray()).toEqual(before);
		const logs = await db.reviewLogs.where('[deckId+studyDay]').equals(['d', TODAY]).toArray();
		expect(logs).toHaveLength(before.length * 4);
		expect(
			logs.every((l) => l.kind === 'practice' && JSON.stringify(l.before) === JSON.stringify(l.after))
		).toBe(true);
		const queueAfter = await loadQueueInput(db, 'd', NOW, DEFAULT_SCHEDULER_SETTINGS);
		expect(queueAfter.newStudiedToday).toBe(queueBefore.newStudiedToday);
		expect(queueAfter.reviewsDoneToday).toBe(queueBefore.reviewsDoneToday);
		await undoPracticeAnswer(db, logs[0]!.id!);
		expect(await db.reviewLogs.count()).toBe(4 + before.length * 4 - 1);
		await expect(undoPracticeAnswer(db, 1)).rejects.toThrow(/Only practice answers/);
	});
});

describe('exam plan', () => {
	it('refuses a date that is not ahead, writing nothing', async () => {
		const db = await articleDb();
		const before = await dumpTables(db);
		await expect(
			setExamPlan(db, 'belarus-tilt-dates', { examDate: dateOfStudyDay(TODAY), tags: [] }, NOW)
		).rejects.toThrow(ExamPlanError);
		await expect(
			setExamPlan(db, 'belarus-tilt-dates', { examDate: '2026-02-30', tags: [] }, NOW)
		).rejects.toThrow(ExamPlanError);
		expect(await dumpTables(db)).toEqual(before);
	});

	it('puts the exam’s new cards first and restores the deck order when removed', async () => {
		const db = await articleDb();
		const before = await db.cards.toArray();
		await setExamPlan(
			db,
			'belarus-tilt-dates',
			{ examDate: dateOfStudyDay(TODAY + 14), tags: ['cause'] },
			NOW
		);
		const notes = await db.notes.where('tags').equals('cause').primaryKeys();
		const cards = await db.cards.toArray();
		for (const c of cards) {
			const old = before.find((b) => b.id === c.id)!;
			expect(c.rev).toBe(old.rev);
			expect(c.newPosition).toBe(
				notes.includes(c.noteId) ? old.newPosition - EXAM_PRIORITY_OFFSET : old.newPosition
			);
		}
		await removeExamPlan(db, 'belarus-tilt-dates');
		expect(await db.cards.toArray()).toEqual(before);
		expect(await getExamPlan(db, 'belarus-tilt-dates')).toBeUndefined();
	});

	it('gives the deck its own new-card order back once the exam has come, keeping the plan for the record', async () => {
		const db = await articleDb();
		const before = await db.cards.toArray();
		await setExamPlan(
			db,
			'belarus-tilt-dates',
			{ examDate: dateOfStudyDay(TODAY + 5), tags: ['cause'] },
			NOW
		);
		expect((await db.cards.toArray()).some((c) => c.newPosition < 0)).toBe(true);
		const during = await examPlanView(db, 'belarus-tilt-dates', NOW + DAY, (d) => d);
		expect(during.forecast?.active).toBe(true);
		await endPastExamPriority(db, 'belarus-tilt-dates', NOW + 6 * DAY);
		const after = await examPlanView(db, 'belarus-tilt-dates', NOW + 6 * DAY, (d) => d);
		expect(after.forecast?.active).toBe(false);
		expect(await db.cards.toArray()).toEqual(before);
		expect(await getExamPlan(db, 'belarus-tilt-dates')).toBeDefined();
	});

	it('brings forward reviews that would reach the exam below the target', async () => {
		const db = freshDb();
		await db.decks.put(deckRow('d', { settings: { desiredRetention: 0.7 } }));
		await db.notes.put(makeNote('d', 'n', 0));
		const lastReviewMs = NOW - 2 * DAY;
		// Due in 40 days at 70% desired retention: below 90% on an exam in 20 days.
		const card = makeCard({
			id: 'd/n#0',
			queue: Queue.Review,
			state: CardState.Review,
			stability: 12,
			difficulty: 5,
			lastReviewMs,
			dueMs: NOW + 40 * DAY,
			scheduledDays: 42,
			reps: 3
		});
		await db.cards.put(card);
		await setExamPlan(db, 'd', { examDate: dateOfStudyDay(TODAY + 20), tags: [] }, NOW);
		const moved = (await db.cards.get('d/n#0'))!;
		const dueDay = studyDayOf(moved.dueMs, 4);
		expect(dueDay).toBeGreaterThanOrEqual(TODAY);
		expect(dueDay).toBeLessThan(TODAY + 20);
		expect(moved.rev).toBe(card.rev + 1);
		expect(moved.stability).toBe(card.stability);
	});

	it('shapes the deck’s scheduling until the exam day, then scheduling is as before', async () => {
		const db = await articleDb();
		const normal = await schedulingForDeck(db, 'belarus-tilt-dates', NOW);
		expect(normal.settings.newCardsPerDay).toBe(20);
		await setExamPlan(db, 'belarus-tilt-dates', { examDate: dateOfStudyDay(TODAY + 10), tags: [] }, NOW);
		const planned = await schedulingForDeck(db, 'belarus-tilt-dates', NOW);
		const cards = await cardsOfDeck(db, 'belarus-tilt-dates').count();
		// All the deck's new cards over the 8 days left for new cards (the last 2 days are for reviews).
		expect(cards).toBeGreaterThan(20);
		expect(planned.settings.newCardsPerDay).toBe(Math.ceil(cards / 8));
		expect(planned.settings.burySiblings).toBe(false);
		// With a low desired retention, the normal interval passes the exam with recall below 90% on the
		// exam morning: the plan brings that review forward.
		await db.decks.update('belarus-tilt-dates', { settings: { desiredRetention: 0.75 } });
		await setExamPlan(db, 'belarus-tilt-dates', { examDate: dateOfStudyDay(TODAY + 45), tags: [] }, NOW);
		const lowRetention = await schedulingForDeck(db, 'belarus-tilt-dates', NOW);
		const reviewed = makeCard({
			id: 'belarus-tilt-dates/x#0',
			state: CardState.Review,
			queue: Queue.Review,
			stability: 9,
			difficulty: 5,
			reps: 4,
			lastReviewMs: NOW - 9 * DAY,
			dueMs: NOW
		});
		const capped = lowRetention.scheduler.answer(reviewed.id, reviewed, 3, NOW);
		const plain = createScheduler({ ...DEFAULT_SCHEDULER_SETTINGS, desiredRetention: 0.75 }).answer(
			reviewed.id,
			reviewed,
			3,
			NOW
		);
		expect(studyDayOf(plain.schedule.dueMs, 4)).toBeGreaterThanOrEqual(TODAY + 45);
		expect(studyDayOf(capped.schedule.dueMs, 4)).toBeLessThan(TODAY + 45);
		expect(capped.schedule.stability).toBe(plain.schedule.stability);
		// From the exam day on, the deck schedules as without a plan.
		const examDayMs = startOfStudyDay(TODAY + 45, 4) + 3 * 3_600_000;
		const after = await schedulingForDeck(db, 'belarus-tilt-dates', examDayMs);
		expect(after.settings).toEqual({ ...normal.settings, desiredRetention: 0.75 });
		const unplanned = createScheduler({ ...DEFAULT_SCHEDULER_SETTINGS, desiredRetention: 0.75 });
		expect(after.scheduler.answer(reviewed.id, reviewed, 3, examDayMs)).toEqual(
			unplanned.answer(reviewed.id, reviewed, 3, examDayMs)
		);
	});

	it('counts today’s new cards from the start of the day, so the quota does not shrink while studying', async () => {
		const db = await articleDb();
		await setExamPlan(db, 'belarus-tilt-dates', { examDate: dateOfStudyDay(TODAY + 10), tags: [] }, NOW);
		const { settings, scheduler } = await schedulingForDeck(db, 'belarus-tilt-dates', NOW);
		const fresh = await db.cards
			.where('[deckId+queue+newPosition]')
			.between(['belarus-tilt-dates', Queue.New, -Infinity], ['belarus-tilt-dates', Queue.New, Infinity])
			.limit(3)
			.toArray();
		for (const card of fresh as CardRow[])
			await answerCard(db, {
				shown: card,
				rating: 3,
				nowMs: NOW + 60_000,
				durationMs: 1,
				scheduler,
				dayCutoffHour: 4
			});
		const later = await schedulingForDeck(db, 'belarus-tilt-dates', NOW + 120_000);
		expect(later.settings.newCardsPerDay).toBe(settings.newCardsPerDay);
	});
});
