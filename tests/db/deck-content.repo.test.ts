import { afterEach, describe, expect, it } from 'vitest';
import type { KartkaDB } from '$lib/db/db';
import { applyDeckContent } from '$lib/db/deck-content.repo';
import { answerCard } from '$lib/db/review.repo';
import { createScheduler } from '$lib/domain/fsrs-adapter';
import { Queue } from '$lib/domain/model';
import { CardState, Rating } from '$lib/domain/schedule';
import { DEFAULT_SCHEDULER_SETTINGS } from '$lib/domain/scheduler-settings';
import { makeNote } from '../helpers/cards';
import { deckRow, freshDb, sampleNotes } from '../helpers/db';

let db: KartkaDB;
afterEach(() => db?.close());
const scheduler = createScheduler({ ...DEFAULT_SCHEDULER_SETTINGS, fuzz: false });

async function study(cardId: string) {
	const shown = (await db.cards.get(cardId))!;
	await answerCard(db, {
		shown,
		rating: Rating.Easy,
		nowMs: 1000,
		durationMs: 1,
		scheduler,
		dayCutoffHour: 4
	});
}

describe('applying deck content', () => {
	it('creates one card per basic note and two per reversible note, in deck order', async () => {
		db = freshDb();
		const summary = await applyDeckContent(db, deckRow('d'), sampleNotes('d', 3, 2), { nowMs: 0 });
		expect(summary).toEqual({ added: 5, updated: 0, removed: 0, unchanged: 0 });
		const cards = await db.cards
			.where('[deckId+queue+newPosition]')
			.between(['d', Queue.New, 0], ['d', Queue.New, Infinity])
			.toArray();
		expect(cards.map((c) => c.id)).toEqual([
			'd/b0#0',
			'd/b1#0',
			'd/b2#0',
			'd/r0#0',
			'd/r0#1',
			'd/r1#0',
			'd/r1#1'
		]);
	});

	it('applying the same content again duplicates nothing and keeps progress', async () => {
		db = freshDb();
		await applyDeckContent(db, deckRow('d'), sampleNotes('d', 3, 2), { nowMs: 0 });
		await study('d/b1#0');
		const before = await db.cards.toArray();
		const summary = await applyDeckContent(db, deckRow('d'), sampleNotes('d', 3, 2), { nowMs: 5 });
		expect(summary).toEqual({ added: 0, updated: 0, removed: 0, unchanged: 5 });
		expect(await db.cards.toArray()).toEqual(before);
	});

	it('a new version updates changed text, adds new notes and suspends missing ones, keeping schedules', async () => {
		db = freshDb();
		await applyDeckContent(db, deckRow('d'), sampleNotes('d', 3), { nowMs: 0 });
		await study('d/b0#0');
		await study('d/b2#0');
		const studied = (await db.cards.get('d/b0#0'))!;
		const v2 = [
			makeNote('d', 'b0', 0, { fields: { front: 'Q b0 (fixed typo)', back: 'A b0' } }),
			makeNote('d', 'b1', 1),
			makeNote('d', 'new', 2)
		];
		const summary = await applyDeckContent(db, deckRow('d', { version: '1.1.0' }), v2, { nowMs: 10 });
		expect(summary).toEqual({ added: 1, updated: 1, removed: 1, unchanged: 1 });
		expect((await db.notes.get('d/b0'))!.fields.front).toBe('Q b0 (fixed typo)');
		const kept = (await db.cards.get('d/b0#0'))!;
		expect(kept.state).toBe(CardState.Review);
		expect(kept.dueMs).toBe(studied.dueMs);
		expect(kept.stability).toBe(studied.stability);
		const removed = (await db.cards.get('d/b2#0'))!;
		expect(removed.queue).toBe(Queue.Suspended);
		expect(removed.state).toBe(CardState.Review);
		expect((await db.notes.get('d/b2'))!.removed).toBe(true);
		expect(await db.reviewLogs.where('cardId').equals('d/b2#0').count()).toBe(1);
		// The note comes back in a later version: its card returns with its history.
		await applyDeckContent(db, deckRow('d'), [...v2, makeNote('d', 'b2', 3)], { nowMs: 20 });
		expect((await db.cards.get('d/b2#0'))!.queue).toBe(Queue.Review);
	});

	it('deletes missing notes, their cards and logs when asked to', async () => {
		db = freshDb();
		await applyDeckContent(db, deckRow('d'), sampleNotes('d', 2), { nowMs: 0 });
		await study('d/b1#0');
		const summary = await applyDeckContent(db, deckRow('d'), sampleNotes('d', 1), {
			nowMs: 1,
			missing: 'delete'
		});
		expect(summary.removed).toBe(1);
		expect(await db.notes.get('d/b1')).toBeUndefined();
		expect(await db.cards.get('d/b1#0')).toBeUndefined();
		expect(await db.reviewLogs.count()).toBe(0);
	});

	it('suspends the card of a cloze removed from the text', async () => {
		db = freshDb();
		const cloze = (text: string) => makeNote('d', 'c', 0, { kind: 'cloze', fields: { text } });
		await applyDeckContent(db, deckRow('d'), [cloze('{{c1::a}} {{c2::b}}')], { nowMs: 0 });
		await applyDeckContent(db, deckRow('d'), [cloze('{{c1::a}} b {{c3::c}}')], { nowMs: 1 });
		const cards = await db.cards.orderBy('id').toArray();
		expect(cards.map((c) => [c.id, c.queue])).toEqual([
			['d/c#1', Queue.New],
			['d/c#2', Queue.Suspended],
			['d/c#3', Queue.New]
		]);
	});
});
