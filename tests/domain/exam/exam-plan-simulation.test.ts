// The exam plan, simulated: a student studies the article's cards every day from the day the plan is set
// to the exam, recalling each card with the probability FSRS predicts. Whenever the plan said it was
// feasible, at least 95% of the cards must be at or above the target recall on the exam morning.
// The student here is written independently of the app's own forecast student, with its own random numbers.
import { describe, expect, it } from 'vitest';
import { forecastExamPlan } from '$lib/domain/exam/exam-forecast';
import { dateOfStudyDay, lastIntroDay, planSettings, type ExamPlanRow } from '$lib/domain/exam/exam-plan';
import { rescheduleForExam } from '$lib/domain/exam/exam-reschedule';
import { examMorningMs, withExamCap } from '$lib/domain/exam/exam-scheduler';
import { simulateUntilExam, type SimCard, type Student } from '$lib/domain/exam/exam-simulation';
import { createScheduler, type Scheduler } from '$lib/domain/fsrs-adapter';
import { Queue } from '$lib/domain/model';
import { CardState, type Rating } from '$lib/domain/schedule';
import { DEFAULT_SCHEDULER_SETTINGS, type SchedulerSettings } from '$lib/domain/scheduler-settings';
import { startOfStudyDay, studyDayOf } from '$lib/domain/study-day';
import { articleDecks } from './article-decks';

const TARGET = 0.9;
const DAY_MS = 86_400_000;
/** All the article's cards as one exam (the six decks together: about 150 cards). */
const ARTICLE: SimCard[] = articleDecks().flatMap((d) => d.cards.map((c) => ({ ...c, inScope: true })));

/** xorshift32: deliberately not the app's PRNG. */
function random(seed: number): () => number {
	let x = seed >>> 0 || 1;
	return () => {
		x ^= x << 13;
		x ^= x >>> 17;
		x ^= x << 5;
		return (x >>> 0) / 4294967296;
	};
}

/** FSRS-6 forgetting curve at fractional days (same-day steps), with the default decay. */
function curve(days: number, stability: number): number {
	const decay = 0.1542;
	return stability > 0 ? Math.pow(1 + ((Math.pow(0.9, -1 / decay) - 1) * days) / stability, -decay) : 0;
}

function student(fsrs: Scheduler, next: () => number): Student {
	return (card, nowMs): Rating => {
		if (card.state === CardState.New) {
			const x = next();
			return x < 0.25 ? 1 : x < 0.35 ? 2 : x < 0.9 ? 3 : 4;
		}
		const recall =
			card.state === CardState.Review
				? fsrs.retrievability(card, nowMs)
				: curve((nowMs - card.lastReviewMs!) / DAY_MS, card.stability);
		if (next() >= recall) return 1;
		const y = next();
		return y < 0.1 ? 2 : y < 0.9 ? 3 : 4;
	};
}

interface Scenario {
	daysAhead: number;
	/** Days of ordinary study (no plan) before the exam date is set. */
	studiedBefore: number;
	startMs: number;
	settings: SchedulerSettings;
	seed: number;
}

function run(s: Scenario): { feasible: boolean; share: number } {
	const cutoff = s.settings.dayCutoffHour;
	const fsrs = createScheduler(s.settings);
	const next = random(s.seed);
	const today = studyDayOf(s.startMs, cutoff);
	let cards = ARTICLE;
	if (s.studiedBefore > 0) {
		const from = startOfStudyDay(today - s.studiedBefore, cutoff) + 9 * 3_600_000;
		cards = simulateUntilExam({
			nowMs: from,
			examDay: today,
			lastIntroDay: today - s.studiedBefore,
			settings: s.settings,
			scheduler: fsrs,
			cards,
			student: student(fsrs, next)
		}).cards;
	}
	const examDay = today + s.daysAhead;
	const plan: ExamPlanRow = {
		deckId: 'article',
		examDate: dateOfStudyDay(examDay),
		tags: [],
		targetRecall: TARGET,
		startDay: today,
		updatedMs: s.startMs
	};
	// What the app does when the date is set, then what it shows, then what the student does.
	const scope = { examDay, targetRecall: TARGET, dayCutoffHour: cutoff, inScope: () => true };
	const moved = new Map(rescheduleForExam(cards, fsrs, scope, s.startMs).map((c) => [c.id, c]));
	cards = cards.map((c) => moved.get(c.id) ?? c);
	const noneToday = { newStudied: 0, newInScopeStudied: 0, reviewsDone: 0, notesStudied: new Set<string>() };
	const forecast = forecastExamPlan(
		{ nowMs: s.startMs, plan, settings: s.settings, baseScheduler: fsrs, cards, today: noneToday },
		(d) => d
	);
	const settings = planSettings(s.settings);
	const studied = simulateUntilExam({
		nowMs: s.startMs,
		examDay,
		lastIntroDay: lastIntroDay(today, examDay),
		settings,
		scheduler: withExamCap(fsrs, scope),
		cards,
		student: student(fsrs, next),
		studyHour: 17 + (s.seed % 5)
	});
	const morning = examMorningMs(scope);
	const covered = studied.cards.filter((c) => c.queue !== Queue.Suspended);
	const atTarget = covered.filter((c) => fsrs.retrievability(c, morning) >= TARGET).length;
	return { feasible: forecast.feasible, share: atTarget / covered.length };
}

const STARTS = [
	new Date(2026, 0, 12, 8, 30).getTime(),
	new Date(2026, 2, 20, 21, 45).getTime(), // the plan crosses the spring clock change
	new Date(2026, 9, 14, 13, 5).getTime() // and the autumn one
];

describe('exam plan simulation', () => {
	for (const daysAhead of [7, 10, 14, 21, 30, 45, 60]) {
		it(`reaches the target on the exam morning for ≥ 95% of cards, ${daysAhead} days ahead, when feasible`, () => {
			let feasible = 0;
			let seed = daysAhead * 101;
			for (const startMs of STARTS)
				for (const studiedBefore of [0, 14])
					for (const desiredRetention of [0.9, 0.8]) {
						const settings = { ...DEFAULT_SCHEDULER_SETTINGS, desiredRetention };
						const result = run({ daysAhead, studiedBefore, startMs, settings, seed: ++seed });
						if (!result.feasible) continue;
						feasible++;
						expect(
							result.share,
							`start ${new Date(startMs).toISOString()}, studied ${studiedBefore} days, DR ${desiredRetention}`
						).toBeGreaterThanOrEqual(0.95);
					}
			// The check is not vacuous: plans a week ahead or more are feasible for a student who started earlier.
			expect(feasible).toBeGreaterThan(daysAhead >= 10 ? 8 : 3);
		}, 120_000);
	}

	it('says a plan is not feasible when the new cards do not fit in the daily limit', () => {
		const tight = { ...DEFAULT_SCHEDULER_SETTINGS, newCardsPerDay: 10 };
		expect(
			run({ daysAhead: 7, studiedBefore: 0, startMs: STARTS[0]!, settings: tight, seed: 7 }).feasible
		).toBe(false);
	});
});
