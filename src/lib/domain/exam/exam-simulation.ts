/**
 * Day-by-day simulation of studying under an exam plan, with the real queue (StudyQueue), the real
 * quota and the exam-capped scheduler: the plan's forecast runs it with a student who always answers
 * "Good"; tests run it with a student who recalls with FSRS-predicted probability. Pure.
 */
import type { Scheduler } from '../fsrs-adapter';
import { Queue, queueForState, type CardRow } from '../model';
import { CardState, type Rating } from '../schedule';
import type { SchedulerSettings } from '../scheduler-settings';
import { startOfStudyDay, studyDayOf } from '../study-day';
import { StudyQueue } from '../study-queue';
import { dailyNewQuota, dateOfStudyDay, type PlanDay } from './exam-plan';

/** A card in the simulation: a CardRow plus whether the exam covers it. */
export type SimCard = CardRow & { inScope: boolean };

export type Student = (card: SimCard, nowMs: number) => Rating;

export interface SimulationInput {
	nowMs: number;
	examDay: number;
	lastIntroDay: number;
	settings: SchedulerSettings;
	/** The exam-capped scheduler (see exam-scheduler.ts). */
	scheduler: Scheduler;
	cards: readonly SimCard[];
	student: Student;
	/** Already done today before `nowMs` (from today's logs). */
	today?: {
		newStudied: number;
		newInScopeStudied: number;
		reviewsDone: number;
		notesStudied: ReadonlySet<string>;
	};
	/** Local hour at which the student studies on the days after today. */
	studyHour?: number;
}

export interface SimulationResult {
	days: PlanDay[];
	cards: SimCard[];
}

const HOUR_MS = 3_600_000;
const ANSWER_MS = 8_000;

/** In-scope new cards first (the exam's cards are introduced first), then deck order. */
function freshOrder(a: SimCard, b: SimCard): number {
	return Number(b.inScope) - Number(a.inScope) || a.newPosition - b.newPosition;
}

export function simulateUntilExam(input: SimulationInput): SimulationResult {
	const cutoff = input.settings.dayCutoffHour;
	const cards = new Map(input.cards.map((c) => [c.id, { ...c }]));
	const firstDay = studyDayOf(input.nowMs, cutoff);
	const days: PlanDay[] = [];
	for (let day = firstDay; day < input.examDay; day++) {
		const isToday = day === firstDay;
		const before = isToday ? input.today : undefined;
		let nowMs = isToday
			? input.nowMs
			: startOfStudyDay(day, cutoff) + ((input.studyHour ?? 18) - cutoff) * HOUR_MS;
		const endOfDayMs = startOfStudyDay(day + 1, cutoff);
		const all = [...cards.values()];
		const newInScope = all.filter((c) => c.inScope && c.queue === Queue.New).length;
		const quota = dailyNewQuota({
			today: day,
			examDay: input.examDay,
			lastIntroDay: input.lastIntroDay,
			newAtDayStart: newInScope + (before?.newInScopeStudied ?? 0),
			newLimit: input.settings.newCardsPerDay
		});
		const queue = new StudyQueue({
			nowMs,
			endOfDayMs,
			settings: { ...input.settings, newCardsPerDay: quota },
			learning: all.filter((c) => c.queue === Queue.Learning && c.dueMs < endOfDayMs),
			review: all
				.filter((c) => c.queue === Queue.Review && c.dueMs < endOfDayMs)
				.sort((a, b) => a.dueMs - b.dueMs),
			fresh: all.filter((c) => c.queue === Queue.New).sort(freshOrder),
			newStudiedToday: before?.newStudied ?? 0,
			reviewsDoneToday: before?.reviewsDone ?? 0,
			notesStudiedToday: before?.notesStudied ?? new Set()
		});
		const stats: PlanDay = { day, date: dateOfStudyDay(day), newCards: 0, reviews: 0 };
		const reviewed = new Set<string>();
		for (let guard = 0; guard < 100_000; guard++) {
			let card = queue.next(nowMs) as SimCard | null;
			if (!card) {
				const next = queue.nextLearningDueMs();
				if (next === null || next >= endOfDayMs) break;
				nowMs = Math.max(nowMs, next);
				continue;
			}
			card = cards.get(card.id)!;
			if (card.state === CardState.New) stats.newCards++;
			else if (card.state === CardState.Review && !reviewed.has(card.id)) {
				stats.reviews++;
				reviewed.add(card.id);
			}
			const rating = input.student(card, nowMs);
			const { schedule } = input.scheduler.answer(card.id, card, rating, nowMs);
			const updated: SimCard = {
				...card,
				...schedule,
				queue: queueForState(schedule.state),
				rev: card.rev + 1
			};
			cards.set(card.id, updated);
			queue.answered(updated);
			nowMs += ANSWER_MS;
		}
		days.push(stats);
	}
	return { days, cards: [...cards.values()] };
}

/** The best case: every answer right. */
export const alwaysGood: Student = () => 3;

/** FSRS-6's default decay of the forgetting curve (the 21st weight). */
const DEFAULT_DECAY = 0.1542;

/** FSRS's forgetting curve at a fractional number of days (for same-day steps, where study days say 0). */
function recallAfter(elapsedDays: number, stability: number, decay = DEFAULT_DECAY): number {
	if (stability <= 0) return 0;
	const factor = Math.pow(0.9, -1 / decay) - 1;
	return Math.pow(1 + (factor * Math.max(0, elapsedDays)) / stability, -decay);
}

/**
 * A student who recalls a card with the probability FSRS predicts: for review cards the predicted
 * recall on the study day, for same-day (re)learning steps the forgetting curve at the minutes elapsed.
 * FSRS predicts nothing for a card seen for the first time: a first answer is Again 25%, Hard 10%,
 * Good 55%, Easy 10%. A recalled card is Hard 10%, Good 80%, Easy 10%.
 */
export function recallStudent(
	scheduler: Pick<Scheduler, 'retrievability'>,
	random: () => number,
	decay = DEFAULT_DECAY
): Student {
	return (card, nowMs) => {
		if (card.state === CardState.New) {
			const x = random();
			return x < 0.25 ? 1 : x < 0.35 ? 2 : x < 0.9 ? 3 : 4;
		}
		const p =
			card.state === CardState.Review
				? scheduler.retrievability(card, nowMs)
				: recallAfter((nowMs - (card.lastReviewMs ?? nowMs)) / 86_400_000, card.stability, decay);
		if (random() >= p) return 1;
		const y = random();
		return y < 0.1 ? 2 : y < 0.9 ? 3 : 4;
	};
}
