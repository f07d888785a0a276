// Practice across a deck group (/practice?group=PATH): the practice set is chosen over every deck of the
// group (a group test's missed cards, the group's weakest cards), each card is answered with its own
// deck's scheduling (its day cutoff), and practice answers never change a card.
import { afterEach, describe, expect, it } from 'vitest';
import type { KartkaDB } from '$lib/db/db';
import { applyDeckContent } from '$lib/db/deck-content.repo';
import { answerCard } from '$lib/db/review.repo';
import { filterFromParams, NO_FILTER } from '$lib/domain/exam/card-filter';
import { groupScopeKey } from '$lib/domain/exam/group-study-state';
import { createScheduler } from '$lib/domain/fsrs-adapter';
import type { CardRow } from '$lib/domain/model';
import { DEFAULT_SCHEDULER_SETTINGS } from '$lib/domain/scheduler-settings';
import { studyDayOf } from '$lib/domain/study-day';
import { loadPracticeSource } from '$lib/services/exam/practice-source.service';
import { groupReadinessView } from '$lib/services/exam/readiness.service';
import { PracticeScreen, PracticeSession } from '$lib/state/practice-session.svelte';
import { TestScreen } from '$lib/state/test-screen.svelte';
import { articleDecks } from '../domain/exam/article-decks';
import { freshDb } from '../helpers/db';
import { cardsOfDeck } from '$lib/db/cards-of-decks.repo';

const GROUP = "Belarus's anti-Kremlin tilt";
const SCOPE = groupScopeKey(GROUP);
const NOW = new Date(2026, 4, 4, 10, 0).getTime();
/** A deck of the group whose own day starts at noon: at 10:00 it is still its previous study day. */
const LATE_DECK = 'belarus-tilt-dates';
let db: KartkaDB;

afterEach(() => db?.close());

/** The six article decks, three cards of each studied three days ago (so "weakest" has a ranking). */
async function articleDb(): Promise<void> {
	db = freshDb();
	for (const d of articleDecks()) await applyDeckContent(db, d.deck, d.notes, { nowMs: 0 });
	await db.decks.update(LATE_DECK, { settings: { dayCutoffHour: 12 } });
	const scheduler = createScheduler(DEFAULT_SCHEDULER_SETTINGS);
	const byDeck = new Map<string, CardRow[]>();
	for (const card of await db.cards.toArray())
		byDeck.set(card.deckId, [...(byDeck.get(card.deckId) ?? []), card]);
	for (const cards of byDeck.values())
		for (const [i, card] of cards.slice(0, 3).entries())
			await answerCard(db, {
				shown: card,
				rating: i === 0 ? 1 : 3,
				nowMs: NOW - 3 * 86_400_000,
				durationMs: 1,
				scheduler,
				dayCutoffHour: 4
			});
}

/** Answers every card the session shows ("Good"), returning them in order. */
async function practiseAll(session: PracticeSession): Promise<CardRow[]> {
	const shown: CardRow[] = [];
	while (session.status === 'question' && shown.length < 100) {
		shown.push(session.card!);
		session.reveal();
		await session.answer(3);
	}
	return shown;
}

describe('group practice', () => {
	it("practises a group test's missed cards from several decks, never changing a card", async () => {
		await articleDb();
		const cards = await db.cards.toArray();
		const missed = ['belarus-tilt-actors', LATE_DECK, 'belarus-tilt-figures'].map(
			(deckId) => cards.find((c) => c.deckId === deckId)!.id
		);
		// The link the group test's report follows ("Practise missed cards").
		const test = new TestScreen(db, '', new URLSearchParams({ group: GROUP }));
		const href = new URL(test.practiceHref(missed), 'http://x');
		expect(href.pathname).toBe('/practice');
		expect(href.searchParams.get('group')).toBe(GROUP);
		const link = { filter: filterFromParams(href.searchParams), counts: false };
		expect(link.filter.cardIds).toEqual(missed);

		const screen = new PracticeScreen(db, SCOPE, () => NOW);
		await screen.load(link);
		expect(screen.title).toBe(GROUP);
		expect(screen.readinessHref).toBe(`/readiness?group=${encodeURIComponent(GROUP)}`);
		const session = screen.session!;
		await expect.poll(() => session.status).toBe('question');
		expect(session.total).toBe(3);
		expect(session.rendered).not.toBeNull();
		const shown = await practiseAll(session);
		expect(session.status).toBe('done');
		expect(new Set(shown.map((c) => c.id))).toEqual(new Set(missed));
		expect(new Set(shown.map((c) => c.deckId)).size).toBe(3);
		// Schedules untouched; one practice log per card, each on its own deck's study day.
		expect(await db.cards.toArray()).toEqual(cards);
		const logs = await db.reviewLogs.filter((l) => l.kind === 'practice').toArray();
		expect(logs.map((l) => l.cardId).sort()).toEqual([...missed].sort());
		for (const log of logs) {
			const cutoff = log.cardId === missed[1] ? 12 : 4;
			expect(log.studyDay, log.cardId).toBe(studyDayOf(NOW, cutoff));
		}
		expect(studyDayOf(NOW, 12)).not.toBe(studyDayOf(NOW, 4));
	});

	it("practises the group's weakest cards: the ones its readiness lists, across decks", async () => {
		await articleDb();
		const before = await db.cards.toArray();
		const readiness = await groupReadinessView(db, GROUP, NOW);
		const weakest = readiness!.weakest.slice(0, 5).map((w) => w.cardId);
		expect(new Set(weakest.map((id) => before.find((c) => c.id === id)!.deckId)).size).toBeGreaterThan(1);

		const session = new PracticeSession(db, SCOPE, { ...NO_FILTER, weakest: 5 }, false, () => NOW);
		await session.start();
		const shown = await practiseAll(session);
		expect(shown.map((c) => c.id)).toEqual(weakest);
		expect(await db.cards.toArray()).toEqual(before);
	});

	it("counts answers as reviews, when asked, with the card's own deck's day", async () => {
		await articleDb();
		const card = (await cardsOfDeck(db, LATE_DECK).toArray())[0]!;
		const filter = { ...NO_FILTER, cardIds: [card.id] };
		const session = new PracticeSession(db, SCOPE, filter, true, () => NOW);
		await session.start();
		session.reveal();
		await session.answer(3);
		expect((await db.cards.get(card.id))!.rev).toBe(card.rev + 1);
		expect((await db.reviewLogs.toArray()).at(-1)).toMatchObject({
			kind: 'review',
			cardId: card.id,
			studyDay: studyDayOf(NOW, 12)
		});
	});

	it('offers the tags of every deck, and says "not found" for a group with no decks', async () => {
		await articleDb();
		const screen = new PracticeScreen(db, SCOPE, () => NOW);
		await screen.load();
		expect(screen.session).toBeNull();
		expect(screen.tags).toEqual(expect.arrayContaining(['cause', 'date', 'actor']));
		expect(await loadPracticeSource(db, groupScopeKey('Nothing'), NOW)).toBeNull();
		const missing = new PracticeScreen(db, groupScopeKey('Nothing'), () => NOW);
		await missing.load();
		expect(missing.title).toBeNull();
	});
});
