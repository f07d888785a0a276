import { describe, expect, it } from 'vitest';
import { KartkaDB } from '$lib/db/db';
import { getDeckOverrides, saveDeckOverrides } from '$lib/db/deck-settings.repo';
import { rescheduleReviewCards } from '$lib/db/reschedule.repo';
import { getGlobalSettings, saveGlobalSettings, settingsForDeck } from '$lib/db/settings.repo';
import { queueForState, type CardRow, type DeckRow } from '$lib/domain/model';
import { CardState } from '$lib/domain/schedule';
import { simulateReviews } from '../helpers/simulate-reviews';

const deck: DeckRow = {
	id: 'sim',
	title: 'Simulated',
	description: '',
	version: '1',
	language: 'en',
	license: 'CC0',
	source: { title: 'test' },
	origin: 'import',
	contentHash: 'x',
	createdMs: 0,
	updatedMs: 0
};

async function seeded(): Promise<KartkaDB> {
	const db = new KartkaDB('t-' + crypto.randomUUID());
	const sim = simulateReviews({ targetReviews: 2000, seed: 11, deckId: 'sim' });
	const cards: CardRow[] = [...sim.cards].map(([id, s], i) => ({
		id,
		noteId: id,
		deckId: 'sim',
		ord: 0,
		queue: queueForState(s.state),
		newPosition: i,
		rev: 1,
		...s
	}));
	await db.decks.put(deck);
	await db.cards.bulkPut(cards);
	await db.reviewLogs.bulkAdd(sim.logs.map(({ id: _id, ...log }) => log));
	return db;
}

describe('settings persist', () => {
	it('global settings and per-deck overrides are saved and resolved field by field', async () => {
		const db = await seeded();
		await saveGlobalSettings(db, { desiredRetention: 0.85, newCardsPerDay: 15 });
		await saveDeckOverrides(db, 'sim', { newCardsPerDay: 5 });
		expect(await getGlobalSettings(db)).toEqual({ desiredRetention: 0.85, newCardsPerDay: 15 });
		expect(await getDeckOverrides(db, 'sim')).toEqual({ newCardsPerDay: 5 });
		const resolved = await settingsForDeck(db, 'sim');
		expect(resolved).toMatchObject({ desiredRetention: 0.85, newCardsPerDay: 5, reviewsPerDay: 200 });
		await expect(saveDeckOverrides(db, 'missing', {})).rejects.toThrow(/no longer exists/);
	});
});

describe('rescheduling review cards after a settings change', () => {
	it('leaves every card as it is when the settings are those it was scheduled with', async () => {
		const db = await seeded();
		await saveGlobalSettings(db, { fuzz: false });
		const reviewCards = (await db.cards.toArray()).filter((c) => c.state === CardState.Review).length;
		const summary = await rescheduleReviewCards(db);
		expect(reviewCards).toBeGreaterThan(50);
		expect(summary).toEqual({ rescheduled: 0, unchanged: reviewCards, skipped: 0 });
	});

	it("a lower desired retention lengthens intervals, all in one go, and bumps each card's rev", async () => {
		const db = await seeded();
		const before = new Map((await db.cards.toArray()).map((c) => [c.id, c]));
		await saveGlobalSettings(db, { fuzz: false, desiredRetention: 0.8 });
		const summary = await rescheduleReviewCards(db);
		expect(summary.rescheduled).toBeGreaterThan(50);
		let longer = 0;
		for (const card of await db.cards.toArray()) {
			const old = before.get(card.id)!;
			if (card.state !== CardState.Review) {
				expect(card).toEqual(old);
				continue;
			}
			if (card.dueMs !== old.dueMs) expect(card.rev).toBe(old.rev + 1);
			if (card.scheduledDays > old.scheduledDays) longer++;
			expect(card.scheduledDays).toBeGreaterThanOrEqual(old.scheduledDays);
		}
		expect(longer).toBeGreaterThan(50);
	});

	it('follows a deck override, and skips cards whose history does not start as new', async () => {
		const db = await seeded();
		await saveGlobalSettings(db, { fuzz: false });
		await saveDeckOverrides(db, 'sim', { desiredRetention: 0.95 });
		const one = (await db.cards.toArray()).find((c) => c.state === CardState.Review)!;
		await db.reviewLogs.where('cardId').equals(one.id).delete();
		const summary = await rescheduleReviewCards(db, { deckId: 'sim' });
		expect(summary.skipped).toBe(1);
		expect(summary.rescheduled).toBeGreaterThan(50);
		expect(await db.cards.get(one.id)).toEqual(one);
	});
});

describe('settings form fields', () => {
	it('checks typed values and turns them into stored ones', async () => {
		const { fieldValue, parseSteps, toDraft } = await import('$lib/state/settings-fields.svelte');
		const { DEFAULT_SCHEDULER_SETTINGS } = await import('$lib/domain/scheduler-settings');
		const draft = toDraft(DEFAULT_SCHEDULER_SETTINGS);
		expect(fieldValue('desiredRetention', { ...draft, desiredRetention: '0.855' })).toBe(0.86);
		expect(fieldValue('desiredRetention', { ...draft, desiredRetention: '0.99' })).toEqual({
			error: expect.stringMatching(/between 70% and 97%/)
		});
		// A number input binds a number, or null when emptied.
		expect(fieldValue('newCardsPerDay', { ...draft, newCardsPerDay: 12 as unknown as string })).toBe(12);
		expect(fieldValue('newCardsPerDay', { ...draft, newCardsPerDay: null as unknown as string })).toEqual({
			error: 'New cards per day must be a whole number.'
		});
		expect(fieldValue('dayCutoffHour', { ...draft, dayCutoffHour: '24' })).toEqual({
			error: 'The hour a new day starts must be between 0 and 23.'
		});
		expect(parseSteps('1m, 10m  2h')).toEqual(['1m', '10m', '2h']);
		expect(parseSteps('')).toEqual([]);
		expect(parseSteps('1d')).toMatch(/not a step/);
		expect(parseSteps('24h')).toMatch(/less than a day/);
	});
});
