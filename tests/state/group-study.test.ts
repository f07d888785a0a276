// "Study all" over a deck group: every card is answered with its own deck's scheduler and settings.
import { afterEach, describe, expect, it } from 'vitest';
import type { KartkaDB } from '$lib/db/db';
import { applyDeckContent } from '$lib/db/deck-content.repo';
import { saveGlobalSettings } from '$lib/db/settings.repo';
import { Rating } from '$lib/domain/schedule';
import { ReviewSession } from '$lib/state/review-session.svelte';
import { deckRow, freshDb, sampleNotes } from '../helpers/db';

const NOW = Date.UTC(2026, 10, 28, 12);
const MINUTE_MS = 60_000;
let db: KartkaDB;

afterEach(() => db?.close());

/** Group "G": deck "a" with the global steps (1m 10m), deck "b" with its own first step of 30m. */
async function groupOfTwo() {
	db = freshDb();
	await saveGlobalSettings(db, { fuzz: false });
	await applyDeckContent(db, deckRow('a', { group: 'G' }), sampleNotes('a', 3), { nowMs: 0 });
	await applyDeckContent(
		db,
		deckRow('b', { group: 'G', settings: { learningSteps: ['30m', '2h'] } }),
		sampleNotes('b', 3),
		{
			nowMs: 0
		}
	);
	const session = new ReviewSession(db, '', () => NOW);
	await session.startGroup('G');
	return session;
}

/** Answers the cards on screen Again until one of `deckId` has been answered; returns its new due. */
async function answerAgainUntil(session: ReviewSession, deckId: string): Promise<number> {
	for (let i = 0; i < 10 && session.card; i++) {
		const shown = session.card;
		session.reveal();
		await session.answer(Rating.Again);
		if (shown.deckId === deckId) return (await db.cards.get(shown.id))!.dueMs;
	}
	throw new Error(`no card of ${deckId} was shown`);
}

describe('Study all', () => {
	it('mixes the decks of the group in one queue', async () => {
		const session = await groupOfTwo();
		const seen = new Set<string>();
		for (let i = 0; i < 4 && session.card; i++) {
			seen.add(session.card.deckId);
			session.reveal();
			await session.answer(Rating.Good);
		}
		expect([...seen].sort()).toEqual(['a', 'b']);
	});

	it("answers each card with its own deck's scheduler, not the first deck's", async () => {
		const session = await groupOfTwo();
		expect(await answerAgainUntil(session, 'a')).toBe(NOW + 1 * MINUTE_MS);
		expect(await answerAgainUntil(session, 'b')).toBe(NOW + 30 * MINUTE_MS);
	});

	it("shows the interval labels of the card's own deck", async () => {
		const session = await groupOfTwo();
		for (let i = 0; i < 6 && session.card; i++) {
			const expected = session.card.deckId === 'b' ? '30 min' : '1 min';
			expect(session.labels?.[Rating.Again]).toBe(expected);
			session.reveal();
			await session.answer(Rating.Good);
		}
	});
});
