import { describe, expect, it } from 'vitest';
import type { ReviewLogRow } from '$lib/domain/model';
import {
	buildTrainingSet,
	historyOfCard,
	optimizerReadiness,
	packItems
} from '$lib/domain/optimizer/training-items';
import { CardState, newCardSchedule, type CardSchedule, type Rating } from '$lib/domain/schedule';
import { startOfStudyDay, studyDayOf } from '$lib/domain/study-day';

const CUTOFF = 4;
const s = (state: CardState): CardSchedule => ({ ...newCardSchedule(0), state });

function log(
	cardId: string,
	atMs: number,
	rating: Rating,
	before: CardState,
	kind: ReviewLogRow['kind'] = 'review',
	after: CardState = CardState.Review
): ReviewLogRow {
	return {
		cardId,
		noteId: cardId,
		deckId: 'd',
		rating,
		kind,
		reviewedMs: atMs,
		studyDay: studyDayOf(atMs, CUTOFF),
		durationMs: 5000,
		before: s(before),
		after: s(after),
		afterRev: 1
	};
}

const DAY0 = studyDayOf(new Date(2026, 0, 10, 12).getTime(), CUTOFF);
const on = (day: number, hour: number) => startOfStudyDay(DAY0 + day, CUTOFF) + (hour - CUTOFF) * 3_600_000;

describe('training items on the local study day', () => {
	it('measures gaps in local study days: 23:00 and 02:00 next night are the same study day', () => {
		const history = historyOfCard([
			log('a', on(0, 23), 3, CardState.New),
			log('a', on(0, 26), 3, CardState.Learning), // 02:00 the next calendar day, before the 04:00 cutoff
			log('a', on(1, 10), 3, CardState.Review),
			log('a', on(4, 9), 1, CardState.Review)
		]);
		expect(history).toEqual([
			{ rating: 3, deltaDays: 0 },
			{ rating: 3, deltaDays: 0 },
			{ rating: 3, deltaDays: 1 },
			{ rating: 1, deltaDays: 3 }
		]);
	});

	it('leaves practice answers out and starts again after a reset to new', () => {
		const history = historyOfCard([
			log('a', on(0, 10), 3, CardState.New),
			log('a', on(2, 10), 1, CardState.Review, 'practice'),
			log('a', on(5, 10), 3, CardState.Review),
			log('a', on(6, 10), 3, CardState.Review, 'manual', CardState.New), // "forget"
			log('a', on(7, 10), 4, CardState.New),
			log('a', on(9, 10), 3, CardState.Review)
		]);
		expect(history).toEqual([
			{ rating: 4, deltaDays: 0 },
			{ rating: 3, deltaDays: 2 }
		]);
	});

	it('skips cards whose history does not start as new', () => {
		expect(
			historyOfCard([log('a', on(0, 10), 3, CardState.Review), log('a', on(3, 10), 3, CardState.Review)])
		).toEqual([]);
	});

	it('makes one item per answer on a later day, with the same-day steps before it', () => {
		const set = buildTrainingSet([
			log('a', on(0, 10), 3, CardState.New),
			log('a', on(0, 10.2), 3, CardState.Learning),
			log('a', on(2, 10), 3, CardState.Review),
			log('b', on(0, 11), 3, CardState.New),
			log('b', on(3, 11), 1, CardState.Review),
			log('c', on(0, 11), 3, CardState.New) // one answer: no item
		]);
		expect(set.items).toEqual([
			[
				{ rating: 3, deltaDays: 0 },
				{ rating: 3, deltaDays: 0 },
				{ rating: 3, deltaDays: 2 }
			],
			[
				{ rating: 3, deltaDays: 0 },
				{ rating: 1, deltaDays: 3 }
			]
		]);
		expect(set.itemCards).toEqual(['a', 'b']);
		expect(set).toMatchObject({ longTermCount: 2, cardCount: 2, reviewCount: 5 });
		expect(optimizerReadiness(set)).toEqual({ ready: false, have: 2, need: 400 });
		expect(optimizerReadiness(set, 2).ready).toBe(true);

		const packed = packItems(set.items);
		expect([...packed.lengths]).toEqual([3, 2]);
		expect([...packed.ratings]).toEqual([3, 3, 3, 3, 1]);
		expect([...packed.deltaDays]).toEqual([0, 0, 2, 0, 3]);
	});
});
