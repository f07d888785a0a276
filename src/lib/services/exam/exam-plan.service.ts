/** Setting, changing and removing a deck's exam date, and the plan shown for it. */
import { examDateProblem } from '$lib/domain/exam/exam-date';
import type { KartkaDB } from '$lib/db/db';
import { deleteExamPlan, restoreNewCardOrder, writeExamPlan } from '$lib/db/exam.repo';
import { settingsForDeck } from '$lib/db/settings.repo';
import { forecastExamPlan } from '$lib/domain/exam/exam-forecast';
import {
	DEFAULT_TARGET_RECALL,
	studyDayOfDate,
	type ExamPlanRow,
	type PlanForecast
} from '$lib/domain/exam/exam-plan';
import { rescheduleForExam } from '$lib/domain/exam/exam-reschedule';
import { createScheduler } from '$lib/domain/fsrs-adapter';
import { studyDayOf } from '$lib/domain/study-day';
import { loadDeckStudyState, simCards, type DeckStudyState } from './deck-study-state.service';

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
	const base = createScheduler(settings);
	await writeExamPlan(db, plan, (cards, inScope) =>
		rescheduleForExam(
			cards,
			base,
			{
				examDay,
				targetRecall: target,
				dayCutoffHour: settings.dayCutoffHour,
				inScope: (id) => inScope.has(id.slice(0, id.lastIndexOf('#')))
			},
			nowMs
		)
	);
	return plan;
}

export function removeExamPlan(db: KartkaDB, deckId: string): Promise<void> {
	return deleteExamPlan(db, deckId);
}

export interface ExamPlanView {
	state: DeckStudyState;
	forecast: PlanForecast | null;
}

export async function examPlanView(
	db: KartkaDB,
	deckId: string,
	nowMs: number,
	formatDate: (iso: string) => string
): Promise<ExamPlanView> {
	let state = await loadDeckStudyState(db, deckId, nowMs);
	// Once the exam has come, the exam's new cards no longer go first: back to the deck's own order.
	if (
		state.plan &&
		state.examDay === null &&
		state.cards.some((c) => c.newPosition < 0) &&
		(await restoreNewCardOrder(db, deckId)) > 0
	) {
		state = await loadDeckStudyState(db, deckId, nowMs);
	}
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
