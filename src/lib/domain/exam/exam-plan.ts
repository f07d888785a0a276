/**
 * The exam plan: from an exam date and the cards' memory states, how many new cards to introduce each day
 * so that all are learned early enough, and a forecast of the days until the exam (cards per day, whether
 * every card reaches the target recall within the daily limits). Pure; the clock is passed in.
 */
import type { SchedulerSettings } from '../scheduler-settings';

export const DEFAULT_TARGET_RECALL = 0.9;
const MS_PER_DAY = 86_400_000;

/** An exam plan as stored (one per deck). */
export interface ExamPlanRow {
	deckId: string;
	/** The exam's local calendar date, as the date input gives it: "2026-12-14". */
	examDate: string;
	/** Tags the exam covers; empty means the whole deck. */
	tags: string[];
	/** Predicted recall to reach on the exam morning, e.g. 0.9. */
	targetRecall: number;
	/** Study day on which the plan was set (new cards are spread from then). */
	startDay: number;
	updatedMs: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The study day index (see study-day.ts) of a local calendar date "YYYY-MM-DD", or null if invalid. */
export function studyDayOfDate(iso: string): number | null {
	const m = ISO_DATE.exec(iso);
	if (!m) return null;
	const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
	const ms = Date.UTC(y, mo - 1, d);
	const back = new Date(ms);
	if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
	return ms / MS_PER_DAY;
}

export function dateOfStudyDay(day: number): string {
	return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/**
 * The last day on which new cards are introduced. The days after it are for reviews only, so that cards
 * learned last still get a review or two before the exam: a fifth of the plan, at least 2 and at most 10.
 */
export function lastIntroDay(startDay: number, examDay: number): number {
	const buffer = Math.min(10, Math.max(2, Math.round((examDay - startDay) * 0.2)));
	return Math.max(startDay, examDay - 1 - buffer);
}

/**
 * The settings a plan studies with (besides today's new-card count): sibling cards are not held back to
 * the next day, since the exam needs every card learned and reviewed in time.
 */
export function planSettings(settings: SchedulerSettings): SchedulerSettings {
	return { ...settings, burySiblings: false };
}

export interface QuotaInput {
	today: number;
	examDay: number;
	lastIntroDay: number;
	/** New cards in the exam's scope still unseen at the start of today (include those introduced today). */
	newAtDayStart: number;
	/** The deck's daily limit of new cards. */
	newLimit: number;
}

/** How many new cards today: what is left, spread evenly over the days left for new cards, within the limit. */
export function dailyNewQuota(q: QuotaInput): number {
	if (q.today >= q.examDay || q.newAtDayStart <= 0) return 0;
	const daysLeft = Math.max(1, q.lastIntroDay - q.today + 1);
	return Math.min(q.newLimit, Math.ceil(q.newAtDayStart / daysLeft));
}

/** What the plan needs at most per day, when it is set (for the warning about limits). */
export function newCardsNeededPerDay(newCards: number, today: number, introEnd: number): number {
	return newCards === 0 ? 0 : Math.ceil(newCards / Math.max(1, introEnd - today + 1));
}

export interface PlanDay {
	day: number;
	/** Local calendar date "YYYY-MM-DD". */
	date: string;
	newCards: number;
	/** Review cards answered that day (cards, not button presses). */
	reviews: number;
}

export interface PlanForecast {
	active: boolean;
	feasible: boolean;
	/** Why the plan cannot be met, as sentences for the screen. Empty when feasible. */
	problems: string[];
	daysLeft: number;
	days: PlanDay[];
	cardsInScope: number;
	/** In-scope cards at the target on the exam morning if every answer were right (the best case). */
	cardsAtTarget: number;
	/** Share of in-scope cards at the target on the exam morning, averaged over simulated realistic runs. */
	expectedShare: number;
	/** The lowest share among those runs. */
	worstShare?: number;
	newToLearn: number;
	newPerDayNeeded: number;
	/** Today's new-card count under the plan. */
	newToday: number;
}

export type LimitSettings = Pick<SchedulerSettings, 'newCardsPerDay' | 'reviewsPerDay'>;

/** Sentences for what makes a forecast infeasible. */
export function planProblems(
	f: Omit<PlanForecast, 'problems' | 'feasible'>,
	limits: LimitSettings,
	formatDate: (iso: string) => string,
	promisedShare = 0.96
): string[] {
	const problems: string[] = [];
	if (f.daysLeft <= 0) return ['The exam date is today or in the past.'];
	if (f.newPerDayNeeded > limits.newCardsPerDay) {
		problems.push(
			`Learning ${f.newToLearn} new cards in time needs ${f.newPerDayNeeded} new cards a day, over this deck's limit of ${limits.newCardsPerDay}. Raise the limit in Settings, limit the exam to some tags, or choose a later date.`
		);
	}
	const busiest = f.days.reduce<PlanDay | null>(
		(a, d) => (a === null || d.reviews > a.reviews ? d : a),
		null
	);
	if (busiest && busiest.reviews >= limits.reviewsPerDay) {
		problems.push(
			`On ${formatDate(busiest.date)} the plan needs ${busiest.reviews} or more reviews, reaching this deck's limit of ${limits.reviewsPerDay} reviews a day.`
		);
	}
	if (problems.length > 0) return problems;
	if (f.cardsAtTarget < f.cardsInScope) {
		const short = f.cardsInScope - f.cardsAtTarget;
		problems.push(
			`Even with every answer right, ${short} ${short === 1 ? 'card' : 'cards'} would be below the target on the exam morning: there are too few days left to learn and review them.`
		);
	} else if ((f.worstShare ?? f.expectedShare) < promisedShare) {
		const share = Math.floor((f.worstShare ?? f.expectedShare) * 100);
		problems.push(
			`With a usual share of forgotten answers, as few as ${share}% of the cards might reach the target by the exam morning. Choose a later date, or limit the exam to some tags.`
		);
	}
	return problems;
}
