// Exam preparation work done on the main thread when a screen opens: the plan's forecast (simulated
// study until the exam, best case plus realistic runs) for decks of several sizes, and building a
// 20-question test from a deck of 2,000 cards.
import { forecastExamPlan } from '$lib/domain/exam/exam-forecast';
import { dateOfStudyDay } from '$lib/domain/exam/exam-plan';
import type { SimCard } from '$lib/domain/exam/exam-simulation';
import { factsOf } from '$lib/domain/exam/facts';
import { generateTest } from '$lib/domain/exam/test-generator';
import { createScheduler } from '$lib/domain/fsrs-adapter';
import { Queue, type NoteRow } from '$lib/domain/model';
import { CardState, newCardSchedule } from '$lib/domain/schedule';
import { DEFAULT_SCHEDULER_SETTINGS } from '$lib/domain/scheduler-settings';
import { startOfStudyDay, studyDayOf } from '$lib/domain/study-day';

const NOW = new Date(2026, 2, 2, 18, 0).getTime();
const TODAY = studyDayOf(NOW, 4);
const settings = { ...DEFAULT_SCHEDULER_SETTINGS, newCardsPerDay: 200, reviewsPerDay: 5000 };
const scheduler = createScheduler(settings);

/** Half the cards new, half reviewed with stabilities from 1 to 60 days. */
function deck(n: number): SimCard[] {
	return Array.from({ length: n }, (_, i) => {
		const reviewed = i % 2 === 1;
		const stability = 1 + (i % 60);
		const lastReviewMs = startOfStudyDay(TODAY - (i % 20), 4) + 3_600_000;
		return {
			id: `d/n${i}#0`,
			noteId: `d/n${i}`,
			deckId: 'd',
			ord: 0,
			newPosition: i,
			rev: 0,
			inScope: true,
			...newCardSchedule(0),
			...(reviewed
				? {
						state: CardState.Review,
						queue: Queue.Review,
						stability,
						difficulty: 5,
						reps: 3,
						lastReviewMs,
						dueMs: lastReviewMs + stability * 86_400_000
					}
				: { queue: Queue.New })
		} as SimCard;
	});
}

function median(xs: number[]): number {
	return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
}

const forecasts: { cards: number; days: number; ms: number }[] = [];
for (const cards of [150, 1000, 3000]) {
	const rows = deck(cards);
	for (const days of [14, 60]) {
		const times: number[] = [];
		for (let k = 0; k < (cards > 1000 ? 1 : 3); k++) {
			const t = performance.now();
			forecastExamPlan(
				{
					nowMs: NOW,
					plan: {
						deckId: 'd',
						examDate: dateOfStudyDay(TODAY + days),
						tags: [],
						targetRecall: 0.9,
						startDay: TODAY,
						updatedMs: NOW
					},
					settings,
					baseScheduler: scheduler,
					cards: rows,
					today: { newStudied: 0, newInScopeStudied: 0, reviewsDone: 0, notesStudied: new Set() }
				},
				(d) => d
			);
			times.push(performance.now() - t);
		}
		forecasts.push({ cards, days, ms: median(times) });
	}
}

const notes = new Map<string, NoteRow>();
const kinds = ['date', 'figure', 'actor', 'cause', 'event'];
const cards = Array.from({ length: 2000 }, (_, i) => {
	const tag = kinds[i % 5]!;
	const back =
		tag === 'date'
			? `${1900 + (i % 120)}`
			: tag === 'figure'
				? `${(i % 97) + 0.5}%`
				: `Answer number ${i} about ${tag}s`;
	notes.set(`d/n${i}`, {
		id: `d/n${i}`,
		deckId: 'd',
		key: `n${i}`,
		kind: 'basic',
		fields: { front: `Question ${i}?`, back },
		tags: [tag],
		position: i,
		updatedMs: 0
	});
	return { id: `d/n${i}#0`, noteId: `d/n${i}`, ord: 0 };
});
const facts = factsOf(cards, notes);
const testTimes: number[] = [];
for (let k = 0; k < 5; k++) {
	const t = performance.now();
	generateTest(facts, facts, { seed: `bench-${k}`, count: 20 });
	testTimes.push(performance.now() - t);
}

Object.assign(window, { __benchResult: { forecasts, testP50: median(testTimes) }, __benchDone: true });
