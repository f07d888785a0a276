// Bulk actions as pure plans: each one's rows, and its undo bringing back exactly what was there.
import { describe, expect, it } from 'vitest';
import { Queue, type CardRow, type NoteRow, type ReviewLogRow } from '$lib/domain/model';
import { CardState } from '$lib/domain/schedule';
import { startOfStudyDay, studyDayOf } from '$lib/domain/study-day';
import {
	parseDueDays,
	planBury,
	planDelete,
	planForget,
	planMove,
	planSetDue,
	planSuspend,
	planTags,
	planUnsuspend,
	type BulkPlan,
	type BulkWrite
} from '$lib/domain/browse/bulk-actions';
import { suspendCard } from '$lib/domain/cards/suspension';
import { makeCard, makeNote } from '../../helpers/cards';

const NOW = new Date(2026, 2, 10, 12).getTime();
const ctx = { nowMs: NOW, dayCutoffHour: 4 };
const review = (id: string, over: Partial<CardRow> = {}) =>
	makeCard({
		id,
		state: CardState.Review,
		queue: Queue.Review,
		stability: 10,
		reps: 5,
		lapses: 1,
		dueMs: NOW,
		rev: 2,
		lastReviewMs: NOW - 1e9,
		...over
	});

function collection() {
	const notes = [
		makeNote('d', 'a', 0, { kind: 'reversible', tags: ['x'] }),
		makeNote('d', 'b', 1),
		makeNote('d', 'c', 2)
	];
	const cards = [
		review('d/a#0'),
		review('d/a#1', { ord: 1 }),
		makeCard({ id: 'd/b#0' }),
		suspendCard(review('d/c#0'), 'content')
	];
	const logs: ReviewLogRow[] = cards.map((c, i) => ({
		id: i + 1,
		cardId: c.id,
		noteId: c.noteId,
		deckId: 'd',
		rating: 3,
		kind: 'review',
		reviewedMs: NOW - 1e9,
		studyDay: 1,
		durationMs: 1000,
		before: c,
		after: c,
		afterRev: c.rev
	}));
	return { notes, cards, logs };
}

type Db = { cards: Map<string, CardRow>; notes: Map<string, NoteRow>; logs: Map<number, ReviewLogRow> };
const toDb = (c: ReturnType<typeof collection>): Db => ({
	cards: new Map(c.cards.map((r) => [r.id, r])),
	notes: new Map(c.notes.map((r) => [r.id, r])),
	logs: new Map(c.logs.map((r) => [r.id!, r]))
});
let nextId = 100;
function write(db: Db, w: BulkWrite): number[] {
	w.cardDeletes.forEach((id) => db.cards.delete(id));
	w.noteDeletes.forEach((id) => db.notes.delete(id));
	w.logDeletes.forEach((id) => db.logs.delete(id));
	w.cardPuts.forEach((r) => db.cards.set(r.id, r));
	w.notePuts.forEach((r) => db.notes.set(r.id, r));
	return w.logPuts.map((r) => {
		const id = r.id ?? nextId++;
		db.logs.set(id, { ...r, id });
		return id;
	});
}
/** Applies a plan then its undo (as the repo does) and checks the collection is back as it was. */
function roundTrip(plan: BulkPlan) {
	const original = toDb(collection());
	const db = toDb(collection());
	const added = write(db, plan.write).filter((id) => !original.logs.has(id));
	const afterAction = structuredClone(db);
	write(db, { ...plan.undo, logDeletes: [...plan.undo.logDeletes, ...added] });
	expect(db).toEqual(original);
	return afterAction;
}

