// The practice and test sessions driven as the screens drive them, with a fixed clock.
import { describe, expect, it } from 'vitest';
import { applyDeckContent } from '$lib/db/deck-content.repo';
import { listTestResults } from '$lib/db/exam.repo';
import { NO_FILTER } from '$lib/domain/exam/card-filter';
import { createScheduler } from '$lib/domain/fsrs-adapter';
import type { Response } from '$lib/domain/exam/test-model';
import { DEFAULT_SCHEDULER_SETTINGS } from '$lib/domain/scheduler-settings';
import { answerCard } from '$lib/db/review.repo';
import { PracticeSession } from '$lib/state/practice-session.svelte';
import { TestSession } from '$lib/state/test-session.svelte';
import { freshDb } from '../helpers/db';
import { articleDecks } from '../domain/exam/article-decks';

const NOW = new Date(2026, 4, 4, 10, 0).getTime();
const DECK = 'belarus-tilt-figures';

async function deckDb() {
	const db = freshDb();
	const figures = articleDecks().find((d) => d.deck.id === DECK)!;
	await applyDeckContent(db, figures.deck, figures.notes, { nowMs: 0 });
	// Half the cards studied a few days ago, so that "weakest" has something to rank.
	const scheduler = createScheduler(DEFAULT_SCHEDULER_SETTINGS);
	const cards = await db.cards.toArray();
	for (const card of cards.slice(0, 8))
		await answerCard(db, {
			shown: card,
			rating: card.ord % 2 ? 2 : 3,
			nowMs: NOW - 3 * 86_400_000,
			durationMs: 1,
			scheduler,
			dayCutoffHour: 4
		});
	return db;
}

describe('practice session', () => {
	it('studies a filter without moving any card, repeating cards answered Again', async () => {
		const db = await deckDb();
		const before = await db.cards.toArray();
		let t = NOW;
		const session = new PracticeSession(db, DECK, { ...NO_FILTER, weakest: 5 }, false, () => (t += 5000));
		await session.start();
		expect(session.total).toBe(5);
		let shown = 0;
		while (session.status === 'question' && shown < 50) {
			session.reveal();
			await session.answer(shown === 0 ? 1 : 3);
			shown++;
		}
		expect(session.status).toBe('done');
		expect(shown).toBe(6); // the first card came back once after "Again"
		expect(session.rightFirstTime).toBe(4);
		expect(await db.cards.toArray()).toEqual(before);
		const logs = await db.reviewLogs.filter((l) => l.kind === 'practice').toArray();
		expect(logs).toHaveLength(6);
		expect(logs.filter((l) => l.rating === 1)).toHaveLength(1);
	});

	it('counts answers as reviews when asked to', async () => {
		const db = await deckDb();
		const session = new PracticeSession(db, DECK, { ...NO_FILTER, tags: ['figure'] }, true, () => NOW);
		await session.start();
		const first = session.card!;
		session.reveal();
		await session.answer(3);
		const after = (await db.cards.get(first.id))!;
		expect(after.rev).toBe(first.rev + 1);
		expect(after.lastReviewMs).toBe(NOW);
		expect((await db.reviewLogs.toArray()).at(-1)).toMatchObject({ kind: 'review', cardId: first.id });
		await session.undo();
		expect(await db.cards.get(first.id)).toMatchObject({ state: first.state, dueMs: first.dueMs });
	});
});

describe('test session', () => {
	it('takes a 10-question test, saves the score, and leaves the cards alone', async () => {
		const db = await deckDb();
		const before = await db.cards.toArray();
		let t = NOW;
		const session = new TestSession(
			db,
			{ deckId: DECK, filter: NO_FILTER, count: 10, seed: 'unit' },
			60_000 * 10,
			() => (t += 1000)
		);
		await session.start();
		expect(session.status).toBe('running');
		const questions = session.test!.questions;
		expect(questions).toHaveLength(10);
		for (const q of questions) {
			const right: Response =
				q.format === 'choice'
					? { format: 'choice', choice: q.correct }
					: q.format === 'typed'
						? { format: 'typed', text: q.answerParts.join(', ') }
						: q.format === 'true-false'
							? { format: 'true-false', value: !q.isTrue } // deliberately wrong
							: q.format === 'matching'
								? { format: 'matching', picks: [...q.correct] }
								: { format: 'ordering', order: [...q.correctOrder] };
			session.respond(right);
			session.next();
		}
		await session.finish();
		expect(session.status).toBe('report');
		const wrong = questions.filter((q) => q.format === 'true-false').length;
		expect(session.report!.points).toBeCloseTo(10 - wrong, 5);
		const [saved] = await listTestResults(db, DECK);
		expect(saved).toMatchObject({ seed: 'unit', questionCount: 10, timeLimitMs: 600_000 });
		expect(saved!.score).toBeCloseTo((10 - wrong) / 10, 5);
		expect(await db.cards.toArray()).toEqual(before);
	});

	it('shows the score only once the result is stored', async () => {
		const db = await deckDb();
		const session = new TestSession(
			db,
			{ deckId: DECK, filter: NO_FILTER, count: 5, seed: 'stored-first' },
			null,
			() => NOW
		);
		await session.start();
		const finished = session.finish();
		expect(session.status).toBe('running'); // the write is in flight: no score yet
		await finished;
		expect(session.status).toBe('report');
		expect(await listTestResults(db, DECK)).toHaveLength(1);
	});

	it('ends by itself when the time is up', async () => {
		const db = await deckDb();
		let t = NOW;
		const session = new TestSession(
			db,
			{ deckId: DECK, filter: NO_FILTER, count: 5, seed: 'timed' },
			30_000,
			() => t
		);
		await session.start();
		t += 31_000;
		await session.tick();
		expect(session.timedOut).toBe(true);
		expect(session.status).toBe('report');
		expect(session.report!.score).toBe(0);
	});
});
