// Issue 12: a deck update keeps the exam priority of new cards whose note content changed, and "Keep them
// active" leaves notes missing from an update exactly as they were (not suspended, not removed).
import { afterEach, describe, expect, it } from 'vitest';
import type { KartkaDB } from '$lib/db/db';
import { applyDeckContent } from '$lib/db/deck-content.repo';
import { dateOfStudyDay } from '$lib/domain/exam/exam-plan';
import { Queue } from '$lib/domain/model';
import { studyDayOf } from '$lib/domain/study-day';
import { setExamPlan } from '$lib/services/exam/exam-plan.service';
import { deckRow, dumpTables, freshDb, sampleNotes, seedDeck } from '../helpers/db';
import { cardsOfDeck } from '$lib/db/cards-of-decks.repo';

const NOW = new Date(2026, 10, 30, 12).getTime();
let db: KartkaDB;
afterEach(() => db?.close());

describe('deck updates', () => {
	it('a changed note keeps its new cards in the exam priority group', async () => {
		db = freshDb();
		// Notes b0 and b1 are in the exam (tag "exam"); b2, b3 are not.
		const notes = sampleNotes('d', 4, 0).map((n, i) => (i < 2 ? { ...n, tags: ['exam'] } : n));
		await applyDeckContent(db, deckRow('d'), notes, { nowMs: NOW });
		await setExamPlan(db, 'd', { examDate: dateOfStudyDay(studyDayOf(NOW, 4) + 20), tags: ['exam'] }, NOW);
		const prioritized = (await cardsOfDeck(db, 'd').toArray()).filter((c) => c.newPosition < 0);
		expect(prioritized.length).toBe(2);
		const changed = notes.map((n, i) =>
			i === 0 ? { ...n, fields: { ...n.fields, front: 'Edited front' } } : n
		);
		await applyDeckContent(db, deckRow('d'), changed, { nowMs: NOW + 1000 });
		const after = await cardsOfDeck(db, 'd').toArray();
		expect(
			after
				.filter((c) => c.newPosition < 0)
				.map((c) => c.id)
				.sort()
		).toEqual(prioritized.map((c) => c.id).sort());
		// And b0 keeps its place among them (the same position as before).
		expect(after.find((c) => c.id === 'd/b0#0')!.newPosition).toBe(prioritized[0]!.newPosition);
	});

	it('"Keep them active": notes missing from the update stay as they were', async () => {
		db = freshDb();
		await seedDeck(db, 'd', 4, 0);
		const before = await dumpTables(db);
		const update = sampleNotes('d', 2, 0); // b2, b3 missing
		const summary = await applyDeckContent(db, deckRow('d'), update, { nowMs: NOW, missing: 'keep' });
		expect(summary.removed).toBe(0);
		const after = await dumpTables(db);
		expect(after.cards).toEqual(before.cards);
		expect(after.notes).toEqual(before.notes);
		expect((await db.cards.toArray()).every((c) => c.queue !== Queue.Suspended)).toBe(true);
	});
});
