// The Add / Edit screen state and the deck manager: what the form shows and keeps, and nothing written
// on a refused note; delete and Undo from the deck screen; groups and "Study all" on home.
import { afterEach, describe, expect, it } from 'vitest';
import type { KartkaDB } from '$lib/db/db';
import { DeckManager } from '$lib/state/deck-manage.svelte';
import { HomeScreen } from '$lib/state/home-screen.svelte';
import { NEW_DECK, NoteEditorScreen } from '$lib/state/note-editor.svelte';
import { ReviewSession } from '$lib/state/review-session.svelte';
import { deckRow, freshDb, seedDeck } from '../helpers/db';
import { applyDeckContent } from '$lib/db/deck-content.repo';
import { sampleNotes } from '../helpers/db';

let db: KartkaDB;
afterEach(() => db?.close());
const clock = () => Date.UTC(2026, 10, 28, 12);
const ready = () => Promise.resolve();
let n = 0;
const randomId = () => `id${++n}`;

describe('NoteEditorScreen', () => {
	it('refuses an empty note with a message and no write, then adds and keeps deck, kind and tags', async () => {
		db = freshDb();
		const screen = new NoteEditorScreen(db, null, { ready, clock, randomId });
		await screen.load();
		expect(screen.deckId).toBe(NEW_DECK);
		screen.newDeckTitle = 'Mine';
		expect(await screen.save()).toBe(false);
		expect(screen.problems).toContain('"Front" is empty.');
		expect(await db.notes.count()).toBe(0);

		screen.draft = { ...screen.draft, kind: 'reversible', first: 'Q', second: 'A', tags: 'exam' };
		expect(screen.preview).toHaveLength(2);
		expect(await screen.save()).toBe(true);
		expect(screen.message).toBe('Added 2 cards to Mine.');
		expect(screen.draft).toMatchObject({ kind: 'reversible', first: '', second: '', tags: 'exam' });
		expect(screen.deckId).not.toBe(NEW_DECK);

		screen.draft = { ...screen.draft, first: ' q ', second: 'B' };
		expect(screen.duplicates).toHaveLength(1);
		expect(await screen.save()).toBe(true); // flagged, not blocked
		expect(await db.notes.count()).toBe(2);
	});

	it('wraps a selection in the next cloze number and edits with the rules', async () => {
		db = freshDb();
		const screen = new NoteEditorScreen(db, null, { ready, clock, randomId });
		await screen.load();
		screen.newDeckTitle = 'C';
		screen.draft = { ...screen.draft, kind: 'cloze', first: 'Minsk Vilnius' };
		expect(screen.wrap('first', 'cloze', 0, 5)).toBe('{{c1::Minsk}}'.length);
		screen.wrap('first', 'cloze', 14, 21);
		expect(screen.draft.first).toBe('{{c1::Minsk}} {{c2::Vilnius}}');
		await screen.save();
		const note = (await db.notes.toArray())[0]!;
		const edit = new NoteEditorScreen(db, note.id, { ready, clock });
		await edit.load();
		expect(edit.draft.first).toBe('{{c1::Minsk}} {{c2::Vilnius}}');
		edit.draft = { ...edit.draft, first: '{{c1::Minsk}} Vilnius' };
		expect(await edit.save()).toBe(true);
		expect(edit.message).toMatch(/1 card suspended because its text was removed/);
	});
});

describe('DeckManager and groups', () => {
	it('deletes a deck and Undo brings it back', async () => {
		db = freshDb();
		await seedDeck(db, 'd', 2, 0);
		const changes: (string | null)[] = [];
		const manager = new DeckManager(db, (d) => void changes.push(d?.id ?? null), clock);
		expect(await manager.delete('d')).toBe(true);
		expect(manager.message).toBe('Deleted "Deck d" and its 2 cards.');
		expect(await db.decks.count()).toBe(0);
		expect(await manager.undo()).toBe(true);
		expect(await db.cards.count()).toBe(2);
		expect(changes).toEqual([null, 'd']);
		expect(await manager.rename('d', '')).toBe(false);
		expect(manager.error).toBe('A deck needs a name.');
	});

	it('home sums a group; Study all queues cards from every deck of the group', async () => {
		db = freshDb();
		await applyDeckContent(db, deckRow('a', { group: 'G' }), sampleNotes('a', 2), { nowMs: 0 });
		await applyDeckContent(db, deckRow('b', { group: 'G' }), sampleNotes('b', 3), { nowMs: 0 });
		await seedDeck(db, 'c', 1, 0);
		const home = new HomeScreen(db, { ready, clock });
		await home.load();
		expect(home.tree.groups[0]).toMatchObject({ path: 'G', counts: { new: 5, total: 5 } });
		expect(home.tree.deckIds).toEqual(['c']);
		const session = new ReviewSession(db, '', clock);
		await session.startGroup('G');
		expect(session.counts.new).toBe(5);
		expect(session.deckTitle).toBe('G');
	});
});
