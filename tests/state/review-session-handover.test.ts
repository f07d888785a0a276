// A first visit's study screen starts from the queue the installer worker read where it had just written the
// deck (issue 13): the page shows the first card without reading the database, and answers still go through
// the database in one transaction, refused if the card changed since it was read.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { KartkaDB } from '$lib/db/db';
import { logsOfCard } from '$lib/db/review.repo';
import { saveGlobalSettings } from '$lib/db/settings.repo';
import { CardChangedError } from '$lib/domain/errors';
import { Rating } from '$lib/domain/schedule';
import { readStudyStart, type StudyStart } from '$lib/services/study-start.service';
import { ReviewSession } from '$lib/state/review-session.svelte';
import { freshDb, seedDeck } from '../helpers/db';

const handover = vi.hoisted(() => ({ start: null as StudyStart | null, taken: [] as string[] }));
vi.mock('$lib/state/app-ready', async (original) => ({
	...(await original<object>()),
	takeStudyStart: (deckId: string) => {
		handover.taken.push(deckId);
		const start = handover.start?.deckId === deckId ? handover.start : null;
		handover.start = null;
		return start;
	}
}));

const NOW = Date.UTC(2026, 10, 28, 12);
let db: KartkaDB;

afterEach(() => {
	db?.close();
	handover.start = null;
	handover.taken = [];
});

async function seeded() {
	db = freshDb();
	await seedDeck(db, 'd', 5, 0);
	await saveGlobalSettings(db, { fuzz: false });
}

describe('the study start handed over by the installer worker', () => {
	it('holds the deck title, its settings, the queue and the note of every queued card', async () => {
		await seeded();
		const start = await readStudyStart(db, 'd', NOW);
		expect(start.deckId).toBe('d');
		expect(start.deckTitle).toBe('Deck d');
		expect(start.input.fresh.map((c) => c.id)).toContain('d/b0#0');
		const noteIds = new Set(start.notes.map((n) => n.id));
		for (const card of start.input.fresh) expect(noteIds.has(card.noteId)).toBe(true);
		// Posted from the worker: it must survive a structured clone.
		expect(structuredClone(start)).toEqual(start);
	});

	it('shows its first card (not a database read), then answers through the database', async () => {
		await seeded();
		handover.start = { ...(await readStudyStart(db, 'd', NOW)), deckTitle: 'Handed over' };
		let t = NOW;
		const session = new ReviewSession(db, 'd', () => (t += 7000));
		await session.start();
		expect(handover.taken).toEqual(['d']);
		expect(session.deckTitle).toBe('Handed over');
		expect(session.status).toBe('question');
		expect(session.card?.id).toBe('d/b0#0');
		expect(session.counts).toEqual({ new: 5, learning: 0, review: 0 });
		session.reveal();
		await session.answer(Rating.Good);
		expect(await logsOfCard(db, 'd/b0#0')).toHaveLength(1);
		expect(session.answered).toBe(1);
	});

	it('does not construct the database before that first card when given it as a function (the route)', async () => {
		await seeded();
		handover.start = await readStudyStart(db, 'd', NOW);
		let constructed = 0;
		const session = new ReviewSession(
			() => (constructed++, db),
			'd',
			() => NOW + 7000
		);
		const started = session.start();
		await vi.waitFor(() => expect(session.status).toBe('question'));
		expect(constructed).toBe(0);
		await started;
		session.reveal();
		await session.answer(Rating.Good);
		expect(constructed).toBeGreaterThan(0);
		expect(await logsOfCard(db, 'd/b0#0')).toHaveLength(1);
	});

	it('refuses the first answer when the card changed after the worker read it, writing nothing', async () => {
		await seeded();
		handover.start = await readStudyStart(db, 'd', NOW);
		const session = new ReviewSession(db, 'd', () => NOW + 7000);
		await session.start();
		const shown = session.card!;
		await db.cards.update(shown.id, { rev: 99 });
		session.reveal();
		await session.answer(Rating.Good);
		expect(session.message).toBe(new CardChangedError(shown.id).message);
		expect(await logsOfCard(db, shown.id)).toEqual([]);
		expect(session.answered).toBe(0);
	});

	it('reads the database when nothing was handed over (a usual start)', async () => {
		await seeded();
		const session = new ReviewSession(db, 'd', () => NOW);
		await session.start();
		expect(session.deckTitle).toBe('Deck d');
		expect(session.card?.id).toBe('d/b0#0');
	});
});
