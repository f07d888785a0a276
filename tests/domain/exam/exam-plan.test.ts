// The pieces of the exam plan: dates, the daily new-card quota, the exam-capped scheduler, readiness.
import { describe, expect, it } from 'vitest';
import { dailyNewQuota, dateOfStudyDay, lastIntroDay, studyDayOfDate } from '$lib/domain/exam/exam-plan';
import { examMorningMs, reviewDayBeforeExam, withExamCap } from '$lib/domain/exam/exam-scheduler';
import { computeReadiness } from '$lib/domain/exam/readiness';
import { filterFromParams, filterToParams, selectCards, NO_FILTER } from '$lib/domain/exam/card-filter';
import { createScheduler } from '$lib/domain/fsrs-adapter';
import { Queue } from '$lib/domain/model';
import { CardState, RATINGS } from '$lib/domain/schedule';
import { DEFAULT_SCHEDULER_SETTINGS } from '$lib/domain/scheduler-settings';
import { startOfStudyDay, studyDayOf } from '$lib/domain/study-day';
import { makeCard } from '../../helpers/cards';

const NOW = new Date(2026, 4, 4, 10, 0).getTime();
const TODAY = studyDayOf(NOW, 4);
const DAY = 86_400_000;
const low = createScheduler({ ...DEFAULT_SCHEDULER_SETTINGS, desiredRetention: 0.75, fuzz: false });

describe('exam dates', () => {
	it('maps a date input value to its study day and back', () => {
		expect(dateOfStudyDay(studyDayOfDate('2026-12-14')!)).toBe('2026-12-14');
		expect(studyDayOfDate(dateOfStudyDay(TODAY))).toBe(TODAY);
		expect(studyDayOfDate('2026-02-30')).toBeNull();
		expect(studyDayOfDate('14/12/2026')).toBeNull();
	});

	it('keeps the last days before the exam for reviews', () => {
		expect(lastIntroDay(100, 107)).toBe(104);
		expect(lastIntroDay(100, 160)).toBe(149);
		expect(lastIntroDay(100, 102)).toBe(100);
	});
});

describe('daily new cards', () => {
	const q = (over: Partial<Parameters<typeof dailyNewQuota>[0]>) =>
		dailyNewQuota({ today: 100, examDay: 110, lastIntroDay: 107, newAtDayStart: 40, newLimit: 20, ...over });
	it('spreads what is left over the days left for new cards', () => {
		expect(q({})).toBe(5);
		expect(q({ today: 106 })).toBe(20);
		expect(q({ today: 108, newAtDayStart: 3 })).toBe(3); // late: catch up at once
	});
	it('stays within the deck limit, and stops on the exam day', () => {
		expect(q({ newAtDayStart: 400 })).toBe(20);
		expect(q({ today: 110 })).toBe(0);
		expect(q({ newAtDayStart: 0 })).toBe(0);
	});
});

describe('exam-capped scheduler', () => {
	const examDay = TODAY + 45;
	const scope = { examDay, targetRecall: 0.9, dayCutoffHour: 4, inScope: (id: string) => id !== 'other#0' };
	const capped = withExamCap(low, scope);
	const card = makeCard({
		id: 'x#0',
		state: CardState.Review,
		queue: Queue.Review,
		stability: 10,
		difficulty: 5,
		reps: 3,
		lastReviewMs: NOW - 10 * DAY,
		dueMs: NOW
	});

	it('brings forward a review that would reach the exam below the target, keeping the memory state', () => {
		const plain = low.answer(card.id, card, 3, NOW);
		const out = capped.answer(card.id, card, 3, NOW);
		expect(studyDayOf(plain.schedule.dueMs, 4)).toBeGreaterThan(examDay);
		expect(low.retrievability(plain.schedule, examMorningMs(scope))).toBeLessThan(0.9);
		const due = studyDayOf(out.schedule.dueMs, 4);
		expect(due).toBeLessThan(examDay);
		expect(out.intervalDays).toBe(due - TODAY);
		expect({ ...out.schedule, dueMs: 0, scheduledDays: 0 }).toEqual({
			...plain.schedule,
			dueMs: 0,
			scheduledDays: 0
		});
		// The review it asks for is enough: a right answer then carries the card to the exam.
		const then = low.answer(card.id, out.schedule, 3, startOfStudyDay(due, 4) + 3_600_000);
		expect(low.retrievability(then.schedule, examMorningMs(scope))).toBeGreaterThanOrEqual(0.9);
	});

	it('shows the same intervals on the buttons as it schedules', () => {
		const preview = capped.preview(card.id, card, NOW);
		for (const r of RATINGS) expect(preview[r]).toEqual(capped.answer(card.id, card, r, NOW));
	});

	it('leaves alone cards outside the exam, and every card once the exam has come', () => {
		const other = { ...card, id: 'other#0' };
		expect(capped.answer(other.id, other, 3, NOW)).toEqual(low.answer(other.id, other, 3, NOW));
		const examMorning = startOfStudyDay(examDay, 4) + 5 * 3_600_000;
		expect(capped.answer(card.id, card, 3, examMorning)).toEqual(low.answer(card.id, card, 3, examMorning));
	});

	it('finds no day when the exam is tomorrow', () => {
		expect(reviewDayBeforeExam(low, card.id, card, examDay - 1, scope)).toBeNull();
	});
});

