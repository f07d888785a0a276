/**
 * The plan shown on the deck screen: today's quota, the days until the exam, and whether the cards will
 * reach the target, simulated with the real queue and scheduler. The promise is checked against a
 * realistic student (several simulated runs where recall follows FSRS's predictions), not only the
 * best case where every answer is right. Pure.
 */
import { examDateProblem, MAX_EXAM_AHEAD_DAYS } from './exam-date';
import type { Scheduler } from '../fsrs-adapter';
import { Queue } from '../model';
import type { SchedulerSettings } from '../scheduler-settings';
import { studyDayOf } from '../study-day';
import {
	dailyNewQuota,
	lastIntroDay,
	newCardsNeededPerDay,
	planProblems,
	planSettings,
	studyDayOfDate,
	type ExamPlanRow,
	type PlanDay,
	type PlanForecast
} from './exam-plan';
import { examMorningMs, withExamCap, type ExamScope } from './exam-scheduler';
import {
	alwaysGood,
	recallStudent,
	simulateUntilExam,
	type SimCard,
	type SimulationInput
} from './exam-simulation';
import { rescheduleForExam } from './exam-reschedule';
import { createRng } from './prng';

/** The plan is called feasible when, in every simulated run, at least this share of cards reaches the target. */
const PROMISED_SHARE = 0.96;
/**
 * Simulated runs per forecast (each a whole study period). Big decks vary less from run to run (many
 * cards average out) and cost more per run, so they get fewer.
 */
function forecastRuns(cards: number): number {
	return cards <= 500 ? 4 : cards <= 2000 ? 2 : 1;
}

export interface ForecastInput {
	nowMs: number;
	plan: ExamPlanRow;
	settings: SchedulerSettings;
	/** The deck's scheduler without the exam cap. */
	baseScheduler: Scheduler;
	cards: readonly SimCard[];
	today: NonNullable<SimulationInput['today']>;
}

function examScopeOf(
	plan: ExamPlanRow,
	settings: SchedulerSettings,
	inScope: (cardId: string) => boolean
): ExamScope | null {
	const examDay = studyDayOfDate(plan.examDate);
	if (examDay === null) return null;
	return { examDay, targetRecall: plan.targetRecall, dayCutoffHour: settings.dayCutoffHour, inScope };
}

export function forecastExamPlan(input: ForecastInput, formatDate: (iso: string) => string): PlanForecast {
	const { plan, nowMs } = input;
	const settings = planSettings(input.settings);
	const inScopeIds = new Set(input.cards.filter((c) => c.inScope).map((c) => c.id));
	const scope = examScopeOf(plan, settings, (id) => inScopeIds.has(id));
	const today = studyDayOf(nowMs, settings.dayCutoffHour);
	const daysLeft = scope ? scope.examDay - today : 0;
	const covered = input.cards.filter((c) => c.inScope && c.queue !== Queue.Suspended);
	const newToLearn = covered.filter((c) => c.queue === Queue.New).length + input.today.newInScopeStudied;
	const inactive = {
		active: false,
		daysLeft,
		days: [],
		cardsInScope: covered.length,
		cardsAtTarget: 0,
		expectedShare: 0,
		newToLearn,
		newPerDayNeeded: 0,
		newToday: 0
	};
	if (!scope || daysLeft <= 0)
		return { ...inactive, feasible: false, problems: planProblems(inactive, settings, formatDate) };
	// The forecast's budget: a plan saved before dates were limited (a typo such as 2206) is not simulated
	// day by day; it asks for a nearer date instead of freezing the screen.
	if (daysLeft > MAX_EXAM_AHEAD_DAYS) {
		const problem = examDateProblem(plan.examDate, today) ?? 'Choose a date at most two years ahead.';
		return { ...inactive, feasible: false, problems: [problem] };
	}
	const introEnd = lastIntroDay(plan.startDay, scope.examDay);
	const scheduler = withExamCap(input.baseScheduler, scope);
	const examMs = examMorningMs(scope);
	// The state the plan starts from: as saved, due dates already brought forward (idempotent).
	const moved = new Map(
		rescheduleForExam(input.cards, input.baseScheduler, scope, nowMs).map((c) => [c.id, c])
	);
	const cards = input.cards.map((c) => moved.get(c.id) ?? c);
	const run = (student: SimulationInput['student']) => {
		const sim = simulateUntilExam({
			nowMs,
			examDay: scope.examDay,
			lastIntroDay: introEnd,
			settings,
			scheduler,
			cards,
			student,
			today: input.today
		});
		const atTarget = sim.cards.filter(
			(c) =>
				c.inScope &&
				c.queue !== Queue.Suspended &&
				input.baseScheduler.retrievability(c, examMs) >= plan.targetRecall
		).length;
		return { days: sim.days, atTarget };
	};
	const best = run(alwaysGood);
	// Seeded by the exam date, so that the same plan shows the same figures on every visit.
	const rng = createRng(`${plan.deckId}:${plan.examDate}:${today}`);
	const runs = Array.from({ length: forecastRuns(input.cards.length) }, () =>
		run(recallStudent(input.baseScheduler, rng.next))
	);
	const shares = runs.map((r) => (covered.length ? r.atTarget / covered.length : 1));
	const forecast = {
		active: true,
		daysLeft,
		days: averageDays(runs.map((r) => r.days)),
		cardsInScope: covered.length,
		cardsAtTarget: best.atTarget,
		expectedShare: shares.reduce((a, b) => a + b, 0) / shares.length,
		worstShare: Math.min(...shares),
		newToLearn,
		newPerDayNeeded: newCardsNeededPerDay(newToLearn, today, Math.max(today, introEnd)),
		newToday: dailyNewQuota({
			today,
			examDay: scope.examDay,
			lastIntroDay: introEnd,
			newAtDayStart: newToLearn,
			newLimit: settings.newCardsPerDay
		})
	};
	const problems = planProblems(forecast, settings, formatDate, PROMISED_SHARE);
	return { ...forecast, feasible: problems.length === 0, problems };
}

/** Cards per day, averaged over the simulated runs and rounded up (a plan should not promise too little work). */
function averageDays(runs: PlanDay[][]): PlanDay[] {
	return runs[0]!.map((day, i) => ({
		...day,
		newCards: Math.ceil(runs.reduce((a, r) => a + r[i]!.newCards, 0) / runs.length),
		reviews: Math.ceil(runs.reduce((a, r) => a + r[i]!.reviews, 0) / runs.length)
	}));
}
