// A deck update never overwrites a user's edit; it suspends removed content with the reason 'update',
// brings it back when it returns, and leaves notes the user moved to another deck where they are.
import { describe, expect, it } from 'vitest';
import { applyDeckContent } from '$lib/db/deck-content.repo';
import { Queue, type NoteRow } from '$lib/domain/model';
import { editNote } from '$lib/domain/notes/note-edit';
import { keepMine, useTheirs } from '$lib/domain/notes/deck-update-conflict';
import { makeNote } from '../helpers/cards';
import { deckRow, freshDb } from '../helpers/db';

const cloze = (text: string): NoteRow => makeNote('d', 'z', 0, { kind: 'cloze', fields: { text } });

describe('deck updates and user edits', () => {
	it('keeps the user text and holds the newer deck text; both choices then apply', async () => {
		const db = freshDb();
		await applyDeckContent(db, deckRow('d'), [cloze('{{c1::Minsk}} tilts from {{c2::Moscow}}')], {
			nowMs: 1
		});
		const shipped = (await db.notes.get('d/z'))!;
		const cards = await db.cards.filter((c) => c.noteId === 'd/z').toArray();
		const edit = editNote(
			shipped,
			{ ...shipped, fields: { text: '{{c1::Minsk}} drifts from {{c2::Moscow}}' } },
			cards,
			2,
			true
		);
		await db.notes.put(edit.note);

		const summary = await applyDeckContent(
			db,
			deckRow('d', { version: '2' }),
			[cloze('{{c1::Minsk}} turns from {{c2::Moscow}}')],
			{ nowMs: 3 }
		);
		expect(summary.userEditsKept).toBe(1);
		const held = (await db.notes.get('d/z'))!;
		expect(held.fields.text).toBe('{{c1::Minsk}} drifts from {{c2::Moscow}}');
		expect(held.userEdit?.theirs?.fields.text).toBe('{{c1::Minsk}} turns from {{c2::Moscow}}');

		expect(useTheirs(held, cards, 4).note.fields.text).toBe('{{c1::Minsk}} turns from {{c2::Moscow}}');
		await db.notes.put(keepMine(held, 4));
		const again = await applyDeckContent(
			db,
			deckRow('d', { version: '2' }),
			[cloze('{{c1::Minsk}} turns from {{c2::Moscow}}')],
			{ nowMs: 5 }
		);
		expect(again.userEditsKept).toBeUndefined();
		expect((await db.notes.get('d/z'))!.fields.text).toBe('{{c1::Minsk}} drifts from {{c2::Moscow}}');
	});

	it('suspends a cloze the deck removed with reason "update", and restores it when it returns', async () => {
		const db = freshDb();
		await applyDeckContent(db, deckRow('d'), [cloze('{{c1::a}} {{c2::b}}')], { nowMs: 1 });
		await db.cards.update('d/z#2', { state: 2, queue: Queue.Review, reps: 3 });
		await applyDeckContent(db, deckRow('d'), [cloze('{{c1::a}} b')], { nowMs: 2 });
		expect(await db.cards.get('d/z#2')).toMatchObject({
			queue: Queue.Suspended,
			suspendedReason: 'update',
			reps: 3
		});
		await applyDeckContent(db, deckRow('d'), [cloze('{{c1::a}} {{c2::b}}')], { nowMs: 3 });
		const back = (await db.cards.get('d/z#2'))!;
		expect(back).toMatchObject({ queue: Queue.Review, reps: 3 });
		expect(back.suspendedReason).toBeUndefined();
	});

	it('leaves a note the user moved to another deck where it is, with its progress', async () => {
		const db = freshDb();
		await applyDeckContent(db, deckRow('d'), [makeNote('d', 'b', 0)], { nowMs: 1 });
		await db.notes.update('d/b', { deckId: 'mine' });
		await db.cards.update('d/b#0', { deckId: 'mine', reps: 5 });
		await applyDeckContent(
			db,
			deckRow('d', { version: '2' }),
			[makeNote('d', 'b', 0, { fields: { front: 'new', back: 'x' } })],
			{ nowMs: 2 }
		);
		expect(await db.notes.get('d/b')).toMatchObject({ deckId: 'mine', fields: { front: 'Q b' } });
		expect(await db.cards.get('d/b#0')).toMatchObject({ deckId: 'mine', reps: 5 });
	});
});
