// A user's edit against a newer version of its deck: the edit wins, the deck's text waits; both choices.
import { describe, expect, it } from 'vitest';
import { Queue } from '$lib/domain/model';
import { CardState } from '$lib/domain/schedule';
import { editNote } from '$lib/domain/notes/note-edit';
import {
	diffNoteContent,
	hasNewerVersion,
	keepMine,
	mergeDeckUpdate,
	useTheirs
} from '$lib/domain/notes/deck-update-conflict';
import { diffWords } from '$lib/domain/notes/text-diff';
import { makeCard, makeNote } from '../../helpers/cards';

const shipped = makeNote('d', 'z', 0, {
	kind: 'cloze',
	fields: { text: '{{c1::Minsk}} tilts from {{c2::Moscow}}' }
});
const cards = [1, 2].map((ord) =>
	makeCard({ id: `d/z#${ord}`, ord, state: CardState.Review, queue: Queue.Review, reps: 2 })
);
const mine = editNote(
	shipped,
	{ ...shipped, fields: { text: '{{c1::Minsk}} drifts from {{c2::Moscow}}' } },
	cards,
	10,
	true
).note;

describe('a deck update meets a user edit', () => {
	it('applies as usual when the note has no user edit', () => {
		expect(mergeDeckUpdate(shipped, { ...shipped, fields: { text: 'new {{c1::x}}' } }).kind).toBe('apply');
	});

	it('changes nothing when the deck did not change the note', () => {
		const r = mergeDeckUpdate(mine, { ...shipped, position: 4 });
		expect(r.kind).toBe('unchanged');
		if (r.kind !== 'apply')
			expect(r.note).toMatchObject({ fields: mine.fields, position: 4, userEdit: mine.userEdit });
	});

	it('keeps the user text and holds the newer deck text when both changed', () => {
		const theirs = { ...shipped, fields: { text: '{{c1::Minsk}} tilts away from {{c2::Moscow}} in 2024' } };
		const r = mergeDeckUpdate(mine, theirs);
		expect(r.kind).toBe('conflict');
		if (r.kind !== 'conflict') return;
		expect(r.note.fields).toEqual(mine.fields);
		expect(hasNewerVersion(r.note)).toBe(true);

		// "Use theirs"
		const used = useTheirs(r.note, cards, 20);
		expect(used.note.fields).toEqual(theirs.fields);
		expect(used.note.userEdit).toBeUndefined();
		expect(used.cardPuts).toEqual([]); // same cloze numbers: schedules untouched

		// "Keep mine": asked once; the next identical update is quiet
		const kept = keepMine(r.note, 20);
		expect(kept.fields).toEqual(mine.fields);
		expect(hasNewerVersion(kept)).toBe(false);
		expect(kept.userEdit?.original.fields).toEqual(theirs.fields);
		expect(mergeDeckUpdate(kept, theirs).kind).toBe('unchanged');
	});

	it('drops the marker when the deck now says what the user wrote', () => {
		const r = mergeDeckUpdate(mine, { ...shipped, fields: mine.fields });
		expect(r.kind === 'unchanged' && r.note.userEdit === undefined).toBe(true);
	});

	it('"Use theirs" suspends the card of a cloze the deck removed, with reason "update"', () => {
		const r = mergeDeckUpdate(mine, { ...shipped, fields: { text: '{{c1::Minsk}} only' } });
		if (r.kind !== 'conflict') throw new Error(r.kind);
		const used = useTheirs(r.note, cards, 20);
		expect(used.cardPuts).toEqual([
			expect.objectContaining({ id: 'd/z#2', queue: Queue.Suspended, suspendedReason: 'update' })
		]);
	});

	it('gives a word diff of mine against theirs', () => {
		const d = diffNoteContent(
			{ kind: 'basic', fields: { front: 'Minsk drifts west', back: 'b' }, tags: ['a', 'b'] },
			{ kind: 'basic', fields: { front: 'Minsk tilts west', back: 'b' }, tags: ['b', 'c'] }
		);
		expect(d.fields[0]!.parts).toEqual([
			{ op: 'same', text: 'Minsk ' },
			{ op: 'removed', text: 'drifts' },
			{ op: 'added', text: 'tilts' },
			{ op: 'same', text: ' west' }
		]);
		expect(d.fields[1]!.changed).toBe(false);
		expect(d.tags).toEqual({ removed: ['a'], added: ['c'] });
	});

	it('bounds the diff of huge texts', () => {
		const big = 'w '.repeat(5000);
		expect(diffWords(big, `${big}x`).map((p) => p.op)).toEqual(['removed', 'added']);
	});
});
