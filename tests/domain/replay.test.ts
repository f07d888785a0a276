// The one history replayer: imported answers become a schedule and logs; a card's own logs give back
// its schedule, the same one the answers made.
import { describe, expect, it } from 'vitest';
import { answerOutcome } from '$lib/domain/answer';
import { cardId, noteIdOfCard, parseCardId } from '$lib/domain/card-id';
import { createScheduler } from '$lib/domain/fsrs-adapter';
import type { CardRow, ReviewLogRow } from '$lib/domain/model';
import { replayCard, replayHistory, replaySchedule, scheduleChanged } from '$lib/domain/replay';
import { CardState, newCardSchedule, pickSchedule, Rating } from '$lib/domain/schedule';
import { DEFAULT_SCHEDULER_SETTINGS } from '$lib/domain/scheduler-settings';
import { makeCard } from '../helpers/cards';

const NOW = new Date(2026, 4, 4, 10, 0).getTime();
const DAY = 86_400_000;
const scheduler = createScheduler({ ...DEFAULT_SCHEDULER_SETTINGS, fuzz: false });
const answers = [
	{ reviewedMs: NOW + 3 * DAY, rating: Rating.Good, durationMs: 4000 },
	{ reviewedMs: NOW, rating: Rating.Again, durationMs: 20 * 60_000 },
	{ reviewedMs: NOW + 10 * 60_000, rating: Rating.Good, durationMs: 3000 }
];

/** Answers the card live, as the study screen does, and returns the card and its logs. */
function answerLive(): { card: CardRow; logs: ReviewLogRow[] } {
	let card = makeCard({ id: 'd/n#0', ...newCardSchedule(NOW) });
	const logs: ReviewLogRow[] = [];
	for (const a of [...answers].sort((x, y) => x.reviewedMs - y.reviewedMs)) {
		const out = answerOutcome({
			current: card,
			rating: a.rating,
			nowMs: a.reviewedMs,
			durationMs: a.durationMs,
			scheduler,
			dayCutoffHour: 4
		});
		card = out.card;
		logs.push({ ...out.log, id: logs.length + 1 });
	}
	return { card, logs };
}

describe('replayCard', () => {
	it('replays answers in time order into the schedule live answering gives', () => {
		const live = answerLive();
		const replayed = replayCard(scheduler, { cardId: 'd/n#0', noteId: 'd/n', deckId: 'd' }, answers, 4);
		expect(replayed.schedule).toEqual(pickSchedule(live.card));
		expect(replayed.logs.map((l) => l.rating)).toEqual([Rating.Again, Rating.Good, Rating.Good]);
		expect(replayed.logs.map((l) => l.afterRev)).toEqual([1, 2, 3]);
		expect(replayed.logs[0]!.durationMs).toBe(10 * 60_000);
		expect(replayed.logs.at(-1)!.after).toEqual(replayed.schedule);
	});

	it('leaves a card without answers new', () => {
		const replayed = replayCard(scheduler, { cardId: 'd/n#0', noteId: 'd/n', deckId: 'd' }, [], 4);
		expect(replayed.schedule).toEqual(newCardSchedule(0));
		expect(replayed.logs).toEqual([]);
	});
});

describe('replaySchedule', () => {
	it("gives back a card's schedule from its own logs, skipping practice", () => {
		const { card, logs } = answerLive();
		const practice = { ...logs[0]!, id: 99, kind: 'practice' as const, rating: Rating.Again };
		const out = replaySchedule(scheduler, card.id, card, [...logs, practice]);
		expect(out).toEqual(pickSchedule(card));
		expect(scheduleChanged(out!, pickSchedule(card))).toBe(false);
	});

	it('moves the schedule under other settings', () => {
		const { card, logs } = answerLive();
		const strict = createScheduler({ ...DEFAULT_SCHEDULER_SETTINGS, fuzz: false, desiredRetention: 0.97 });
		const out = replaySchedule(strict, card.id, card, logs)!;
		expect(out.state).toBe(card.state);
		expect(scheduleChanged(out, pickSchedule(card))).toBe(true);
	});

	it('refuses a history that does not start from a new card', () => {
		const { card, logs } = answerLive();
		expect(replaySchedule(scheduler, card.id, card, logs.slice(1))).toBeNull();
		expect(replaySchedule(scheduler, card.id, card, [])).toBeNull();
	});

	it('applies manual changes as recorded', () => {
		const start = newCardSchedule(NOW);
		const set = { ...start, state: CardState.Review, dueMs: NOW + 9 * DAY, stability: 9 };
		const steps = replayHistory(scheduler, 'd/n#0', start, [
			{ rating: Rating.Good, reviewedMs: NOW, kind: 'manual', after: set }
		]);
		expect(steps).toEqual([{ before: start, after: set }]);
	});
});

describe('card ids', () => {
	it('are built and read in one place, splitting at the last #', () => {
		expect(cardId('d/n', 2)).toBe('d/n#2');
		expect(parseCardId('d/x#y#12')).toEqual({ noteId: 'd/x#y', ord: 12 });
		expect(noteIdOfCard(cardId('a#b', 0))).toBe('a#b');
	});
});
