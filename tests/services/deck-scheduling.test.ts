// Settings apart from the scheduler: the counts read settings only; the scheduler (with an exam's cap)
// is built by schedulerForDeck alone, and reschedule uses it too. Fixed clock, no fuzz.
import { afterEach, describe, expect, it } from 'vitest';
import type { KartkaDB } from '$lib/db/db';
import { rescheduleReviewCards } from '$lib/db/reschedule.repo';
import { answerCard } from '$lib/db/review.repo';
import { getGlobalSettings, patchGlobalSettings, saveGlobalSettings } from '$lib/db/settings.repo';
import { schedulerForDeck } from '$lib/domain/deck-scheduler';
import { dateOfStudyDay } from '$lib/domain/exam/exam-plan';
import { Rating } from '$lib/domain/schedule';
import { DEFAULT_SCHEDULER_SETTINGS } from '$lib/domain/scheduler-settings';
import { studyDayOf } from '$lib/domain/study-day';
import { studySettingsForDeck } from '$lib/services/study-settings.service';
import { setExamPlan } from '$lib/services/exam/exam-plan.service';
import { freshDb, seedDeck } from '../helpers/db';

const NOW = new Date(2026, 4, 4, 10, 0).getTime();
const TODAY = studyDayOf(NOW, 4);
const DAY = 86_400_000;
let db: KartkaDB;

afterEach(() => db?.close());

describe('studySettingsForDeck', () => {
	it('gives the deck’s settings without a plan, and the exam’s new-card quota with one; never a scheduler', async () => {
		db = freshDb();
		await seedDeck(db, 'd', 5, 3);
		await saveGlobalSettings(db, { fuzz: false, newCardsPerDay: 15 });
		const plain = await studySettingsForDeck(db, 'd', NOW);
		expect(plain.settings).toEqual({ ...DEFAULT_SCHEDULER_SETTINGS, fuzz: false, newCardsPerDay: 15 });
		expect(plain.examCap).toBeNull();
		expect(plain).not.toHaveProperty('scheduler');

		await setExamPlan(db, 'd', { examDate: dateOfStudyDay(TODAY + 10), tags: [] }, NOW);
		const planned = await studySettingsForDeck(db, 'd', NOW);
		// 11 new cards over the 8 days left for new cards.
		expect(planned.settings.newCardsPerDay).toBe(2);
		expect(planned.settings.burySiblings).toBe(false);
		expect(planned.deckSettings.newCardsPerDay).toBe(15);
		expect(planned.examCap?.examDay).toBe(TODAY + 10);
		// From the exam day on, as without a plan.
		const after = await studySettingsForDeck(db, 'd', NOW + 10 * DAY);
		expect(after.examCap).toBeNull();
		expect(after.settings.newCardsPerDay).toBe(15);
	});
});

describe('rescheduleReviewCards with an exam plan', () => {
	it('keeps the exam cap: a review the plan brought before the exam stays before it', async () => {
		db = freshDb();
		await seedDeck(db, 'd', 1, 0);
		await saveGlobalSettings(db, { fuzz: false, desiredRetention: 0.75 });
		const plain = schedulerForDeck({
			deckSettings: { ...DEFAULT_SCHEDULER_SETTINGS, fuzz: false, desiredRetention: 0.75 },
			examCap: null
		});
		// A card learned two days ago, reviewed once: its next review falls just after the exam.
		for (const at of [NOW - 3 * DAY, NOW - 2 * DAY]) {
			const shown = (await db.cards.get('d/b0#0'))!;
			await answerCard(db, {
				shown,
				rating: Rating.Good,
				nowMs: at,
				durationMs: 1,
				scheduler: plain,
				dayCutoffHour: 4
			});
		}
		const uncapped = (await db.cards.get('d/b0#0'))!;
		const examDay = studyDayOf(uncapped.dueMs, 4) - 1;
		expect(examDay).toBeGreaterThan(TODAY + 1);

		await setExamPlan(db, 'd', { examDate: dateOfStudyDay(examDay), tags: [] }, NOW);
		expect(studyDayOf((await db.cards.get('d/b0#0'))!.dueMs, 4)).toBeLessThan(examDay);
		const summary = await rescheduleReviewCards(db, { deckId: 'd', nowMs: NOW });
		expect(summary.skipped).toBe(0);
		const card = (await db.cards.get('d/b0#0'))!;
		expect(studyDayOf(card.dueMs, 4)).toBeLessThan(examDay);
	});
});

describe('patchGlobalSettings', () => {
	it('changes the given fields and keeps the others', async () => {
		db = freshDb();
		await saveGlobalSettings(db, { desiredRetention: 0.85, newCardsPerDay: 15 });
		await Promise.all([
			patchGlobalSettings(db, { reviewsPerDay: 50 }),
			patchGlobalSettings(db, { fuzz: false })
		]);
		expect(await getGlobalSettings(db)).toEqual({
			desiredRetention: 0.85,
			newCardsPerDay: 15,
			reviewsPerDay: 50,
			fuzz: false
		});
	});
});
