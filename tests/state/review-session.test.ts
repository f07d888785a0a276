// The study screen's session driven as the screen drives it, over fake-indexeddb with a fixed clock.
import { afterEach, describe, expect, it } from 'vitest';
import type { KartkaDB } from '$lib/db/db';
import { answerCard, logsOfCard } from '$lib/db/review.repo';
import { CardChangedError } from '$lib/domain/errors';
import { saveGlobalSettings } from '$lib/db/settings.repo';
import { createScheduler } from '$lib/domain/fsrs-adapter';
import { Rating } from '$lib/domain/schedule';
import { DEFAULT_SCHEDULER_SETTINGS } from '$lib/domain/scheduler-settings';
import { UNDONE_MESSAGE } from '$lib/state/card-session.svelte';
import { ReviewSession, UNDO_REFUSED_MESSAGE } from '$lib/state/review-session.svelte';
import { dumpTables, freshDb, seedDeck } from '../helpers/db';

const NOW = Date.UTC(2026, 10, 28, 12);
const STEP_MS = 7000;
let db: KartkaDB;

afterEach(() => db?.close());

/** A deck of `basic` one-card notes, no fuzz, and a session whose clock moves 7 s per reading. */
async function studying(basic = 5) {
	db = freshDb();
	await seedDeck(db, 'd', basic, 0);
	await saveGlobalSettings(db, { fuzz: false });
	let t = NOW;
	const session = new ReviewSession(db, 'd', () => (t += STEP_MS));
	await session.start();
	return session;
}

async function reviewLogs() {
	return (await db.reviewLogs.toArray()).filter((l) => l.kind === 'review');
}

describe('ReviewSession', () => {
	it('starts on the first new card, question side up, with the counts and the interval of each answer', async () => {
		const session = await studying();
		expect(session.status).toBe('question');
		expect(session.deckTitle).toBe('Deck d');
		expect(session.card?.id).toBe('d/b0#0');
		expect(session.rendered?.questionHtml).toBeTruthy();
		expect(session.counts).toEqual({ new: 5, learning: 0, review: 0 });
		expect(session.labels?.[Rating.Again]).toMatch(/min/);
		expect(session.labels?.[Rating.Easy]).toMatch(/day/);
		expect(session.canUndo).toBe(false);
	});

	it('answers only once the answer is shown', async () => {
		const session = await studying();
		await session.answer(Rating.Good);
		expect(await reviewLogs()).toHaveLength(0);
		session.reveal();
		expect(session.status).toBe('answer');
	});

	it('writes the card and its review log in one answer, and moves on to the next card', async () => {
		const session = await studying();
		const shown = session.card!;
		session.reveal();
		await session.answer(Rating.Good);
		const logs = await logsOfCard(db, shown.id);
		expect(logs).toHaveLength(1);
		expect(logs[0]).toMatchObject({ kind: 'review', rating: Rating.Good, durationMs: STEP_MS });
		const card = (await db.cards.get(shown.id))!;
		expect(card.rev).toBe(shown.rev + 1);
		expect(logs[0]!.afterRev).toBe(card.rev);
		expect(session.answered).toBe(1);
		expect(session.answeredBy[Rating.Good]).toBe(1);
		expect(session.canUndo).toBe(true);
		expect(session.status).toBe('question');
		expect(session.card?.id).not.toBe(shown.id);
		expect(session.counts.new).toBe(4);
	});

	it('ignores a second tap while an answer is being saved', async () => {
		const session = await studying();
		session.reveal();
		await Promise.all([session.answer(Rating.Good), session.answer(Rating.Easy)]);
		expect(await reviewLogs()).toHaveLength(1);
		expect(session.answered).toBe(1);
	});

	it('undo restores the card and removes its log, showing the card again', async () => {
		const session = await studying();
		const shown = session.card!;
		session.reveal();
		await session.answer(Rating.Hard);
		await session.undo();
		// The schedule as it was; `rev` moves on (answer, then undo) so that other tabs see the change.
		const restored = { ...shown, rev: shown.rev + 2 };
		expect(await db.cards.get(shown.id)).toEqual(restored);
		expect(await reviewLogs()).toHaveLength(0);
		expect(session.card).toEqual(restored);
		expect(session.status).toBe('question');
		expect(session.message).toBe(UNDONE_MESSAGE);
		expect(session.answered).toBe(0);
		expect(session.answeredBy[Rating.Hard]).toBe(0);
		expect(session.canUndo).toBe(false);
	});

	it('refuses an answer to a card changed in another tab, with the message, and shows it afresh', async () => {
		const session = await studying();
		const shown = session.card!;
		session.reveal();
		// Another tab answers the same card first.
		const scheduler = createScheduler({ ...DEFAULT_SCHEDULER_SETTINGS, fuzz: false });
		const other = await answerCard(db, {
			shown,
			rating: Rating.Easy,
			nowMs: NOW,
			durationMs: 1,
			scheduler,
			dayCutoffHour: 4
		});
		await session.answer(Rating.Again);
		expect(session.message).toBe(new CardChangedError(shown.id).message);
		expect(await logsOfCard(db, shown.id)).toEqual([other.log]);
		expect(await db.cards.get(shown.id)).toEqual(other.card);
		expect(session.answered).toBe(0);
		expect(session.canUndo).toBe(false);
		expect(session.status).toBe('question');
		expect(session.card?.id).not.toBe(shown.id);
	});

	it('refuses to undo an answer whose card was changed since, keeping both the card and the log', async () => {
		const session = await studying();
		const shown = session.card!;
		session.reveal();
		await session.answer(Rating.Good);
		await db.cards.update(shown.id, { rev: 99 });
		const before = await dumpTables(db);
		await session.undo();
		expect(session.message).toBe(UNDO_REFUSED_MESSAGE);
		expect(await dumpTables(db)).toEqual(before);
		expect(session.canUndo).toBe(false);
		expect(session.status).toBe('question');
	});

	it('ends with a summary: answers by rating and when the next card falls due', async () => {
		const session = await studying(2);
		let steps = 0;
		while (session.status === 'question' && steps++ < 10) {
			session.reveal();
			await session.answer(Rating.Easy);
		}
		expect(session.status).toBe('done');
		expect(session.card).toBeNull();
		expect(session.answered).toBe(2);
		expect(session.answeredBy).toEqual({ 1: 0, 2: 0, 3: 0, 4: 2 });
		const due = (await db.cards.toArray()).map((c) => c.dueMs);
		expect(session.nextDueMs).toBe(Math.min(...due));
		expect(session.nextDueMs!).toBeGreaterThan(session.finishedAtMs + 86_400_000);
		expect(session.counts).toEqual({ new: 0, learning: 0, review: 0 });
		expect(session.inProgress).toBe(false);
		// The last answer can still be taken back from the summary.
		await session.undo();
		expect(session.status).toBe('question');
		expect(session.answered).toBe(1);
	});

	it('shows the error when the database fails, keeps the card, and the same answer can be retried (issue 12)', async () => {
		const session = await studying();
		const shown = session.card;
		db.close();
		session.reveal();
		await session.answer(Rating.Good);
		expect(session.status).toBe('answer');
		expect(session.card).toBe(shown);
		expect(session.message).toMatch(/not saved.*retry/);
		await db.open();
		await session.answer(Rating.Good);
		expect(session.answered).toBe(1);
		expect(await db.reviewLogs.count()).toBe(1);
	});
});
