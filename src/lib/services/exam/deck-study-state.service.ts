/**
 * What the exam screens (plan, readiness, practice, tests) need about one deck, read in one transaction:
 * its cards and notes, today's answers, the exam plan, the settings and the plain FSRS scheduler.
 */
import type { KartkaDB } from '$lib/db/db';
import { notesInScope, readDeckStudyState } from '$lib/db/exam.repo';
import { failedToday } from '$lib/db/practice.repo';
import { settingsForDeck } from '$lib/db/settings.repo';
import type { ExamPlanRow } from '$lib/domain/exam/exam-plan';
import { studyDayOfDate } from '$lib/domain/exam/exam-plan';
import { examMorningMs } from '$lib/domain/exam/exam-scheduler';
import type { SimCard, SimulationInput } from '$lib/domain/exam/exam-simulation';
import { schedulerForDeck } from '$lib/domain/deck-scheduler';
import type { Scheduler } from '$lib/domain/fsrs-adapter';
import type { CardRow, NoteRow } from '$lib/domain/model';
import { CardState } from '$lib/domain/schedule';
import type { SchedulerSettings } from '$lib/domain/scheduler-settings';
import { studyDayOf } from '$lib/domain/study-day';

export interface DeckStudyState {
	deckId: string;
	nowMs: number;
	settings: SchedulerSettings;
	/** FSRS without the exam cap (predicted recall is the same either way). */
	scheduler: Scheduler;
	plan: ExamPlanRow | null;
	/** Study day of the exam while it is ahead; null without a plan or once it has come. */
	examDay: number | null;
	cards: CardRow[];
	notes: Map<string, NoteRow>;
	/** Note ids the exam covers (all notes without a plan or without tags). */
	inScopeNotes: Set<string>;
	/** Cards answered Again today. */
	failedToday: Set<string>;
	today: NonNullable<SimulationInput['today']>;
	/** Every tag of the deck, most used first. */
	tags: string[];
}

export async function loadDeckStudyState(
	db: KartkaDB,
	deckId: string,
	nowMs: number,
	/** The deck's settings and scheduler when the caller has them already (read and built once). */
	known?: Pick<DeckStudyState, 'settings' | 'scheduler'>
): Promise<DeckStudyState> {
	const settings = known?.settings ?? (await settingsForDeck(db, deckId));
	const studyDay = studyDayOf(nowMs, settings.dayCutoffHour);
	const { cards, notes, todaysLogs, plan } = await readDeckStudyState(db, deckId, studyDay);
	const inScopeNotes = new Set(notesInScope(notes, plan?.tags ?? []).map((n) => n.id));
	const reviews = todaysLogs.filter((l) => l.kind === 'review');
	const newLogs = reviews.filter((l) => l.before.state === CardState.New);
	const examDay = plan ? studyDayOfDate(plan.examDate) : null;
	const counts = new Map<string, number>();
	for (const note of notes) for (const tag of note.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
	return {
		deckId,
		nowMs,
		settings,
		scheduler: known?.scheduler ?? schedulerForDeck({ deckSettings: settings, examCap: null }),
		plan: plan ?? null,
		examDay: examDay !== null && examDay > studyDay ? examDay : null,
		cards,
		notes: new Map(notes.map((n) => [n.id, n])),
		inScopeNotes,
		failedToday: failedToday(todaysLogs),
		today: {
			newStudied: newLogs.length,
			newInScopeStudied: newLogs.filter((l) => inScopeNotes.has(l.noteId)).length,
			reviewsDone: reviews.filter((l) => l.before.state === CardState.Review).length,
			notesStudied: new Set(reviews.map((l) => l.noteId))
		},
		tags: [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([t]) => t)
	};
}

/** When predicted recall matters: the exam morning while the exam is ahead, else now. */
export function recallMomentMs(state: DeckStudyState): number {
	return state.examDay === null
		? state.nowMs
		: examMorningMs({ examDay: state.examDay, dayCutoffHour: state.settings.dayCutoffHour });
}

export function simCards(state: DeckStudyState): SimCard[] {
	return state.cards.map((c) => ({ ...c, inScope: state.inScopeNotes.has(c.noteId) }));
}