describe('readiness', () => {
	it('predicts recall on the exam morning per tag, counting unstudied cards as at risk', () => {
		const at = NOW + 20 * DAY;
		const strong = makeCard({
			id: 'a#0',
			state: CardState.Review,
			queue: Queue.Review,
			stability: 200,
			lastReviewMs: NOW
		});
		const weak = makeCard({
			id: 'b#0',
			state: CardState.Review,
			queue: Queue.Review,
			stability: 3,
			lastReviewMs: NOW
		});
		const fresh = makeCard({ id: 'c#0' });
		const gone = makeCard({
			id: 'd#0',
			queue: Queue.Suspended,
			state: CardState.Review,
			stability: 1,
			lastReviewMs: NOW
		});
		const r = computeReadiness({
			cards: [
				{ card: strong, tags: ['date'] },
				{ card: weak, tags: ['date', 'event'] },
				{ card: fresh, tags: ['figure'] },
				{ card: gone, tags: ['figure'] }
			],
			atMs: at,
			targetRecall: 0.9,
			retrievability: (c, ms) => low.retrievability(c, ms)
		});
		expect(r.overall).toMatchObject({ cards: 3, atRisk: 2, newCards: 1 });
		expect(r.byTag.map((t) => t.tag)).toEqual(['date', 'figure', 'event']);
		expect(r.byTag[0]).toMatchObject({ tag: 'date', cards: 2, atRisk: 1 });
		expect(r.byTag[1]).toMatchObject({ tag: 'figure', cards: 1, meanRecall: 0 });
		expect(r.weakest.map((w) => w.cardId)).toEqual(['b#0', 'a#0']);
	});
});

describe('card filters', () => {
	it('round-trips through URL parameters', () => {
		const f = {
			tags: ['date', 'figure'],
			failedToday: true,
			dueWithinDays: 3,
			weakest: 20,
			cardIds: ['d/a#0', 'd/b#1']
		};
		expect(filterFromParams(filterToParams(f))).toEqual(f);
		expect(filterFromParams(new URLSearchParams('weakest=-2&due=abc'))).toEqual(NO_FILTER);
	});

	it('chooses by tags, failures today, due date and weakness', () => {
		const cards = [
			makeCard({
				id: 'n1#0',
				state: CardState.Review,
				queue: Queue.Review,
				stability: 2,
				lastReviewMs: NOW - DAY,
				dueMs: NOW + DAY
			}),
			makeCard({
				id: 'n2#0',
				state: CardState.Review,
				queue: Queue.Review,
				stability: 50,
				lastReviewMs: NOW - DAY,
				dueMs: NOW + 40 * DAY
			}),
			makeCard({ id: 'n3#0' }),
			makeCard({ id: 'n4#0', queue: Queue.Suspended })
		];
		const ctx = {
			nowMs: NOW,
			dayCutoffHour: 4,
			noteTags: new Map([
				['n1', ['date']],
				['n2', ['figure']],
				['n3', ['date']],
				['n4', ['date']]
			]),
			failedToday: new Set(['n2#0']),
			recall: (c: (typeof cards)[number]) => low.retrievability(c, NOW + 10 * DAY)
		};
		const ids = (f: Partial<typeof NO_FILTER>) =>
			selectCards(cards, { ...NO_FILTER, ...f }, ctx).map((c) => c.id);
		expect(ids({})).toEqual(['n1#0', 'n2#0', 'n3#0']);
		expect(ids({ tags: ['date'] })).toEqual(['n1#0', 'n3#0']);
		expect(ids({ failedToday: true })).toEqual(['n2#0']);
		expect(ids({ dueWithinDays: 3 })).toEqual(['n1#0']);
		expect(ids({ weakest: 1 })).toEqual(['n1#0']);
		expect(ids({ cardIds: ['n3#0', 'n4#0'] })).toEqual(['n3#0']);
	});
});
