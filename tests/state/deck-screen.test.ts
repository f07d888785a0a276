// The deck screen's state: title and counts, its panels loaded with it, "not found", one status/error,
// counts refreshed after an exam plan change, and exports through the share panel.
import { afterEach, describe, expect, it } from 'vitest';
import type { KartkaDB } from '$lib/db/db';
import { DeckScreen } from '$lib/state/deck-screen.svelte';
import { freshDb, seedDeck } from '../helpers/db';

let db: KartkaDB;
afterEach(() => db?.close());
const nowMs = Date.UTC(2026, 10, 28, 12);
const clock = () => nowMs;
const ready = () => Promise.resolve();

describe('DeckScreen', () => {
	it('loads the deck, its counts and its panels', async () => {
		db = freshDb();
		await seedDeck(db, 'd', 5, 3);
		const screen = new DeckScreen(db, 'd', { ready, clock });
		expect(screen.status).toBe('loading');
		expect(screen.header.title).toBeUndefined();
		await screen.load();
		expect(screen.status).toBe('ready');
		expect(screen.header.title).toBe('Deck d');
		expect(screen.header.deckHref).toBe('/deck?id=d');
		expect(screen.summary?.totalCards).toBe(11);
		// 8 notes: one new card each today (the reversible notes' second cards are buried siblings).
		expect(screen.summary?.counts).toMatchObject({ new: 8, learning: 0, review: 0 });
		expect(screen.exam.view?.state.plan).toBeNull();
		expect(screen.scheduler.status).toBe('ready');
		expect(screen.scheduler.deckId).toBe('d');
		expect(screen.share.mediaCount).toBe(0);
	});

	it('says "not found" for an unknown deck without being an error', async () => {
		db = freshDb();
		await seedDeck(db, 'd', 1, 0);
		const screen = new DeckScreen(db, 'nope', { ready, clock });
		await screen.load();
		expect(screen.status).toBe('ready');
		expect(screen.summary).toBeNull();
		expect(screen.header.notFound).toBe(true);
		expect(screen.header.title).toBeNull();
	});

	it('shows a failed start-up as an error and recovers on "Try again"', async () => {
		db = freshDb();
		await seedDeck(db, 'd', 2, 0);
		let attempts = 0;
		const flaky = async () => {
			if (++attempts === 1) throw new Error('Storage is full.');
		};
		const screen = new DeckScreen(db, 'd', { ready: flaky, clock });
		await screen.load();
		expect(screen.status).toBe('error');
		expect(screen.error).toBe('Storage is full.');
		expect(screen.summary).toBeUndefined();
		await screen.load();
		expect(screen.status).toBe('ready');
		expect(screen.summary?.totalCards).toBe(2);
	});

	it('re-reads the counts after the exam plan changes', async () => {
		db = freshDb();
		await seedDeck(db, 'd', 5, 0);
		const screen = new DeckScreen(db, 'd', { ready, clock });
		await screen.load();
		const before = screen.summary;
		await screen.exam.setDate('2026-12-20');
		expect(screen.exam.error).toBeNull();
		expect(screen.exam.view?.state.plan?.examDate).toBe('2026-12-20');
		// The panel's change callback refreshes the summary (a new read, not the old object).
		await new Promise((r) => setTimeout(r, 50));
		expect(screen.summary).not.toBe(before);
		expect(screen.summary?.totalCards).toBe(5);
	});

	it('exports the deck through the share panel, and reports a failed export', async () => {
		db = freshDb();
		await seedDeck(db, 'd', 2, 0);
		const screen = new DeckScreen(db, 'd', { ready, clock });
		await screen.load();
		const saved: string[] = [];
		await screen.share.export('json', (file) => saved.push(file.fileName));
		expect(saved).toHaveLength(1);
		expect(screen.share.exported?.fileName).toBe(saved[0]);
		expect(screen.share.exported?.notes).toBe(2);
		expect(screen.share.error).toBeNull();
		await screen.share.export('csv', () => {
			throw new Error('The download was blocked.');
		});
		expect(screen.share.error).toBe('The download was blocked.');
	});
});
