// The answer rules without a database: what an answer, an undo and a practice answer make.
import { describe, expect, it } from 'vitest';
import {
	answerOutcome,
	buildReviewLog,
	canUndo,
	failedToday,
	practiceLog,
	undoOutcome
} from '$lib/domain/answer';
import { createScheduler } from '$lib/domain/fsrs-adapter';
import { Queue } from '$lib/domain/model';
import { CardState, pickSchedule, Rating } from '$lib/domain/schedule';
import { DEFAULT_SCHEDULER_SETTINGS } from '$lib/domain/scheduler-settings';
import { studyDayOf } from '$lib/domain/study-day';
import { makeCard } from '../helpers/cards';

const NOW = new Date(2026, 4, 4, 10, 0).getTime();
const scheduler = createScheduler({ ...DEFAULT_SCHEDULER_SETTINGS, fuzz: false });

describe('answerOutcome', () => {
	it('moves the card on, bumps rev, and logs before and after', () => {
		const current = makeCard({ id: 'd/n#0', rev: 3 });
		const { card, log } = answerOutcome({
			current,
			rating: Rating.Good,
			nowMs: NOW,
			durationMs: 1234.4,
			scheduler,
			dayCutoffHour: 4
		});
		expect(card.rev).toBe(4);
		expect(card.state).toBe(CardState.Learning);
		expect(card.queue).toBe(Queue.Learning);
		expect(card.dueMs).toBeGreaterThan(NOW);
		expect(log).toEqual({
			cardId: 'd/n#0',
			noteId: 'd/n',
			deckId: 'd',
			rating: Rating.Good,
			kind: 'review',
			reviewedMs: NOW,
			studyDay: studyDayOf(NOW, 4),
			durationMs: 1234,
			before: pickSchedule(current),
			after: pickSchedule(card),
			afterRev: 4
		});
	});

	it('keeps the given kind and never logs a negative duration', () => {
		const { log } = answerOutcome({
			current: makeCard({ id: 'd/n#0' }),
			rating: Rating.Again,
			nowMs: NOW,
			durationMs: -5,
			scheduler,
			dayCutoffHour: 4,
			kind: 'manual'
		});
		expect(log.kind).toBe('manual');
		expect(log.durationMs).toBe(0);
	});
});

describe('undo', () => {
	it('restores the schedule before the answer, as a new rev', () => {
		const current = makeCard({ id: 'd/n#0', rev: 1 });
		const answered = answerOutcome({
			current,
			rating: Rating.Easy,
			nowMs: NOW,
			durationMs: 0,
			scheduler,
			dayCutoffHour: 4
		});
		expect(canUndo(answered.card, answered.log)).toBe(true);
		const undone = undoOutcome(answered.card, answered.log);
		expect(pickSchedule(undone)).toEqual(pickSchedule(current));
		expect(undone.queue).toBe(Queue.New);
		expect(undone.rev).toBe(3);
	});

	it('keeps a card suspended since the answer (a suspension from another device) suspended', () => {
		const current = makeCard({ id: 'd/n#0', rev: 2 });
		const answered = answerOutcome({
			current,
			rating: Rating.Good,
			nowMs: NOW,
			durationMs: 0,
			scheduler,
			dayCutoffHour: 4
		});
		const suspended = { ...answered.card, queue: Queue.Suspended, suspendedReason: 'user' as const };
		const undone = undoOutcome(suspended, answered.log);
		expect(pickSchedule(undone)).toEqual(pickSchedule(current));
		expect(undone).toMatchObject({ queue: Queue.Suspended, suspendedReason: 'user' });
	});

	it('is refused once the card moved on or is gone', () => {
		const { card, log } = answerOutcome({
			current: makeCard({ id: 'd/n#0' }),
			rating: Rating.Good,
			nowMs: NOW,
			durationMs: 0,
			scheduler,
			dayCutoffHour: 4
		});
		expect(canUndo({ ...card, rev: card.rev + 1 }, log)).toBe(false);
		expect(canUndo(undefined, log)).toBe(false);
	});
});

describe('practiceLog', () => {
	it('records the answer and leaves the schedule as it was', () => {
		const card = makeCard({ id: 'd/n#1', rev: 7, state: CardState.Review, queue: Queue.Review });
		const log = practiceLog(card, { rating: Rating.Hard, nowMs: NOW, durationMs: 10, dayCutoffHour: 4 });
		expect(log.kind).toBe('practice');
		expect(log.before).toEqual(pickSchedule(card));
		expect(log.after).toEqual(log.before);
		expect(log.afterRev).toBe(7);
	});
});

describe('buildReviewLog', () => {
	it('caps the duration when asked to', () => {
		const card = makeCard({ id: 'd/n#0' });
		const s = pickSchedule(card);
		const log = buildReviewLog({
			card,
			rating: Rating.Good,
			kind: 'review',
			reviewedMs: NOW,
			dayCutoffHour: 0,
			durationMs: 90_000,
			maxDurationMs: 60_000,
			before: s,
			after: s,
			afterRev: 1
		});
		expect(log.durationMs).toBe(60_000);
		expect(log.studyDay).toBe(studyDayOf(NOW, 0));
	});
});

it('failedToday lists cards answered Again', () => {
	const card = makeCard({ id: 'd/a#0' });
	const again = practiceLog(card, { rating: Rating.Again, nowMs: NOW, durationMs: 0, dayCutoffHour: 4 });
	const good = practiceLog(makeCard({ id: 'd/b#0' }), {
		rating: Rating.Good,
		nowMs: NOW,
		durationMs: 0,
		dayCutoffHour: 4
	});
	expect([...failedToday([again, good])]).toEqual(['d/a#0']);
});

it('failedToday ignores manual logs (Forget, Set due date record rating 1 but are not answers)', () => {
	const card = makeCard({ id: 'd/m#0' });
	const manual = {
		...practiceLog(card, { rating: Rating.Again, nowMs: NOW, durationMs: 0, dayCutoffHour: 4 }),
		kind: 'manual' as const
	};
	expect([...failedToday([manual])]).toEqual([]);
});
