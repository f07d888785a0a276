// Issue 13: the study screen shows its first card before the scheduler (ts-fsrs) has loaded; the answer
// buttons' intervals appear once it is there, and an answer given earlier waits for it (nothing is lost).
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { KartkaDB } from '$lib/db/db';
import { saveGlobalSettings } from '$lib/db/settings.repo';
import { Rating } from '$lib/domain/schedule';
import { SCHEDULER_FAILED_MESSAGE } from '$lib/state/card-session.svelte';
import { ReviewSession } from '$lib/state/review-session.svelte';
import { freshDb, seedDeck } from '../helpers/db';

/** Holds the scheduler's load until the test lets it through. */
const gate = vi.hoisted(() => ({ open: Promise.resolve(), release: () => {} }));
vi.mock('$lib/services/study-settings.service', async (importOriginal) => {
	const actual = await importOriginal<typeof import('$lib/services/study-settings.service')>();
	return {
		...actual,
		schedulerFor: async (...args: Parameters<typeof actual.schedulerFor>) => {
			await gate.open;
			return actual.schedulerFor(...args);
		}
	};
});

const NOW = Date.UTC(2026, 10, 28, 12);
let db: KartkaDB;
afterEach(() => db?.close());

describe('ReviewSession before its scheduler has loaded', () => {
	it('shows the first card, then the intervals; an early answer waits and is saved once', async () => {
		db = freshDb();
		await seedDeck(db, 'd', 3, 0);
		await saveGlobalSettings(db, { fuzz: false });
		gate.open = new Promise<void>((resolve) => (gate.release = resolve));
		const session = new ReviewSession(db, 'd', () => NOW);
		const started = session.start();

		await vi.waitFor(() => expect(session.status).toBe('question'));
		expect(session.card?.id).toBe('d/b0#0');
		expect(session.labels).toBeNull();

		session.reveal();
		const answering = session.answer(Rating.Good);
		await new Promise((resolve) => setTimeout(resolve, 20));
		expect(await db.reviewLogs.count()).toBe(0);

		gate.release();
		await Promise.all([started, answering]);
		expect(await db.reviewLogs.count()).toBe(1);
		expect(session.answered).toBe(1);
		expect(session.card?.id).toBe('d/b1#0');
		expect(session.labels?.[Rating.Again]).toMatch(/min/);
	});

	it('keeps the card when the scheduler cannot load (offline, not cached), and "Try again" loads it', async () => {
		db = freshDb();
		await seedDeck(db, 'd', 3, 0);
		await saveGlobalSettings(db, { fuzz: false });
		gate.open = Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
		gate.open.catch(() => undefined);
		const session = new ReviewSession(db, 'd', () => NOW);
		await session.start();

		// Not the error screen: the card is there, the reason is said, nothing is answerable yet.
		expect(session.status).toBe('question');
		expect(session.card?.id).toBe('d/b0#0');
		expect(session.schedulerFailed).toBe(true);
		expect(session.message).toBe(SCHEDULER_FAILED_MESSAGE);
		session.reveal();
		await session.answer(Rating.Good);
		expect(await db.reviewLogs.count()).toBe(0);
		expect(session.labels).toBeNull();

		gate.open = Promise.resolve();
		session.retryScheduler();
		await vi.waitFor(() => expect(session.labels?.[Rating.Good]).toBeTruthy());
		expect(session.schedulerFailed).toBe(false);
		await session.answer(Rating.Good);
		expect(await db.reviewLogs.count()).toBe(1);
		expect(session.card?.id).toBe('d/b1#0');
	});
});
