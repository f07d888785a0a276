// Exam priority as pure rules: which new cards go first, how the deck order comes back, when it ends.
import { describe, expect, it } from 'vitest';
import {
	EXAM_PRIORITY_OFFSET,
	examPlanChanges,
	examPriorityEnded,
	withDeckOrder
} from '$lib/domain/exam/exam-priority';
import { notesInScope } from '$lib/domain/exam/exam-scope';
import { dateOfStudyDay, type ExamPlanRow } from '$lib/domain/exam/exam-plan';
import { Queue } from '$lib/domain/model';
import { makeCard, makeNote } from '../helpers/cards';

const notes = [
	makeNote('d', 'a', 0, { tags: ['exam'] }),
	makeNote('d', 'b', 1),
	makeNote('d', 'c', 2, { tags: ['exam'], removed: true })
];
const plan = (tags: string[]): ExamPlanRow => ({
	deckId: 'd',
	examDate: dateOfStudyDay(20_000),
	tags,
	targetRecall: 0.9,
	startDay: 19_990,
	updatedMs: 0
});

describe('notesInScope', () => {
	it('takes tagged notes, or all without tags, never removed ones', () => {
		expect(notesInScope(notes, ['exam']).map((n) => n.key)).toEqual(['a']);
		expect(notesInScope(notes, []).map((n) => n.key)).toEqual(['a', 'b']);
	});
});

describe('examPlanChanges', () => {
	const cards = [
		makeCard({ id: 'd/a#0', newPosition: 0 }),
		makeCard({ id: 'd/b#0', newPosition: 1000 }),
		makeCard({ id: 'd/a#1', newPosition: 1, queue: Queue.Review })
	];

	it('moves the exam’s new cards first without bumping rev, and passes the scope on', () => {
		let scope: ReadonlySet<string> = new Set();
		const out = examPlanChanges(cards, notes, plan(['exam']), (_c, inScope) => {
			scope = inScope;
			return [];
		});
		expect(out.prioritized).toBe(1);
		expect(out.puts).toEqual([{ ...cards[0]!, newPosition: -EXAM_PRIORITY_OFFSET }]);
		expect([...scope]).toEqual(['d/a']);
	});

	it('gives back the deck order when the tags no longer cover a card, and keeps its order for moved cards', () => {
		const stored = [{ ...cards[0]!, newPosition: -EXAM_PRIORITY_OFFSET }, cards[1]!];
		const moved = { ...cards[1]!, dueMs: 5, rev: 1 };
		const out = examPlanChanges(stored, notes, plan([]), (given) => {
			expect(given.map((c) => c.newPosition)).toEqual([0, 1000]);
			return [moved];
		});
		expect(out).toEqual({ puts: [cards[0], moved], prioritized: 0, moved: 1 });
	});
});

it('withDeckOrder undoes the offset and leaves other cards alone', () => {
	const card = makeCard({ id: 'd/a#0', newPosition: 7 });
	expect(withDeckOrder({ ...card, newPosition: 7 - EXAM_PRIORITY_OFFSET })).toEqual(card);
	expect(withDeckOrder(card)).toBe(card);
});

it('examPriorityEnded once the exam day has come', () => {
	expect(examPriorityEnded(plan([]), 19_999)).toBe(false);
	expect(examPriorityEnded(plan([]), 20_000)).toBe(true);
	expect(examPriorityEnded({ ...plan([]), examDate: 'soon' }, 0)).toBe(true);
});
