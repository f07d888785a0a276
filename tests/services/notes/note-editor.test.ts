// Add and Edit through the database: one transaction each, nothing half-done on failure, and the edit
// rules (cloze removed -> suspended with reason -> restored with history; reversible -> basic -> reversible;
// a user's edit against a newer deck version, both choices).
import { describe, expect, it, vi } from 'vitest';
import { applyDeckContent } from '$lib/db/deck-content.repo';
import { resolveNewerVersion } from '$lib/db/note-write.repo';
import { Queue, type CardRow, type ReviewLogRow } from '$lib/domain/model';
import { EMPTY_DRAFT, type NoteDraft } from '$lib/domain/notes/note-draft';
import { CardState } from '$lib/domain/schedule';
import { addNote, imageToMedia, saveEdit } from '$lib/services/notes/note-editor.service';
import { makeNote } from '../../helpers/cards';
import { deckRow, freshDb } from '../../helpers/db';

const NOW = Date.UTC(2026, 0, 10, 9);
const draft = (over: Partial<NoteDraft>): NoteDraft => ({ ...EMPTY_DRAFT, ...over });
let n = 0;
const randomId = () => `r${++n}`;

async function counts(db: ReturnType<typeof freshDb>) {
	return { decks: await db.decks.count(), notes: await db.notes.count(), cards: await db.cards.count() };
}

function reviewed(card: CardRow): CardRow {
	return {
		...card,
		state: CardState.Review,
		queue: Queue.Review,
		reps: 1,
		stability: 5,
		dueMs: NOW + 5 * 864e5
	};
}

function log(card: CardRow): ReviewLogRow {
	const before = { ...card };
	return {
		cardId: card.id,
		noteId: card.noteId,
		deckId: card.deckId,
		rating: 3,
		kind: 'review',
		reviewedMs: NOW - 1000,
		studyDay: 1,
		durationMs: 1000,
		before,
		after: { ...before, state: CardState.Review },
		afterRev: 1
	};
}

describe('Add', () => {
	it('adds a basic note to a new deck, then a cloze note with one card per number', async () => {
		const db = freshDb();
		const first = await addNote(
			db,
			{ deckId: null, newDeckTitle: ' My  deck ' },
			draft({ first: 'Q', second: 'A', tags: 'a b a' }),
			{ nowMs: NOW, randomId }
		);
		expect(first.deck?.title).toBe('My deck');
		expect(first.note.tags).toEqual(['a', 'b']);
		expect(first.cards).toHaveLength(1);
		const second = await addNote(
			db,
			{ deckId: first.deck!.id },
			draft({ kind: 'cloze', first: '{{c1::Minsk}} and {{c2::Vilnius}}' }),
			{ nowMs: NOW + 1, randomId }
		);
		expect(second.cards.map((c) => c.ord)).toEqual([1, 2]);
		expect(second.note.position).toBe(1);
		expect(await counts(db)).toEqual({ decks: 1, notes: 2, cards: 3 });
	});

	it('refuses empty and cloze-less notes with a message and writes nothing', async () => {
		const db = freshDb();
		await expect(
			addNote(db, { deckId: null, newDeckTitle: 'D' }, draft({ first: '', second: 'x' }), {
				nowMs: NOW,
				randomId
			})
		).rejects.toThrow('"Front" is empty.');
		await expect(
			addNote(db, { deckId: null, newDeckTitle: 'D' }, draft({ kind: 'cloze', first: 'no cloze' }), {
				nowMs: NOW,
				randomId
			})
		).rejects.toThrow('has no cloze');
		await expect(
			addNote(db, { deckId: null, newDeckTitle: ' ' }, draft({ first: 'q', second: 'a' }), {
				nowMs: NOW,
				randomId
			})
		).rejects.toThrow('Give the new deck a name.');
		expect(await counts(db)).toEqual({ decks: 0, notes: 0, cards: 0 });
	});

	it('writes nothing when the transaction fails half-way (new deck, note, cards, image)', async () => {
		const db = freshDb();
		const image = await imageToMedia(new Uint8Array([1, 2, 3]), 'image/png', NOW);
		const spy = vi.spyOn(db.cards, 'bulkAdd').mockRejectedValueOnce(new Error('disk full'));
		await expect(
			addNote(
				db,
				{ deckId: null, newDeckTitle: 'D' },
				draft({ first: `<img src="${image.name}">`, second: 'a' }),
				{ nowMs: NOW, randomId, media: [image] }
			)
		).rejects.toThrow('disk full');
		spy.mockRestore();
		expect(await counts(db)).toEqual({ decks: 0, notes: 0, cards: 0 });
		expect(await db.media.count()).toBe(0);
	});

	it('stores a pasted image with the note, named by its content; refuses other types', async () => {
		const db = freshDb();
		const image = await imageToMedia(new Uint8Array([1, 2, 3]), 'image/png', NOW);
		const r = await addNote(
			db,
			{ deckId: null, newDeckTitle: 'D' },
			draft({ first: `<img src="${image.name}">`, second: 'a' }),
			{ nowMs: NOW, randomId, media: [image] }
		);
		expect((await db.media.get(image.name))?.deckIds).toEqual([r.deck!.id]);
		await expect(imageToMedia(new Uint8Array([1]), 'text/html', NOW)).rejects.toThrow('Only PNG');
	});
});

