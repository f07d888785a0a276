/**
 * Exam plans and test results (tables of schema v3), and the one-transaction write of a plan: the plan
 * row, the exam's new cards moved to the front of the new-card order, and reviews brought forward.
 */
import type { ExamPlanRow } from '$lib/domain/exam/exam-plan';
import type { TagScore } from '$lib/domain/exam/test-grading';
import { Queue, type CardRow, type NoteRow } from '$lib/domain/model';
import type { Table } from 'dexie';
import type { KartkaDB } from './db';

export interface TestResultRow {
	id?: number;
	deckId: string;
	takenMs: number;
	seed: string;
	questionCount: number;
	/** 0..1 */
	score: number;
	durationMs: number;
	/** Null for an untimed test. */
	timeLimitMs: number | null;
	/** The card filter, in words. */
	filterLabel: string;
	byTag: TagScore[];
	missedCardIds: string[];
}

/**
 * New cards the exam covers are introduced first: their `newPosition` is lowered by this much while the
 * plan lasts (and raised back when it is removed), so the deck's own order is kept within each group.
 */
export const EXAM_PRIORITY_OFFSET = 1e12;

export function examPlans(db: KartkaDB): Table<ExamPlanRow, string> {
	return db.table('examPlans');
}

export function testResults(db: KartkaDB): Table<TestResultRow, number> {
	return db.table('testResults');
}

export function getExamPlan(db: KartkaDB, deckId: string): Promise<ExamPlanRow | undefined> {
	return examPlans(db).get(deckId);
}

/** Everything the exam screens read about a deck, in one read transaction. */
export async function readDeckStudyState(db: KartkaDB, deckId: string, studyDay: number) {
	return db.transaction('r', [db.cards, db.notes, db.reviewLogs, examPlans(db)], async () => {
		const [cards, notes, todaysLogs, plan] = await Promise.all([
			db.cards.where('deckId').equals(deckId).toArray(),
			db.notes.where('deckId').equals(deckId).toArray(),
			db.reviewLogs.where('[deckId+studyDay]').equals([deckId, studyDay]).toArray(),
			examPlans(db).get(deckId)
		]);
		return { cards, notes, todaysLogs, plan };
	});
}

function restoreOrder(card: CardRow): CardRow {
	return card.newPosition < 0 ? { ...card, newPosition: card.newPosition + EXAM_PRIORITY_OFFSET } : card;
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
	return db.transaction('rw', [db.cards, db.notes, examPlans(db)], async () => {
		const notes = await db.notes.where('deckId').equals(plan.deckId).toArray();
		const inScope = new Set(notesInScope(notes, plan.tags).map((n) => n.id));
		const stored = await db.cards.where('deckId').equals(plan.deckId).toArray();
		const cards = stored.map(restoreOrder);
		// The order of new cards is not part of a card's schedule: changing it does not bump `rev`.
		const prioritize = (c: CardRow) => plan.tags.length > 0 && c.queue === Queue.New && inScope.has(c.noteId);
		const changed = new Map<string, CardRow>();
		cards.forEach((card, i) => {
			const next = prioritize(card)
				? { ...card, newPosition: card.newPosition - EXAM_PRIORITY_OFFSET }
				: card;
			if (next.newPosition !== stored[i]!.newPosition) changed.set(card.id, next);
		});
		const moved = reschedule(cards, inScope);
		const storedById = new Map(stored.map((c) => [c.id, c]));
		for (const card of moved)
			changed.set(card.id, {
				...card,
				newPosition: changed.get(card.id)?.newPosition ?? storedById.get(card.id)!.newPosition
			});
		await db.cards.bulkPut([...changed.values()]);
		await examPlans(db).put(plan);
		return { prioritized: cards.filter(prioritize).length, moved: moved.length };
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
		const others = await db.cards
			.where('deckId')
			.equals(deckId)
			.filter((c) => c.queue !== Queue.New && c.newPosition < 0)
			.toArray();
		const all = [...prioritized, ...others].map(restoreOrder);
		await db.cards.bulkPut(all);
		return all.length;
	});
}

/** Removes a deck's plan and puts its new cards back in deck order, in one transaction. */
export async function deleteExamPlan(db: KartkaDB, deckId: string): Promise<void> {
	await db.transaction('rw', [db.cards, examPlans(db)], async () => {
		await restoreNewCardOrder(db, deckId);
		await examPlans(db).delete(deckId);
	});
}

/** Notes an exam with `tags` covers (all when no tag is chosen); removed notes are left out. */
export function notesInScope(notes: readonly NoteRow[], tags: readonly string[]): NoteRow[] {
	return notes.filter((n) => !n.removed && (tags.length === 0 || n.tags.some((t) => tags.includes(t))));
}

export async function addTestResult(db: KartkaDB, row: TestResultRow): Promise<number> {
	return testResults(db).add(row);
}

/** A deck's test results, newest first. */
export function listTestResults(db: KartkaDB, deckId: string, limit = 50): Promise<TestResultRow[]> {
	return testResults(db)
		.where('[deckId+takenMs]')
		.between([deckId, -Infinity], [deckId, Infinity])
		.reverse()
		.limit(limit)
		.toArray();
}
