import { describe, expect, it } from 'vitest';
import type { ReviewLogRow } from '$lib/domain/model';
import { CardState, newCardSchedule, type CardSchedule, type Rating } from '$lib/domain/schedule';
import { answersPerDay, minutesPerDay, retentionByTag, trueRetention } from '$lib/domain/stats/review-stats';

const TODAY = 20_000;

function sched(state: CardState): CardSchedule {
	return { ...newCardSchedule(0), state };
}

let nextId = 1;
function log(day: number, rating: Rating, state: CardState, extra: Partial<ReviewLogRow> = {}): ReviewLogRow {
	return {
		id: nextId++,
		cardId: extra.cardId ?? 'c1',
		noteId: extra.noteId ?? 'n1',
		deckId: 'd',
		rating,
		kind: 'review',
		reviewedMs: day * 86_400_000,
		studyDay: day,
		durationMs: 30_000,
		before: sched(state),
		after: sched(CardState.Review),
		afterRev: 1,
		...extra
	};
}

// Hand-checked fixture: 10 logs over the last 400 days.
const R = CardState.Review;
const LOGS: ReviewLogRow[] = [
	log(TODAY, 3, R), // review pass, today
	log(TODAY, 1, R), // review fail, today
	log(TODAY, 3, CardState.Learning), // learning step: not a retention sample
	log(TODAY - 3, 4, R, { noteId: 'n2' }), // pass, 3 days ago
	log(TODAY - 6, 1, R, { noteId: 'n2' }), // fail, 6 days ago (last day of the 7-day window)
	log(TODAY - 7, 3, R), // pass, 7 days ago: outside 7, inside 30
	log(TODAY - 20, 2, R, { kind: 'practice' }), // practice: counted as an answer, not for retention
	log(TODAY - 29, 3, R, { durationMs: 90_000 }), // pass, first day of the 30-day window
	log(TODAY - 200, 1, R, { noteId: 'n3' }), // fail, inside 365
	log(TODAY - 400, 3, R) // too old for any window
];

describe('review statistics from fixed logs (hand-checked)', () => {
	it('counts answers per study day, zeros included, manual changes excluded', () => {
		const manual = log(TODAY, 3, R, { kind: 'manual' });
		const days = answersPerDay([...LOGS, manual], TODAY, 30);
		expect(days).toHaveLength(30);
		expect(days[0]).toEqual({ day: TODAY - 29, count: 1 });
		expect(days[29]).toEqual({ day: TODAY, count: 3 });
		expect(days.find((d) => d.day === TODAY - 20)!.count).toBe(1);
		expect(days.reduce((n, d) => n + d.count, 0)).toBe(8);
	});

	it('true retention over 7 / 30 / 365 days: review-state answers not "Again"', () => {
		// 7 days (TODAY-6..TODAY): pass, fail, pass, fail -> 2/4
		expect(trueRetention(LOGS, TODAY, 7)).toEqual({ answered: 4, passed: 2, retention: 0.5 });
		// 30 days: + pass at -7, pass at -29 (practice excluded) -> 4/6
		expect(trueRetention(LOGS, TODAY, 30)).toEqual({ answered: 6, passed: 4, retention: 4 / 6 });
		// 365 days: + fail at -200 -> 4/7
		expect(trueRetention(LOGS, TODAY, 365)).toEqual({ answered: 7, passed: 4, retention: 4 / 7 });
		expect(trueRetention([], TODAY, 7).retention).toBeNull();
	});

	it('minutes studied per day', () => {
		const minutes = minutesPerDay(LOGS, TODAY, 30);
		expect(minutes.at(-1)).toEqual({ day: TODAY, minutes: 1.5 });
		expect(minutes[0]).toEqual({ day: TODAY - 29, minutes: 1.5 });
		expect(minutes.find((d) => d.day === TODAY - 1)!.minutes).toBe(0);
	});

	it('retention per tag, a note counting for each of its tags', () => {
		const tags = new Map<string, string[]>([
			['n1', ['history', 'politics']],
			['n2', ['politics']]
		]);
		const byTag = retentionByTag(LOGS, tags);
		// politics: n1 (pass, fail, pass@-7, pass@-29, pass@-400) + n2 (pass, fail) = 7 answers, 5 passed
		expect(byTag[0]).toEqual({ tag: 'politics', answered: 7, passed: 5, retention: 5 / 7 });
		expect(byTag.find((t) => t.tag === 'history')).toEqual({
			tag: 'history',
			answered: 5,
			passed: 4,
			retention: 0.8
		});
		expect(byTag.find((t) => t.tag === '(no tag)')).toEqual({
			tag: '(no tag)',
			answered: 1,
			passed: 0,
			retention: 0
		});
	});
});
