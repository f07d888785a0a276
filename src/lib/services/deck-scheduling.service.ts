/**
 * The settings and scheduler in force for a deck. The one place where deck-level policies that shape
 * scheduling (e.g. an exam date) are applied, so that the study session does not need to know them.
 *
 * With an exam plan, until the exam day: today's new-card count comes from the plan (what is left of
 * the exam's new cards, spread over the days left for new cards, within the deck's limit); sibling cards
 * are not held back to the next day (the exam needs them all learned); and the scheduler brings a
 * review forward to before the exam wherever the card would otherwise reach the exam below the target.
 * From the exam day on, everything is as without a plan.
 */
import type { KartkaDB } from '$lib/db/db';
import { getExamPlan } from '$lib/db/exam.repo';
import { notesInScope } from '$lib/domain/exam/exam-priority';
import { settingsForDeck } from '$lib/db/settings.repo';
import {
	dailyNewQuota,
	lastIntroDay,
	planSettings,
	studyDayOfDate,
	type ExamPlanRow
} from '$lib/domain/exam/exam-plan';
import { withExamCap } from '$lib/domain/exam/exam-scheduler';
import { createScheduler, type Scheduler } from '$lib/domain/fsrs-adapter';
import { Queue } from '$lib/domain/model';
import { CardState } from '$lib/domain/schedule';
import type { SchedulerSettings } from '$lib/domain/scheduler-settings';
import { studyDayOf } from '$lib/domain/study-day';

export interface DeckScheduling {
	settings: SchedulerSettings;
	scheduler: Scheduler;
}

export async function schedulingForDeck(
	db: KartkaDB,
	deckId: string,
	nowMs: number
): Promise<DeckScheduling> {
	const [settings, plan] = await Promise.all([settingsForDeck(db, deckId), getExamPlan(db, deckId)]);
	const base = createScheduler(settings);
	const examDay = plan ? studyDayOfDate(plan.examDate) : null;
	const today = studyDayOf(nowMs, settings.dayCutoffHour);
	if (!plan || examDay === null || today >= examDay) return { settings, scheduler: base };
	const scope = await examScope(db, plan);
	const newAtDayStart = await examNewCardsAtDayStart(db, deckId, today, scope);
	const quota = dailyNewQuota({
		today,
		examDay,
		lastIntroDay: lastIntroDay(plan.startDay, examDay),
		newAtDayStart,
		newLimit: settings.newCardsPerDay
	});
	return {
		settings: { ...planSettings(settings), newCardsPerDay: quota },
		scheduler: withExamCap(base, {
			examDay,
			targetRecall: plan.targetRecall,
			dayCutoffHour: settings.dayCutoffHour,
			inScope: (cardId) => scope === null || scope.has(cardId.slice(0, cardId.lastIndexOf('#')))
		})
	};
}

/** The note ids an exam limited to some tags covers; null when it covers the whole deck. */
async function examScope(db: KartkaDB, plan: ExamPlanRow): Promise<Set<string> | null> {
	if (plan.tags.length === 0) return null;
	const notes = await db.notes
		.where('tags')
		.anyOf(plan.tags)
		.filter((n) => n.deckId === plan.deckId)
		.toArray();
	return new Set(notesInScope(notes, plan.tags).map((n) => n.id));
}

/** The exam's new cards as they were when today began: still new, plus those introduced today. */
async function examNewCardsAtDayStart(
	db: KartkaDB,
	deckId: string,
	today: number,
	scope: Set<string> | null
): Promise<number> {
	const covered = (noteId: string) => scope === null || scope.has(noteId);
	const [stillNew, introducedToday] = await Promise.all([
		db.cards
			.where('[deckId+queue+newPosition]')
			.between([deckId, Queue.New, -Infinity], [deckId, Queue.New, Infinity])
			.filter((c) => covered(c.noteId))
			.count(),
		db.reviewLogs
			.where('[deckId+studyDay]')
			.equals([deckId, today])
			.filter((l) => l.kind === 'review' && l.before.state === CardState.New && covered(l.noteId))
			.count()
	]);
	return stillNew + introducedToday;
}
