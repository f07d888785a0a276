// The prerendered home lists the shipped decks with the counts a first visit shows: the same figures the
// app computes from the database right after installing them.
import { afterEach, describe, expect, it } from 'vitest';
import type { KartkaDB } from '$lib/db/db';
import { installBuiltinDecks } from '$lib/services/builtin-decks.service';
import { deckSummaries } from '$lib/services/deck-summary.service';
import { listedDeckSummaries, shippedDeckSummaries } from '$lib/services/shipped-decks.server';
import { freshDb } from '../helpers/db';

let db: KartkaDB;
afterEach(() => db?.close());

describe('shippedDeckSummaries (build time)', () => {
	it('equals what the app shows after installing the shipped decks on a first visit', async () => {
		const nowMs = Date.UTC(2026, 10, 30, 12);
		db = freshDb();
		await installBuiltinDecks(db, nowMs);
		const fromDb = await deckSummaries(db, nowMs);
		const built = shippedDeckSummaries(nowMs);
		const shown = (list: typeof built) =>
			list.map((s) => ({ id: s.deck.id, title: s.deck.title, counts: s.counts, cards: s.totalCards }));
		expect(built.length).toBeGreaterThan(0);
		expect(shown(built)).toEqual(shown(fromDb));
	});

	it('carries in the page only what home lists: the same figures, without the long texts', () => {
		const nowMs = Date.UTC(2026, 10, 30, 12);
		const full = shippedDeckSummaries(nowMs);
		const listed = listedDeckSummaries(nowMs);
		const shown = (list: typeof full) =>
			list.map((s) => ({
				id: s.deck.id,
				title: s.deck.title,
				group: s.deck.group,
				counts: s.counts,
				cards: s.totalCards
			}));
		expect(shown(listed)).toEqual(shown(full));
		expect(full.some((s) => s.deck.description.length > 0)).toBe(true);
		for (const { deck } of listed) {
			expect(deck.description).toBe('');
			expect(deck.license).toBe('');
			expect(deck.source.title).toBe('');
		}
		expect(JSON.stringify(listed).length).toBeLessThan(JSON.stringify(full).length / 2);
	});
});
