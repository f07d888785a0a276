// Version 3 adds the exam tables: a database with study data of the version before upgrades with its
// cards kept, and examPlans and testResults work.
import { describe, expect, it } from 'vitest';
import { KartkaDB, SCHEMA_VERSION } from '$lib/db/db';
import { SCHEMA_LADDER } from '$lib/db/schema/ladder';
import { getExamPlan, listTestResults } from '$lib/db/exam.repo';
import { Queue } from '$lib/domain/model';
import { CardState } from '$lib/domain/schedule';
import { makeCard, makeNote } from '../../helpers/cards';
import { deckRow } from '../../helpers/db';

describe('schema v3', () => {
	it('adds examPlans and testResults to a database with study data of the version before', async () => {
		const before = Math.max(...[...SCHEMA_LADDER.keys()].filter((v) => v < 3));
		const name = `exam-v3-${crypto.randomUUID()}`;
		const old = new KartkaDB(name, before);
		await old.decks.add(deckRow('d'));
		await old.notes.add(makeNote('d', 'n', 0, { tags: ['date'] }));
		await old.cards.add(
			makeCard({ id: 'd/n#0', queue: Queue.Review, state: CardState.Review, dueMs: 5, stability: 3 })
		);
		old.close();
		const db = new KartkaDB(name);
		await db.open();
		expect(db.verno).toBe(SCHEMA_VERSION);
		expect(await db.examPlans.count()).toBe(0);
		expect(await db.testResults.count()).toBe(0);
		expect(await db.cards.get('d/n#0')).toMatchObject({ dueMs: 5, stability: 3 });
		await db.examPlans.put({
			deckId: 'd',
			examDate: '2026-06-01',
			tags: [],
			targetRecall: 0.9,
			startDay: 1,
			updatedMs: 1
		});
		await db.testResults.add({
			deckId: 'd',
			takenMs: 2,
			seed: 's',
			questionCount: 1,
			score: 1,
			durationMs: 1,
			timeLimitMs: null,
			filterLabel: 'all cards',
			byTag: [],
			missedCardIds: []
		});
		expect(await getExamPlan(db, 'd')).toMatchObject({ examDate: '2026-06-01' });
		expect(await listTestResults(db, 'd')).toHaveLength(1);
		db.close();
	});
});
