/**
 * What the exam screens (plan, readiness, practice, tests) know about one deck: its cards and notes,
 * today's answers, the exam plan, the settings and the plain FSRS scheduler, derived from rows read in
 * one transaction (services/exam/deck-study-state.service.ts). Pure.
 */
import { failedToday } from '../answer';
import type { Scheduler } from '../fsrs-adapter';
import type { CardRow, NoteRow, ReviewLogRow } from '../model';
import { CardState } from '../schedule';
import type { SchedulerSettings } from '../scheduler-settings';
import { studyDayOf } from '../study-day';
import { selectCards, type CardFilter } from './card-filter';
import { studyDayOfDate, type ExamPlanRow } from './exam-plan';
import { notesInScope } from './exam-scope';
import { examMorningMs } from './exam-scheduler';
import type { SimCard, SimulationInput } from './exam-simulation';

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

export interface DeckStudyRows {
	deckId: string;
	nowMs: number;
	settings: SchedulerSettings;
	scheduler: Scheduler;
	cards: CardRow[];
	notes: NoteRow[];
	/** The deck's logs of today's study day. */
	todaysLogs: ReviewLogRow[];
	plan: ExamPlanRow | undefined;
}

export function deckStudyState(rows: DeckStudyRows): DeckStudyState {
	const { deckId, nowMs, settings, cards, notes, todaysLogs, plan } = rows;
	const studyDay = studyDayOf(nowMs, settings.dayCutoffHour);
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
		scheduler: rows.scheduler,
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

/** The cards a filter chooses in a deck (practice sessions and tests). */
export function chooseCards(state: DeckStudyState, filter: CardFilter): CardRow[] {
	const noteTags = new Map([...state.notes].map(([id, n]) => [id, n.tags]));
	const atMs = recallMomentMs(state);
	return selectCards(state.cards, filter, {
		nowMs: state.nowMs,
		dayCutoffHour: state.settings.dayCutoffHour,
		noteTags,
		failedToday: state.failedToday,
		recall: (card) => state.scheduler.retrievability(card, atMs)
	});
}
