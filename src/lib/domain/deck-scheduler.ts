/**
 * The settings and the scheduler in force for a deck, decided from what the database holds. The one
 * place where deck-level policies that shape scheduling (an exam date) are applied, and the one place a
 * deck's scheduler is built. Pure: the reads are in `readStudySettingsInput` (settings.repo.ts).
 *
 * With an exam plan, until the exam day: today's new-card count comes from the plan (what is left of
 * the exam's new cards, spread over the days left for new cards, within the deck's limit); sibling cards
 * are not held back to the next day (the exam needs them all learned); and the scheduler brings a
 * review forward to before the exam wherever the card would otherwise reach the exam below the target.
 * From the exam day on, everything is as without a plan.
 */
import {
	dailyNewQuota,
	lastIntroDay,
	planSettings,
	studyDayOfDate,
	type ExamPlanRow
} from './exam/exam-plan';
import { withExamCap, type ExamScope } from './exam/exam-scheduler';
import { createScheduler, type Scheduler } from './fsrs-adapter';
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

/** The deck's scheduler: FSRS with its settings, capped before an exam. Built here and nowhere else. */
export function schedulerForDeck(study: Pick<StudySettings, 'deckSettings' | 'examCap'>): Scheduler {
	const base = createScheduler(study.deckSettings);
	return study.examCap ? withExamCap(base, study.examCap) : base;
}
