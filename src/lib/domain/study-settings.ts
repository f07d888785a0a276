/**
 * The settings in force for a deck today, decided from what the database holds: an exam plan's new-card
 * quota applied until the exam day (see deck-scheduler.ts for the rules). Kept apart from the scheduler
 * so that the home screen's counts load no FSRS code (issue 13: ts-fsrs only on the screens that answer).
 */
import {
	dailyNewQuota,
	lastIntroDay,
	planSettings,
	studyDayOfDate,
	type ExamPlanRow
} from './exam/exam-plan';
import type { ExamScope } from './exam/exam-scheduler';
import type { SchedulerSettings } from './scheduler-settings';
import { studyDayOf } from './study-day';

export interface StudySettingsInput {
	/** Defaults, then global, then the deck's own. */
	deckSettings: SchedulerSettings;
	plan: ExamPlanRow | null;
	/** Note ids the exam covers; null when it covers the whole deck (or there is no plan). */
	examNotes: Set<string> | null;
	/** The exam's new cards as they were when today began: still new, plus those introduced today. */
	examNewAtDayStart: number;
}

export interface StudySettings {
	/** The deck's settings as configured (what the scheduler is built from). */
	deckSettings: SchedulerSettings;
	/** The settings in force today (an exam plan's new-card quota applied): the queue's limits. */
	settings: SchedulerSettings;
	/** The exam cap while an exam is ahead; null otherwise. */
	examCap: ExamScope | null;
}

export function studySettings(input: StudySettingsInput, nowMs: number): StudySettings {
	const { deckSettings, plan, examNotes } = input;
	const examDay = plan ? studyDayOfDate(plan.examDate) : null;
	const today = studyDayOf(nowMs, deckSettings.dayCutoffHour);
	if (!plan || examDay === null || today >= examDay)
		return { deckSettings, settings: deckSettings, examCap: null };
	const quota = dailyNewQuota({
		today,
		examDay,
		lastIntroDay: lastIntroDay(plan.startDay, examDay),
		newAtDayStart: input.examNewAtDayStart,
		newLimit: deckSettings.newCardsPerDay
	});
	return {
		deckSettings,
		settings: { ...planSettings(deckSettings), newCardsPerDay: quota },
		examCap: {
			examDay,
			targetRecall: plan.targetRecall,
			dayCutoffHour: deckSettings.dayCutoffHour,
			inScope: (cardId) => examNotes === null || examNotes.has(cardId.slice(0, cardId.lastIndexOf('#')))
		}
	};
}