describe('Edit', () => {
	it('cloze removed -> suspended "content" with history -> cloze back -> unsuspended with history', async () => {
		const db = freshDb();
		const { note, deck } = await addNote(
			db,
			{ deckId: null, newDeckTitle: 'D' },
			draft({ kind: 'cloze', first: '{{c1::A}} {{c2::B}}' }),
			{ nowMs: NOW, randomId }
		);
		const c2 = (await db.cards.get(`${note.id}#2`))!;
		await db.cards.put(reviewed(c2));
		await db.reviewLogs.add(log(c2));

		const removed = await saveEdit(db, note.id, draft({ kind: 'cloze', first: '{{c1::A}} B' }), NOW + 1);
		expect(removed.suspended).toBe(1);
		let card = (await db.cards.get(c2.id))!;
		expect(card.queue).toBe(Queue.Suspended);
		expect(card.suspendedReason).toBe('content');
		expect(await db.reviewLogs.where('cardId').equals(c2.id).count()).toBe(1);

		const back = await saveEdit(
			db,
			note.id,
			draft({ kind: 'cloze', first: '{{c1::A}} {{c2::B!}}' }),
			NOW + 2
		);
		expect(back.restored).toBe(1);
		card = (await db.cards.get(c2.id))!;
		expect(card.queue).toBe(Queue.Review);
		expect(card.suspendedReason).toBeUndefined();
		expect(card.stability).toBe(5);
		expect(await db.reviewLogs.where('cardId').equals(c2.id).count()).toBe(1);
		expect(deck).not.toBeNull();
	});

	it('reversible -> basic -> reversible keeps the reverse card and its schedule', async () => {
		const db = freshDb();
		const { note } = await addNote(
			db,
			{ deckId: null, newDeckTitle: 'D' },
			draft({ kind: 'reversible', first: 'Q', second: 'A' }),
			{ nowMs: NOW, randomId }
		);
		const reverse = (await db.cards.get(`${note.id}#1`))!;
		await db.cards.put(reviewed(reverse));
		await saveEdit(db, note.id, draft({ kind: 'basic', first: 'Q', second: 'A' }), NOW + 1);
		expect((await db.cards.get(reverse.id))!.suspendedReason).toBe('content');
		await saveEdit(db, note.id, draft({ kind: 'reversible', first: 'Q', second: 'A' }), NOW + 2);
		const after = (await db.cards.get(reverse.id))!;
		expect(after.queue).toBe(Queue.Review);
		expect(after.stability).toBe(5);
		expect(await db.cards.filter((c) => c.noteId === note.id).count()).toBe(2);
	});

	it('a failed edit writes nothing; a bad edit is refused with the problem', async () => {
		const db = freshDb();
		const { note } = await addNote(
			db,
			{ deckId: null, newDeckTitle: 'D' },
			draft({ kind: 'cloze', first: '{{c1::A}} {{c2::B}}' }),
			{ nowMs: NOW, randomId }
		);
		const spy = vi.spyOn(db.cards, 'bulkPut').mockRejectedValueOnce(new Error('boom'));
		await expect(
			saveEdit(db, note.id, draft({ kind: 'cloze', first: '{{c1::A}}' }), NOW + 1)
		).rejects.toThrow('boom');
		spy.mockRestore();
		expect((await db.notes.get(note.id))!.fields.text).toBe('{{c1::A}} {{c2::B}}');
		expect((await db.cards.get(`${note.id}#2`))!.queue).toBe(Queue.New);
		await expect(saveEdit(db, note.id, draft({ kind: 'cloze', first: 'none' }), NOW + 1)).rejects.toThrow(
			'has no cloze'
		);
	});

	it('a user edit of a deck note survives a newer deck version; "Keep mine" and "Use theirs"', async () => {
		for (const choice of ['mine', 'theirs'] as const) {
			const db = freshDb();
			const shipped = makeNote('d', 'k', 0, { fields: { front: 'Who?', back: 'Lukashenka' } });
			await applyDeckContent(db, deckRow('d', { origin: 'builtin' }), [shipped], { nowMs: NOW });
			await saveEdit(db, 'd/k', draft({ first: 'Who?', second: 'Łukašenka' }), NOW + 1);
			expect((await db.notes.get('d/k'))!.userEdit?.original.fields.back).toBe('Lukashenka');
			await applyDeckContent(
				db,
				deckRow('d', { origin: 'builtin', version: '2' }),
				[{ ...shipped, fields: { front: 'Who?', back: 'Lukashenko' } }],
				{ nowMs: NOW + 2 }
			);
			const held = (await db.notes.get('d/k'))!;
			expect(held.fields.back).toBe('Łukašenka');
			expect(held.userEdit?.theirs?.fields.back).toBe('Lukashenko');
			const resolved = await resolveNewerVersion(db, 'd/k', choice, NOW + 3);
			expect(resolved.fields.back).toBe(choice === 'mine' ? 'Łukašenka' : 'Lukashenko');
			expect(resolved.userEdit?.theirs).toBeUndefined();
			expect((await db.notes.get('d/k'))!.fields.back).toBe(resolved.fields.back);
		}
	});
});