describe('bulk actions and their undo', () => {
	const { cards, notes, logs } = collection();

	it('Suspend: the user reason, also over an automatic one; undo restores', () => {
		const plan = planSuspend(cards);
		const after = roundTrip(plan);
		expect(
			[...after.cards.values()].every((c) => c.queue === Queue.Suspended && c.suspendedReason === 'user')
		).toBe(true);
		expect(plan.done).toBe('Suspended 4 cards');
	});

	it('Unsuspend: back to the queue of its state; a card whose text was removed stays, with a reason', () => {
		const suspended = planSuspend(cards.slice(0, 3)).write.cardPuts;
		const plan = planUnsuspend([...suspended, cards[3]!]);
		expect(plan.write.cardPuts.map((c) => c.queue)).toEqual([Queue.Review, Queue.Review, Queue.New]);
		expect(plan.skipped).toMatch(/1 card stay suspended: their text was removed/);
		expect(plan.undo.cardPuts).toEqual(suspended);
	});

	it('Bury: until the next study day; undo restores', () => {
		const plan = planBury(cards, ctx);
		const after = roundTrip(plan);
		const tomorrow = startOfStudyDay(studyDayOf(NOW, 4) + 1, 4);
		expect(after.cards.get('d/a#0')!.buriedUntilMs).toBe(tomorrow);
		expect(after.cards.get('d/c#0')!.buriedUntilMs).toBeUndefined(); // suspended cards are not buried
	});

	it('Forget: new again, logs kept plus one manual log each; undo removes the manual logs', () => {
		const plan = planForget(cards, ctx);
		const after = roundTrip(plan);
		expect(after.cards.get('d/a#0')).toMatchObject({
			state: CardState.New,
			queue: Queue.New,
			reps: 0,
			lapses: 0,
			stability: 0,
			rev: 3
		});
		expect(after.cards.get('d/c#0')).toMatchObject({ state: CardState.New, queue: Queue.Suspended });
		expect(after.logs.size).toBe(logs.length + 3);
		expect(plan.write.logPuts[0]).toMatchObject({
			kind: 'manual',
			before: { state: CardState.Review },
			after: { state: CardState.New }
		});
		expect(plan.skipped).toBe('1 card already new.');
	});

	it('Set due date: a study day ahead, or spread over a range; new cards keep their place', () => {
		const plan = planSetDue(cards, '3', ctx);
		const after = roundTrip(plan);
		expect(after.cards.get('d/a#0')!.dueMs).toBe(startOfStudyDay(studyDayOf(NOW, 4) + 3, 4));
		expect(after.cards.get('d/b#0')!.dueMs).toBe(cards[2]!.dueMs);
		const spread = planSetDue(cards, '1-7', ctx).write.cardPuts.map(
			(c) => studyDayOf(c.dueMs, 4) - studyDayOf(NOW, 4)
		);
		expect(spread.every((d) => d >= 1 && d <= 7)).toBe(true);
		expect(planSetDue(cards, '1-7', ctx).write.cardPuts).toEqual(
			planSetDue(cards, '1-7', ctx).write.cardPuts
		);
	});

	it.each([
		['soon', /is not a number of days/],
		['7-3', /runs backwards/],
		['99999', /At most 36500 days/]
	])('Set due date refuses "%s"', (text, message) => {
		const r = parseDueDays(text);
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.message).toMatch(message);
		expect(() => planSetDue(cards, text, ctx)).toThrow(message);
	});

	it('Move to deck: whole notes with all their cards; undo moves them back', () => {
		const plan = planMove(notes.slice(0, 1), cards, 'e', ctx);
		const after = roundTrip(plan);
		expect(after.notes.get('d/a')!.deckId).toBe('e');
		expect([after.cards.get('d/a#0')!.deckId, after.cards.get('d/a#1')!.deckId]).toEqual(['e', 'e']);
		expect(plan.done).toBe('Moved 1 note (2 cards)');
	});

	it('Add tags and Remove tags (case-insensitive, no duplicates); undo restores', () => {
		const add = planTags(notes, 'X exam, exam', 'add', ctx);
		const after = roundTrip(add);
		expect(after.notes.get('d/a')!.tags).toEqual(['x', 'exam']);
		expect(after.notes.get('d/b')!.tags).toEqual(['X', 'exam']);
		const remove = planTags(notes, 'x', 'remove', ctx);
		expect(roundTrip(remove).notes.get('d/a')!.tags).toEqual([]);
		expect(() => planTags(notes, '  ', 'add', ctx)).toThrow('Write at least one tag.');
	});

	it('Delete: cards, their logs, and notes left empty; undo brings all back with the history', () => {
		const plan = planDelete([cards[0]!, cards[2]!], notes.slice(0, 2), cards, logs);
		const after = roundTrip(plan);
		expect([...after.cards.keys()]).toEqual(['d/a#1', 'd/c#0']);
		expect([...after.notes.keys()]).toEqual(['d/a', 'd/c']); // d/a keeps its reverse card
		expect([...after.logs.keys()]).toEqual([2, 4]);
	});
});
