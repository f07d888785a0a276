/**
 * Exam plans and test results (tables of schema v3), and the one-transaction write of a plan: the plan
 * row, the exam's new cards moved to the front of the new-card order, and reviews brought forward
 * (what changes is decided by domain/exam/exam-priority.ts).
 */
import type { ExamPlanRow } from '$lib/domain/exam/exam-plan';
import { examPlanChanges, withDeckOrder } from '$lib/domain/exam/exam-priority';
import type { TestResultRow } from '$lib/domain/exam/test-result';
import { Queue, type CardRow } from '$lib/domain/model';
import type { KartkaDB } from './db';
import { cardsOfDeck, cardsOfDeckById } from './cards-of-decks.repo';

export function getExamPlan(db: KartkaDB, deckId: string): Promise<ExamPlanRow | undefined> {
	return db.examPlans.get(deckId);
}

/** Everything the exam screens read about a deck, in one read transaction. */
export async function readDeckStudyState(db: KartkaDB, deckId: string, studyDay: number) {
	return db.transaction('r', [db.cards, db.notes, db.reviewLogs, db.examPlans], async () => {
		const [cards, notes, todaysLogs, plan] = await Promise.all([
			cardsOfDeckById(db, deckId),
			db.notes.where('deckId').equals(deckId).toArray(),
			db.reviewLogs.where('[deckId+studyDay]').equals([deckId, studyDay]).toArray(),
			db.examPlans.get(deckId)
		]);
		return { cards, notes, todaysLogs, plan };
	});
}

/**
 * Saves `plan` in one transaction with the card changes it implies. `reschedule` gets the deck's cards
 * (new-card order already restored) and the exam's note ids, and returns the cards whose reviews move.
 */
export async function writeExamPlan(
	db: KartkaDB,
	plan: ExamPlanRow,
	reschedule: (cards: CardRow[], inScopeNotes: ReadonlySet<string>) => CardRow[]
): Promise<{ prioritized: number; moved: number }> {
	return db.transaction('rw', [db.cards, db.notes, db.examPlans], async () => {
		const notes = await db.notes.where('deckId').equals(plan.deckId).toArray();
		const stored = await cardsOfDeckById(db, plan.deckId);
		const { puts, prioritized, moved } = examPlanChanges(stored, notes, plan, reschedule);
		await db.cards.bulkPut(puts);
		await db.examPlans.put(plan);
		return { prioritized, moved };
	});
}

/** Puts a deck's new cards back in deck order (the plan ended or was removed). Returns how many moved. */
export async function restoreNewCardOrder(db: KartkaDB, deckId: string): Promise<number> {
	return db.transaction('rw', db.cards, async () => {
		const prioritized = await db.cards
			.where('[deckId+queue+newPosition]')
			.between([deckId, Queue.New, -Infinity], [deckId, Queue.New, 0])
			.toArray();
		// Cards prioritized while new and studied since keep a negative position too: fix them all.
		const others = await cardsOfDeck(db, deckId)
			.filter((c) => c.queue !== Queue.New && c.newPosition < 0)
			.toArray();
		const all = [...prioritized, ...others].map(withDeckOrder);
		await db.cards.bulkPut(all);
		return all.length;
	});
}

/** Removes a deck's plan and puts its new cards back in deck order, in one transaction. */
export async function deleteExamPlan(db: KartkaDB, deckId: string): Promise<void> {
	await db.transaction('rw', [db.cards, db.examPlans], async () => {
		await restoreNewCardOrder(db, deckId);
		await db.examPlans.delete(deckId);
	});
}

export async function addTestResult(db: KartkaDB, row: TestResultRow): Promise<number> {
	// `id` is auto-incremented: add always returns the new key.
	return (await db.testResults.add(row)) as number;
}

/** A deck's test results, newest first. */
export function listTestResults(db: KartkaDB, deckId: string, limit = 50): Promise<TestResultRow[]> {
	return db.testResults
		.where('[deckId+takenMs]')
		.between([deckId, -Infinity], [deckId, Infinity])
		.reverse()
		.limit(limit)
		.toArray();
}
