/**
 * The scheduler while an exam plan is active: the same FSRS scheduler, except that when an answer would
 * put a card's next review on or after the exam day while its predicted recall on the exam morning is
 * below the target, the review is brought forward to a day before the exam. Pure.
 */
import type { AnswerOutcome, Scheduler } from '../fsrs-adapter';
import { CardState, Rating, RATINGS, type CardSchedule } from '../schedule';
import { startOfStudyDay, studyDayOf } from '../study-day';

export interface ExamScope {
	/** Study day of the exam (its morning is the start of that day). */
	examDay: number;
	/** Predicted recall every card should have on the exam morning, e.g. 0.9. */
	targetRecall: number;
	dayCutoffHour: number;
	/** Cards the exam covers (a deck's exam may be limited to some tags). */
	inScope: (cardId: string) => boolean;
}

const HOUR_MS = 3_600_000;

export function examMorningMs(scope: Pick<ExamScope, 'examDay' | 'dayCutoffHour'>): number {
	return startOfStudyDay(scope.examDay, scope.dayCutoffHour);
}

/**
 * The day to review a card last reviewed on `fromDay` (with `schedule` after that review) so that it
 * reaches the exam at or above the target: the earliest day from which a successful review carries it
 * to the exam morning (early, so that a lapse then still leaves time to relearn), or the exam eve when
 * no day does. Null when no day is left before the exam.
 */
export function reviewDayBeforeExam(
	base: Scheduler,
	cardId: string,
	schedule: CardSchedule,
	fromDay: number,
	scope: ExamScope
): number | null {
	const lastDay = scope.examDay - 1;
	if (fromDay + 1 > lastDay) return null;
	const examMs = examMorningMs(scope);
	for (let day = fromDay + 1; day < lastDay; day++) {
		const at = startOfStudyDay(day, scope.dayCutoffHour) + 8 * HOUR_MS;
		const after = base.answer(cardId, schedule, Rating.Good, at).schedule;
		if (base.retrievability(after, examMs) >= scope.targetRecall) return day;
	}
	return lastDay;
}

/**
 * Reviews due in the last days before the exam are the riskiest: a lapse then leaves no time to relearn.
 * Those are brought forward too when an earlier successful review would carry the card to the exam.
 */
const LATE_DAYS = 2;

/**
 * True when a review card due on or after the exam would reach it below the target, or when its review
 * falls in the last days before the exam and could come earlier.
 */
export function needsEarlierReview(base: Scheduler, schedule: CardSchedule, scope: ExamScope): boolean {
	if (schedule.state !== CardState.Review) return false;
	if (studyDayOf(schedule.dueMs, scope.dayCutoffHour) < scope.examDay - LATE_DAYS) return false;
	return base.retrievability(schedule, examMorningMs(scope)) < scope.targetRecall;
}

export function withExamCap(base: Scheduler, scope: ExamScope): Scheduler {
	const cutoff = scope.dayCutoffHour;
	function cap(cardId: string, outcome: AnswerOutcome, nowMs: number): AnswerOutcome {
		if (!scope.inScope(cardId)) return outcome;
		const today = studyDayOf(nowMs, cutoff);
		if (today >= scope.examDay || !needsEarlierReview(base, outcome.schedule, scope)) return outcome;
		const day = reviewDayBeforeExam(base, cardId, outcome.schedule, today, scope);
		if (day === null || day >= studyDayOf(outcome.schedule.dueMs, cutoff)) return outcome;
		const dueMs = startOfStudyDay(day, cutoff);
		const intervalDays = day - today;
		return {
			...outcome,
			intervalMs: dueMs - nowMs,
			intervalDays,
			schedule: { ...outcome.schedule, dueMs, scheduledDays: intervalDays },
			examCap: { dueMs, scheduledDays: intervalDays }
		};
	}
	return {
		preview(cardId, card, nowMs) {
			const outcomes = base.preview(cardId, card, nowMs);
			for (const r of RATINGS) outcomes[r] = cap(cardId, outcomes[r], nowMs);
			return outcomes;
		},
		answer: (cardId, card, rating, nowMs) => cap(cardId, base.answer(cardId, card, rating, nowMs), nowMs),
		retrievability: (card, atMs) => base.retrievability(card, atMs)
	};
}
