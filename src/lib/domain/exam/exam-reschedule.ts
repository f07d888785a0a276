/**
 * When an exam plan is set: cards reviewed before it may be due after the exam although they would reach
 * it below the target. Their next review is brought forward, by the same rule as new answers get. Pure.
 */
import type { Scheduler } from '../fsrs-adapter';
import type { CardRow } from '../model';
import { startOfStudyDay, studyDayOf } from '../study-day';
import { needsEarlierReview, reviewDayBeforeExam, type ExamScope } from './exam-scheduler';

/** The cards whose due date moves (new rows, `rev` bumped), leaving all others out. */
export function rescheduleForExam<T extends CardRow>(
	cards: readonly T[],
	base: Scheduler,
	scope: ExamScope,
	nowMs: number
): T[] {
	const cutoff = scope.dayCutoffHour;
	const today = studyDayOf(nowMs, cutoff);
	if (today >= scope.examDay) return [];
	const moved: T[] = [];
	for (const card of cards) {
		if (!scope.inScope(card.id) || card.lastReviewMs === null || !needsEarlierReview(base, card, scope))
			continue;
		const lastDay = studyDayOf(card.lastReviewMs, cutoff);
		const wanted = reviewDayBeforeExam(base, card.id, card, lastDay, scope);
		if (wanted === null) continue;
		const day = Math.max(today, wanted);
		const dueMs = startOfStudyDay(day, cutoff);
		if (dueMs >= card.dueMs) continue;
		moved.push({ ...card, dueMs, scheduledDays: Math.max(1, day - lastDay), rev: card.rev + 1 });
	}
	return moved;
}
