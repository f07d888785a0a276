/**
 * Exam plans and test results (tables of schema v3), and the one-transaction write of a plan: the plan
 * row, the exam's new cards moved to the front of the new-card order, and reviews brought forward
 * (what changes is decided by domain/exam/exam-priority.ts). Sync (issue 14): the plan, its removal and
 * each test result are queued in the same transaction, and the reviews a plan brings forward are
 * 'manual' review logs (domain/exam/exam-move-logs.ts), so that cards stay the replay of their logs.
 */
import type { ExamPlanRow } from '$lib/domain/exam/exam-plan';
import { examPlanChanges, withDeckOrder } from '$lib/domain/exam/exam-priority';
import { examMoveLogs } from '$lib/domain/exam/exam-move-logs';
import type { TestResultRow } from '$lib/domain/exam/test-result';
import { Queue, type CardRow } from '$lib/domain/model';
import { docId } from '$lib/domain/sync/doc-ids';
import type { KartkaDB } from './db';
import { cardsOfDeck, cardsOfDeckById } from './cards-of-decks.repo';
import { withoutSuspended } from './suspended-cards.repo';
import { deviceIdOf, outboxTable, syncMetaTable, trackChanges } from './sync-tracking.repo';
import { addNewLogs } from './sync-outbox-batches.repo';

/** Every table a plan's write (or removal) touches: a caller's wider transaction must include them. */
export function examPlanTables(db: KartkaDB) {
	return [db.cards, db.notes, db.examPlans, db.reviewLogs, outboxTable(db), syncMetaTable(db)];
}

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
	reschedule: (cards: CardRow[], inScopeNotes: ReadonlySet<string>) => CardRow[],
	dayCutoffHour = 0
): Promise<{ prioritized: number; moved: number }> {
	return db.transaction('rw', examPlanTables(db), async () => {
		const notes = await db.notes.where('deckId').equals(plan.deckId).toArray();
		const stored = await cardsOfDeckById(db, plan.deckId);
		const { puts, prioritized, moved } = examPlanChanges(stored, notes, plan, reschedule);
		await db.cards.bulkPut(puts);
		await addNewLogs(db, examMoveLogs(stored, puts, plan.updatedMs, dayCutoffHour));
		// A plan written here is this device's change (a pulled one carries its own device).
		const { changedBy: _pulledFrom, ...own } = plan as ExamPlanRow & { changedBy?: string };
		await db.examPlans.put(own);
		await trackChanges(db, [docId('exam', plan.deckId)], plan.updatedMs);
		return { prioritized, moved };
	});
}

/**
 * The new-card order a plan implies (its exam's new cards first), recomputed on this device; no due
 * date moves (those arrive as logs). For a plan pulled from another device, inside the pull's
 * transaction; without a plan the deck's own order comes back.
 */
export async function reorderForPlan(db: KartkaDB, deckId: string): Promise<void> {
	const plan = await db.examPlans.get(deckId);
	if (!plan) {
		await restoreNewCardOrder(db, deckId);
		return;
	}
	const notes = await db.notes.where('deckId').equals(deckId).toArray();
	const stored = await cardsOfDeckById(db, deckId);
	await db.cards.bulkPut(examPlanChanges(stored, notes, plan, () => []).puts);
}

/** Puts a deck's new cards back in deck order (the plan ended or was removed). Returns how many moved. */
export async function restoreNewCardOrder(db: KartkaDB, deckId: string): Promise<number> {
	return db.transaction('rw', db.cards, async () => {
		const prioritized = await db.cards
			.where('[deckId+queue+newPosition]')
			.between([deckId, Queue.New, -Infinity], [deckId, Queue.New, 0])
			.toArray()
			// (a suspended new card is in this index too since schema v11: `others` has it)
			.then(withoutSuspended);
		// Cards prioritized while new and studied since keep a negative position too: fix them all.
		const others = await cardsOfDeck(db, deckId)
			.filter((c) => c.queue !== Queue.New && c.newPosition < 0)
			.toArray();
		const all = [...prioritized, ...others].map(withDeckOrder);
		await db.cards.bulkPut(all);
		return all.length;
	});
}

/**
 * Removes a deck's plan and puts its new cards back in deck order, in one transaction; the removal is
 * queued for sync (a tombstone). Due dates the plan brought forward stay (they are review logs).
 */
export async function deleteExamPlan(db: KartkaDB, deckId: string, nowMs = Date.now()): Promise<void> {
	await db.transaction('rw', examPlanTables(db), async () => {
		await restoreNewCardOrder(db, deckId);
		if (!(await db.examPlans.get(deckId))) return;
		await db.examPlans.delete(deckId);
		await trackChanges(db, [docId('exam', deckId)], nowMs);
	});
}

/**
 * Stores a result with its globally unique id (`<device>-<local id>`, as review logs have) and queues
 * it, in one transaction: results never conflict, every device keeps the union.
 */
export async function addTestResult(db: KartkaDB, row: TestResultRow): Promise<number> {
	return db.transaction('rw', [db.testResults, outboxTable(db), syncMetaTable(db)], async () => {
		// `id` is auto-incremented: add always returns the new key.
		const id = (await db.testResults.add(row)) as number;
		const uid = `${await deviceIdOf(db)}-${id}`;
		await db.testResults.update(id, { uid } as Partial<TestResultRow>);
		await trackChanges(db, [docId('result', uid)], row.takenMs);
		return id;
	});
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
