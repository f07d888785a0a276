// What a new version of a deck puts, suspends, restores and deletes, decided without a database.
import { describe, expect, it } from 'vitest';
import { diffNotes, mergeDeckContent, newCard } from '$lib/domain/deck-merge';
import { Queue, type CardRow } from '$lib/domain/model';
import { CardState } from '$lib/domain/schedule';
import { makeNote } from '../helpers/cards';

const NOW = 1_000;
const a = makeNote('d', 'a', 0);
const b = makeNote('d', 'b', 1);
const studied = (card: CardRow): CardRow => ({
	...card,
	state: CardState.Review,
	queue: Queue.Review,
	rev: 4
});

describe('mergeDeckContent', () => {
	it('adds new notes with new cards in note order', () => {
		const m = mergeDeckContent([], [], [a, b], { nowMs: NOW });
		expect(m.summary).toEqual({ added: 2, updated: 0, removed: 0, unchanged: 0 });
		expect(m.notePuts).toEqual([a, b]);
		expect(m.cardPuts.map((c) => [c.id, c.newPosition, c.queue])).toEqual([
			['d/a#0', 0, Queue.New],
			['d/b#0', 1000, Queue.New]
		]);
	});

	it('writes nothing for an unchanged deck', () => {
		const m = mergeDeckContent([a, b], [newCard(a, 0, 0), newCard(b, 0, 0)], [a, b], { nowMs: NOW });
		expect(m.summary).toEqual({ added: 0, updated: 0, removed: 0, unchanged: 2 });
		expect([...m.notePuts, ...m.cardPuts, ...m.noteDeletes, ...m.cardDeletes]).toEqual([]);
	});

	it('updates text without touching progress', () => {
		const card = studied(newCard(a, 0, 0));
		const edited = { ...a, fields: { front: 'Q a, clearer', back: 'A a' } };
		const m = mergeDeckContent([a], [card], [edited], { nowMs: NOW });
		expect(m.summary.updated).toBe(1);
		expect(m.notePuts).toEqual([edited]);
		expect(m.cardPuts).toEqual([]);
	});

	it('suspends the cards of a note gone from the deck, and restores them when it comes back', () => {
		const card = studied(newCard(b, 0, 0));
		const gone = mergeDeckContent([a, b], [newCard(a, 0, 0), card], [a], { nowMs: NOW });
		expect(gone.summary.removed).toBe(1);
		expect(gone.notePuts).toEqual([{ ...b, removed: true, updatedMs: NOW }]);
		expect(gone.cardPuts).toEqual([{ ...card, queue: Queue.Suspended, rev: 5 }]);

		const back = mergeDeckContent([a, gone.notePuts[0]!], [gone.cardPuts[0]!], [a, b], { nowMs: NOW });
		expect(back.summary.updated).toBe(1);
		expect(back.cardPuts).toEqual([{ ...card, queue: Queue.Review, rev: 6 }]);
	});

	it('deletes notes, cards and their history only when asked', () => {
		const m = mergeDeckContent([a, b], [newCard(a, 0, 0), newCard(b, 0, 0)], [a], {
			nowMs: NOW,
			missing: 'delete'
		});
		expect(m.noteDeletes).toEqual(['d/b']);
		expect(m.cardDeletes).toEqual(['d/b#0']);
		expect(m.notePuts).toEqual([]);
	});

	it("suspends a cloze's card when the cloze leaves the text", () => {
		const cloze = makeNote('d', 'c', 0, { kind: 'cloze', fields: { text: '{{c1::Minsk}} {{c2::1991}}' } });
		const cards = [studied(newCard(cloze, 1, 0)), studied(newCard(cloze, 2, 0))];
		const one = { ...cloze, fields: { text: '{{c1::Minsk}} 1991' } };
		const m = mergeDeckContent([cloze], cards, [one], { nowMs: NOW });
		expect(m.cardPuts).toEqual([{ ...cards[1]!, queue: Queue.Suspended, rev: 5 }]);
	});
});

it('diffNotes reports what the merge would, without cards', () => {
	const edited = { ...a, tags: ['x'] };
	const c = makeNote('d', 'c', 2);
	expect(diffNotes([a, b], [edited, c])).toEqual({ added: 1, updated: 1, removed: 1, unchanged: 0 });
	expect(mergeDeckContent([a, b], [], [edited, c], { nowMs: NOW }).summary).toEqual(
		diffNotes([a, b], [edited, c])
	);
});
