// Edit rules: schedules survive edits; removed content suspends its card with a reason and brings it back
// with its history when the content returns; reversible -> basic -> reversible.
import { describe, expect, it } from 'vitest';
import { Queue, type CardRow, type NoteRow } from '$lib/domain/model';
import { CardState } from '$lib/domain/schedule';
import { editNote, noteProblems } from '$lib/domain/notes/note-edit';
import { suspendCard, suspensionLabel, suspensionReason } from '$lib/domain/cards/suspension';
import { KartkaError } from '$lib/domain/errors';
import { makeCard, makeNote } from '../../helpers/cards';

const NOW = 5_000_000;
const studied = (id: string, ord: number): CardRow =>
	makeCard({
		id,
		ord,
		state: CardState.Review,
		queue: Queue.Review,
		stability: 9,
		reps: 4,
		lapses: 1,
		dueMs: 77,
		rev: 3
	});

/** Applies the rule and returns the note and every card after the write. */
function apply(note: NoteRow, cards: CardRow[], edit: Partial<NoteRow>, fromDeckFile = true) {
	const result = editNote(note, { ...note, ...edit }, cards, NOW, fromDeckFile);
	const byId = new Map(cards.map((c) => [c.id, c]));
	for (const c of result.cardPuts) byId.set(c.id, c);
	return { ...result, cards: [...byId.values()].sort((a, b) => a.ord - b.ord) };
}

describe('editing a cloze note', () => {
	const note = makeNote('d', 'z', 0, { kind: 'cloze', fields: { text: '{{c1::Minsk}} and {{c2::Moscow}}' } });
	const cards = [studied('d/z#1', 1), studied('d/z#2', 2)];

	it('keeps the schedule of every card whose cloze still exists', () => {
		const r = apply(note, cards, { fields: { text: 'Capital {{c1::Minsk}} and {{c2::Moscow}}!' } });
		expect(r.cardPuts).toEqual([]);
		expect(r.note.fields.text).toBe('Capital {{c1::Minsk}} and {{c2::Moscow}}!');
	});

	it('suspends the card of a removed cloze with reason "content", then restores it with its history', () => {
		const removed = apply(note, cards, { fields: { text: '{{c1::Minsk}} and Moscow' } });
		const c2 = removed.cards.find((c) => c.ord === 2)!;
		expect(c2).toMatchObject({
			queue: Queue.Suspended,
			suspendedReason: 'content',
			stability: 9,
			reps: 4,
			lapses: 1
		});
		expect(suspensionLabel(suspensionReason(c2)!)).toBe('Suspended because its text was removed');
		expect(removed.suspended).toBe(1);

		const back = apply(removed.note, removed.cards, { fields: { text: '{{c1::Minsk}} and {{c2::Moscow}}' } });
		const restored = back.cards.find((c) => c.ord === 2)!;
		expect(restored.queue).toBe(Queue.Review);
		expect(restored.suspendedReason).toBeUndefined();
		expect(restored).toMatchObject({ stability: 9, reps: 4, lapses: 1, dueMs: 77 });
		expect(restored.rev).toBe(5); // suspended (4), restored (5): a stale answer is refused
		expect(back.restored).toBe(1);
	});

	it('does not bring back a card the user suspended', () => {
		const userSuspended = [cards[0]!, suspendCard(cards[1]!, 'user')];
		const removed = apply(note, userSuspended, { fields: { text: '{{c1::Minsk}}' } });
		const back = apply(removed.note, removed.cards, { fields: { text: '{{c1::Minsk}} {{c2::Moscow}}' } });
		expect(back.cards[1]).toMatchObject({ queue: Queue.Suspended, suspendedReason: 'user' });
	});

	it('adds a new card for a new cloze number', () => {
		const r = apply(note, cards, { fields: { text: '{{c1::Minsk}} {{c2::Moscow}} {{c3::Kyiv}}' } });
		expect(r.added).toBe(1);
		expect(r.cards[2]).toMatchObject({ id: 'd/z#3', queue: Queue.New, reps: 0 });
	});
});

describe('reversible -> basic -> reversible', () => {
	const note = makeNote('d', 'r', 2, { kind: 'reversible' });
	const cards = [studied('d/r#0', 0), studied('d/r#1', 1)];

	it('suspends the reverse card, then brings it back with its history', () => {
		const basic = apply(note, cards, { kind: 'basic' });
		expect(basic.cards[0]!.queue).toBe(Queue.Review);
		expect(basic.cards[1]).toMatchObject({ queue: Queue.Suspended, suspendedReason: 'content' });
		const again = apply(basic.note, basic.cards, { kind: 'reversible' });
		expect(again.cards[1]).toMatchObject({ queue: Queue.Review, stability: 9, reps: 4 });
		expect(again.cards.every((c) => c.suspendedReason === undefined)).toBe(true);
	});
});

describe('the user-edit marker', () => {
	const note = makeNote('d', 'b', 0);
	it('records the deck original on an edit of a deck note', () => {
		const r = apply(note, [], { fields: { front: 'Fixed typo', back: 'A b' } });
		expect(r.note.userEdit).toEqual({
			editedMs: NOW,
			original: { kind: 'basic', fields: { front: 'Q b', back: 'A b' }, tags: [] }
		});
		const again = apply(r.note, [], { fields: { front: 'Fixed twice', back: 'A b' } });
		expect(again.note.userEdit?.original.fields.front).toBe('Q b');
	});
	it("drops the marker when the edit returns to the deck text, and never marks the user's own notes", () => {
		const r = apply(note, [], { fields: { front: 'X', back: 'A b' } });
		expect(apply(r.note, [], { fields: { front: 'Q b', back: 'A b' } }).note.userEdit).toBeUndefined();
		expect(apply(note, [], { fields: { front: 'X', back: 'A b' } }, false).note.userEdit).toBeUndefined();
	});
});

describe('invalid edits are refused with a message and no rows', () => {
	it.each([
		[{ kind: 'cloze', fields: { text: 'no cloze here' } }, /has no cloze/],
		[{ kind: 'cloze', fields: { text: '' } }, /"Text" is empty/],
		[{ kind: 'basic', fields: { front: '<p> </p>', back: 'x' } }, /"Front" is empty/],
		[{ kind: 'basic', fields: { front: 'x', back: '' } }, /"Back" is empty/],
		[{ kind: 'basic', fields: { front: '{{c1::x}}', back: 'y' } }, /only works in a cloze note/]
	] as const)('%j', (content, message) => {
		expect(noteProblems({ tags: [], ...content, fields: { ...content.fields } }).join(' ')).toMatch(message);
	});

	it('refuses to turn a basic note into a cloze note', () => {
		const note = makeNote('d', 'b', 0);
		expect(() =>
			editNote(note, { ...note, kind: 'cloze', fields: { text: '{{c1::x}}' } }, [], NOW, true)
		).toThrow(KartkaError);
	});
});
