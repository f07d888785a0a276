// The real Anki files in ../shared/fixtures/anki, parsed and written into the database through the
// import service: what lands in IndexedDB (notes, cards, media rows), and updates that keep progress.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { KartkaDB } from '$lib/db/db';
import { answerCard } from '$lib/db/review.repo';
import { createScheduler } from '$lib/domain/fsrs-adapter';
import { Rating } from '$lib/domain/schedule';
import { DEFAULT_SCHEDULER_SETTINGS } from '$lib/domain/scheduler-settings';
import { importBytes } from '$lib/services/import/import.service';
import { dumpTables, freshDb } from '../../helpers/db';
import { cardsOfDeck } from '$lib/db/cards-of-decks.repo';

const DIR = '../shared/fixtures/anki';
const NOW = Date.UTC(2026, 10, 28, 12);
const file = (name: string) => new Uint8Array(readFileSync(`${DIR}/${name}`));
let db: KartkaDB;
afterEach(() => db?.close());

function run(name: string, extra: Partial<Parameters<typeof importBytes>[2]> = {}) {
	return importBytes(db, file(name), { fileName: name, nowMs: NOW, ...extra });
}

async function counts() {
	return { decks: await db.decks.count(), notes: await db.notes.count(), cards: await db.cards.count() };
}

describe('real Anki packages into the database', () => {
	it.each([
		['update1.apkg', 1, 1],
		['update2.apkg', 1, 1],
		['update3.apkg', 1, 1],
		['media.apkg', 1, 1],
		['diffmodels2-1.apkg', 1, 1],
		['diffmodels2-2.apkg', 1, 2],
		['diffmodeltemplates-1.apkg', 1, 1],
		['diffmodeltemplates-2.apkg', 1, 1]
	])('%s writes %i note(s) and %i card(s)', async (name, notes, cards) => {
		db = freshDb();
		const { plan, result } = await run(name);
		expect({ notes: await db.notes.count(), cards: await db.cards.count() }).toEqual({ notes, cards });
		expect(plan.totals).toMatchObject({ notes, cards });
		expect(result.total.added).toBe(notes);
	});

	it('templates.apkg writes all 48 notes and 146 cards, one deck per Anki deck that has notes', async () => {
		db = freshDb();
		const { plan } = await run('templates.apkg');
		expect(await counts()).toMatchObject({ notes: 48, cards: 146 });
		expect(plan.decks.length).toBe(await db.decks.count());
		// Anki's "1-TEMPLATES::Anatomy" is the deck "Anatomy" in the group "1-TEMPLATES" (issue 11).
		expect(plan.decks.map((d) => [d.deck.group, d.deck.title])).toContainEqual(['1-TEMPLATES', 'Anatomy']);
		const perDeck = await Promise.all(plan.decks.map((d) => cardsOfDeck(db, d.deck.id).count()));
		expect(perDeck).toEqual(plan.decks.map((d) => d.cardCount));
		// Every card renders a question (no card without a front).
		for (const n of await db.notes.toArray())
			expect(Object.values(n.fields).join('').length).toBeGreaterThan(0);
	});

	it('templates.apkg with "Import progress" replays its revlog into review logs and card state', async () => {
		db = freshDb();
		const { plan, result } = await run('templates.apkg', { importProgress: true });
		expect(plan.totals.reviews).toBeGreaterThan(0);
		expect(result.reviewsWritten).toBe(plan.totals.reviews);
		expect(await db.reviewLogs.count()).toBe(plan.totals.reviews);
		const studied = await db.cards.filter((c) => c.reps > 0).toArray();
		expect(studied.length).toBe(plan.replays.length);
		for (const c of studied) expect(c.lastReviewMs).not.toBeNull();
	});

	it('media.apkg keeps its sound reference and writes the media row with the bytes of the file', async () => {
		db = freshDb();
		await run('media.apkg');
		const [note] = await db.notes.toArray();
		expect(Object.values(note!.fields).join(' ')).toContain('[sound:foo.wav]');
		const row = await db.media.get('foo.wav');
		expect(row).toMatchObject({ name: 'foo.wav', deckIds: [note!.deckId] });
		expect(row!.bytes.byteLength).toBe(row!.size);
		expect(row!.bytes.byteLength).toBeGreaterThan(0);
	});

	it('update1 → update2 → update3 updates the one note in place and keeps the schedule of its answered card', async () => {
		db = freshDb();
		await run('update1.apkg');
		const [card] = await db.cards.toArray();
		const scheduler = createScheduler({ ...DEFAULT_SCHEDULER_SETTINGS, fuzz: false });
		const { card: answered } = await answerCard(db, {
			shown: card!,
			rating: Rating.Good,
			nowMs: NOW,
			durationMs: 3000,
			scheduler,
			dayCutoffHour: 4
		});
		const schedule = {
			state: answered.state,
			dueMs: answered.dueMs,
			stability: answered.stability,
			difficulty: answered.difficulty,
			reps: 1
		};

		const second = await run('update2.apkg', { nowMs: NOW + 60_000 });
		expect(second.plan.decks[0]!.summary).toEqual({ added: 0, updated: 1, removed: 0, unchanged: 0 });
		expect(second.result.total).toEqual(second.plan.decks[0]!.summary);
		let notes = await db.notes.toArray();
		expect(notes).toHaveLength(1);
		expect(Object.values(notes[0]!.fields).join(' ')).toContain('goodbye');
		expect(await db.cards.toArray()).toEqual([expect.objectContaining({ id: card!.id, ...schedule })]);

		const third = await run('update3.apkg', { nowMs: NOW + 120_000 });
		expect(third.result.total.removed + third.result.total.added).toBe(0);
		notes = await db.notes.toArray();
		expect(notes).toHaveLength(1);
		expect(await db.cards.toArray()).toEqual([expect.objectContaining({ id: card!.id, ...schedule })]);
		expect(await db.reviewLogs.count()).toBe(1);
	});

	it('re-importing the same package twice duplicates nothing', async () => {
		db = freshDb();
		await run('templates.apkg');
		const before = await dumpTables(db);
		const { result } = await run('templates.apkg', { nowMs: NOW + 1 });
		expect(result.total).toMatchObject({ added: 0, updated: 0, removed: 0, unchanged: 48 });
		const after = await dumpTables(db);
		expect(after.notes).toEqual(before.notes);
		expect(after.cards).toEqual(before.cards);
	});

	it('text-2fields.txt (Anki text export) imports its good lines and reports the bad ones', async () => {
		db = freshDb();
		const { plan } = await run('text-2fields.txt');
		expect(await db.notes.count()).toBe(plan.totals.notes);
		expect(plan.totals.notes).toBeGreaterThan(0);
		expect(plan.warnings.length).toBeGreaterThan(0);
	});
});
