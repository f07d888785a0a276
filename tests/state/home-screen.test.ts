// The home screen's state: the decks with today's counts, one status/error, and "Try again".
import { afterEach, describe, expect, it } from 'vitest';
import type { KartkaDB } from '$lib/db/db';
import { HomeScreen } from '$lib/state/home-screen.svelte';
import { freshDb, seedDeck } from '../helpers/db';

let db: KartkaDB;
afterEach(() => db?.close());
const clock = () => Date.UTC(2026, 10, 28, 12);
const ready = () => Promise.resolve();

describe('HomeScreen', () => {
	it('starts loading, then lists every deck with its counts', async () => {
		db = freshDb();
		await seedDeck(db, 'a', 2, 0);
		await seedDeck(db, 'b', 3, 1);
		const screen = new HomeScreen(db, { ready, clock });
		expect(screen.status).toBe('loading');
		await screen.load();
		expect(screen.status).toBe('ready');
		expect(screen.error).toBeNull();
		const byId = new Map(screen.decks?.map((s) => [s.deck.id, s]));
		expect([...byId.keys()].sort()).toEqual(['a', 'b']);
		expect(byId.get('a')?.totalCards).toBe(2);
		expect(byId.get('b')?.totalCards).toBe(5);
		// 3 basic notes + 1 reversible note: its second card waits for another day (siblings are buried).
		expect(byId.get('b')?.counts).toMatchObject({ new: 4, learning: 0, review: 0 });
	});

	it('shows a failed start-up as an error, and "Try again" loads the decks', async () => {
		db = freshDb();
		await seedDeck(db, 'a', 2, 0);
		let attempts = 0;
		const flaky = async () => {
			if (++attempts === 1) throw new Error('The database could not be opened.');
		};
		const screen = new HomeScreen(db, { ready: flaky, clock });
		await screen.load();
		expect(screen.status).toBe('error');
		expect(screen.error).toBe('The database could not be opened.');
		expect(screen.decks).toBeNull();
		await screen.load();
		expect(screen.status).toBe('ready');
		expect(screen.error).toBeNull();
		expect(screen.decks?.map((s) => s.deck.id)).toEqual(['a']);
	});

	it('reports a database failure while reading the decks', async () => {
		db = freshDb();
		await seedDeck(db, 'a', 1, 0);
		db.close();
		const screen = new HomeScreen(db, { ready, clock });
		await screen.load();
		expect(screen.status).toBe('error');
		expect(screen.error).toMatch(/closed/i);
	});

	it('shows the counts the installer worker read at start-up without reading the database, once', async () => {
		db = freshDb();
		await seedDeck(db, 'a', 2, 0);
		const reader = new HomeScreen(db, { ready, clock });
		await reader.load();
		const counted = reader.decks!;
		let asked = 0;
		let handed: typeof counted | null = counted;
		const installerCounts = {
			want: () => void asked++,
			take: () => {
				const counts = handed;
				handed = null;
				return counts;
			}
		};
		// A closed database fails every read: the first load must not read it.
		db.close();
		const screen = new HomeScreen(db, { ready, clock, installerCounts });
		expect(asked).toBe(1);
		await screen.load();
		expect(screen.status).toBe('ready');
		expect(screen.decks).toEqual(counted);
		// Taken once: "Try again" (or a later load) reads the database.
		await screen.load();
		expect(screen.status).toBe('error');
	});
});
