/** Setting, changing and removing a deck's exam date, and the plan shown for it. */
import { examDateProblem } from '$lib/domain/exam/exam-date';
import type { KartkaDB } from '$lib/db/db';
import { deleteExamPlan, getExamPlan, restoreNewCardOrder, writeExamPlan } from '$lib/db/exam.repo';
import { settingsForDeck } from '$lib/db/settings.repo';
import { forecastExamPlan } from '$lib/domain/exam/exam-forecast';
import {
	DEFAULT_TARGET_RECALL,
	studyDayOfDate,
	type ExamPlanRow,
	type PlanForecast
} from '$lib/domain/exam/exam-plan';
import { examPriorityEnded } from '$lib/domain/exam/exam-priority';
import { rescheduleForExam } from '$lib/domain/exam/exam-reschedule';
import { noteIdOfCard } from '$lib/domain/card-id';
import { schedulerForDeck } from '$lib/domain/deck-scheduler';
import { studyDayOf } from '$lib/domain/study-day';
import { simCards, type DeckStudyState } from '$lib/domain/exam/deck-study-state';
import { loadDeckStudyState } from './deck-study-state.service';

export interface ExamPlanChoice {
	/** "YYYY-MM-DD" from the date input. */
	examDate: string;
	tags: string[];
	targetRecall?: number;
}

export class ExamPlanError extends Error {}

/** Saves the plan (one transaction with the card changes it implies). Refuses a date that is not ahead. */
export async function setExamPlan(
	db: KartkaDB,
	deckId: string,
	choice: ExamPlanChoice,
	nowMs: number,
	previous?: ExamPlanRow | null
): Promise<ExamPlanRow> {
	const settings = await settingsForDeck(db, deckId);
	const examDay = studyDayOfDate(choice.examDate);
	const today = studyDayOf(nowMs, settings.dayCutoffHour);
	const dateProblem = examDateProblem(choice.examDate, today);
	if (examDay === null || dateProblem)
		throw new ExamPlanError(dateProblem ?? 'Enter the exam date as a full date.');
	const target = choice.targetRecall ?? previous?.targetRecall ?? DEFAULT_TARGET_RECALL;
	if (!(target >= 0.7 && target <= 0.99)) throw new ExamPlanError('The target must be between 70% and 99%.');
	const plan: ExamPlanRow = {
		deckId,
		examDate: choice.examDate,
		tags: [...new Set(choice.tags)].sort(),
		targetRecall: target,
		// New cards are spread from the day the date was chosen; changing only tags or target keeps it.
		startDay: previous && previous.examDate === choice.examDate ? Math.min(previous.startDay, today) : today,
		updatedMs: nowMs
	};
	// Without the cap: rescheduleForExam applies the new plan's own.
	const base = schedulerForDeck({ deckSettings: settings, examCap: null });
	await writeExamPlan(
		db,
		plan,
		(cards, inScope) =>
			rescheduleForExam(
				cards,
				base,
				{
					examDay,
					targetRecall: target,
					dayCutoffHour: settings.dayCutoffHour,
					inScope: (id) => inScope.has(noteIdOfCard(id))
				},
				nowMs
			),
		settings.dayCutoffHour
	);
	return plan;
}

export function removeExamPlan(db: KartkaDB, deckId: string, nowMs?: number): Promise<void> {
	return deleteExamPlan(db, deckId, nowMs);
}

export interface ExamPlanView {
	state: DeckStudyState;
	forecast: PlanForecast | null;
}

/**
 * Once the exam has come, the exam's new cards no longer go first: puts the deck's own new-card order
 * back (keeping the plan for the record). A write, so the screen runs it as its own step before reading
 * the plan (examPlanView only reads). Returns how many cards moved.
 */
export async function endPastExamPriority(db: KartkaDB, deckId: string, nowMs: number): Promise<number> {
	const [settings, plan] = await Promise.all([settingsForDeck(db, deckId), getExamPlan(db, deckId)]);
	if (!plan || !examPriorityEnded(plan, studyDayOf(nowMs, settings.dayCutoffHour))) return 0;
	return restoreNewCardOrder(db, deckId);
}

/** The deck's exam state and the plan's forecast. Reads only. */
export async function examPlanView(
	db: KartkaDB,
	deckId: string,
	nowMs: number,
	formatDate: (iso: string) => string
): Promise<ExamPlanView> {
	const state = await loadDeckStudyState(db, deckId, nowMs);
	const plan = state.plan;
	if (!plan) return { state, forecast: null };
	const forecast = forecastExamPlan(
		{
			nowMs,
			plan,
			settings: state.settings,
			baseScheduler: state.scheduler,
			cards: simCards(state),
			today: state.today
		},
		formatDate
	);
	return { state, forecast };
}
