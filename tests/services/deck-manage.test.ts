// Rename, move to group, delete and its one-step undo: one transaction each, nothing half-done.
import { describe, expect, it, vi } from 'vitest';
import { deletedBuiltinDecks } from '$lib/db/deleted-builtin.repo';
import {
	deleteDeck,
	moveDeckToGroup,
	renameDeck,
	undoDeleteDeck
} from '$lib/services/decks/deck-manage.service';
import { deckRow, freshDb, seedDeck } from '../helpers/db';
import { cardsOfDeck } from '$lib/db/cards-of-decks.repo';

const NOW = Date.UTC(2026, 0, 10, 9);

async function snapshot(db: ReturnType<typeof freshDb>) {
	return {
		decks: await db.decks.toArray(),
		notes: await db.notes.toArray(),
		cards: await db.cards.toArray(),
		logs: await db.reviewLogs.toArray(),
		plans: await db.examPlans.toArray(),
		media: await db.media.toArray()
	};
}

async function seeded() {
	const db = freshDb();
	await seedDeck(db, 'd', 3, 1);
	await seedDeck(db, 'e', 1, 0);
	const card = (await cardsOfDeck(db, 'd').first())!;
	await db.reviewLogs.add({
		cardId: card.id,
		noteId: card.noteId,
		deckId: 'd',
		rating: 3,
		kind: 'review',
		reviewedMs: NOW - 5,
		studyDay: 1,
		durationMs: 10,
		before: card,
		after: card,
		afterRev: 1
	});
	await db.examPlans.put({ deckId: 'd', examDay: 20000 } as never);
	await db.media.put({
		name: 'x.png',
		mime: 'image/png',
		bytes: new Uint8Array([1]),
		size: 1,
		sha256: 's',
		deckIds: ['d', 'e'],
		addedMs: 0
	});
	return db;
}

describe('deck management', () => {
	it('renames (trimmed, never empty) and moves to a group and out again', async () => {
		const db = await seeded();
		expect((await renameDeck(db, 'd', '  New   name ', NOW)).title).toBe('New name');
		await expect(renameDeck(db, 'd', '   ', NOW)).rejects.toThrow('A deck needs a name.');
		expect((await moveDeckToGroup(db, 'd', 'Exams :: History', NOW)).group).toBe('Exams::History');
		expect((await moveDeckToGroup(db, 'd', '', NOW)).group).toBeUndefined();
		await expect(renameDeck(db, 'nope', 'x', NOW)).rejects.toThrow('no longer exists');
	});

	it('deletes a deck with its notes, cards, history and plan, and Undo puts back exactly what was there', async () => {
		const db = await seeded();
		const before = await snapshot(db);
		const deleted = await deleteDeck(db, 'd', NOW);
		const gone = await snapshot(db);
		expect(gone.decks.map((d) => d.id)).toEqual(['e']);
		expect(gone.notes.every((n) => n.deckId === 'e')).toBe(true);
		expect(gone.cards.every((c) => c.deckId === 'e')).toBe(true);
		expect(gone.logs).toHaveLength(0);
		expect(gone.plans).toHaveLength(0);
		expect(gone.media[0]!.deckIds).toEqual(['e']);
		await undoDeleteDeck(db, deleted, NOW);
		expect(await snapshot(db)).toEqual(before);
	});

	it('a failure half-way through delete or undo writes nothing', async () => {
		const db = await seeded();
		const before = await snapshot(db);
		const spy = vi.spyOn(db.reviewLogs, 'bulkDelete').mockRejectedValueOnce(new Error('boom'));
		await expect(deleteDeck(db, 'd', NOW)).rejects.toThrow('boom');
		spy.mockRestore();
		expect(await snapshot(db)).toEqual(before);
		const deleted = await deleteDeck(db, 'd', NOW);
		const after = await snapshot(db);
		const spy2 = vi.spyOn(db.reviewLogs, 'bulkAdd').mockRejectedValueOnce(new Error('boom'));
		await expect(undoDeleteDeck(db, deleted, NOW)).rejects.toThrow('boom');
		spy2.mockRestore();
		expect(await snapshot(db)).toEqual(after);
	});

	it('a deleted shipped deck is remembered (not installed again) until Undo', async () => {
		const db = freshDb();
		await db.decks.put(deckRow('b', { origin: 'builtin' }));
		const deleted = await deleteDeck(db, 'b', NOW);
		expect(await deletedBuiltinDecks(db)).toEqual(new Set(['b']));
		await undoDeleteDeck(db, deleted, NOW);
		expect(await deletedBuiltinDecks(db)).toEqual(new Set());
	});
});
