import { describe, expect, it } from 'vitest';
import type { ReviewLogRow } from '$lib/domain/model';
import { CardState } from '$lib/domain/schedule';
import { todaysWork } from '$lib/domain/todays-work';

function log(noteId: string, state: CardState, kind: ReviewLogRow['kind'] = 'review'): ReviewLogRow {
	return { noteId, kind, before: { state } } as ReviewLogRow;
}

describe('todaysWork', () => {
	it('counts new cards and reviews answered today, and their notes; practice does not count', () => {
		const work = todaysWork([
			log('a', CardState.New),
			log('a', CardState.New),
			log('b', CardState.Review),
			log('c', CardState.Learning),
			log('d', CardState.Review, 'practice'),
			log('e', CardState.New, 'practice')
		]);
		expect(work.newStudied).toBe(2);
		expect(work.reviewsDone).toBe(1);
		expect([...work.notesStudied].sort()).toEqual(['a', 'b', 'c']);
		expect(work.newCardNotes).toEqual(['a', 'a']);
	});

	it('is all zero for a day without answers', () => {
		expect(todaysWork([])).toEqual({
			newStudied: 0,
			reviewsDone: 0,
			notesStudied: new Set(),
			newCardNotes: []
		});
	});
});
