/**
 * While an exam plan lasts, the exam's new cards are introduced first: their `newPosition` is lowered by
 * EXAM_PRIORITY_OFFSET (so the deck's own order is kept within each group) and raised back when the plan
 * ends or is removed. Pure: exam.repo reads the cards and writes what these return.
 */
import { studyDayOfDate, type ExamPlanRow } from './exam-plan';
import { Queue, type CardRow, type NoteRow } from '../model';
import { notesInScope } from './exam-scope';

export const EXAM_PRIORITY_OFFSET = 1e12;

/** The card in the deck's own new-card order (unchanged when it was not prioritized). */
export function withDeckOrder(card: CardRow): CardRow {
	return card.newPosition < 0 ? { ...card, newPosition: card.newPosition + EXAM_PRIORITY_OFFSET } : card;
}

/** Once the exam day has come (or the date is unreadable), the exam's new cards no longer go first. */
export function examPriorityEnded(plan: ExamPlanRow, studyDay: number): boolean {
	const examDay = studyDayOfDate(plan.examDate);
	return examDay === null || examDay <= studyDay;
}

/**
 * The card changes a plan implies. `reschedule` gets the deck's cards (new-card order already restored)
 * and the exam's note ids, and returns the cards whose reviews move. The order of new cards is not part
 * of a card's schedule: changing it does not bump `rev`.
 */
export function examPlanChanges(
	stored: readonly CardRow[],
	notes: readonly NoteRow[],
	plan: ExamPlanRow,
	reschedule: (cards: CardRow[], inScopeNotes: ReadonlySet<string>) => CardRow[]
): { puts: CardRow[]; prioritized: number; moved: number } {
	const inScope = new Set(notesInScope(notes, plan.tags).map((n) => n.id));
	const cards = stored.map(withDeckOrder);
	const prioritize = (c: CardRow) => plan.tags.length > 0 && c.queue === Queue.New && inScope.has(c.noteId);
	const changed = new Map<string, CardRow>();
	cards.forEach((card, i) => {
		const next = prioritize(card) ? { ...card, newPosition: card.newPosition - EXAM_PRIORITY_OFFSET } : card;
		if (next.newPosition !== stored[i]!.newPosition) changed.set(card.id, next);
	});
	const moved = reschedule(cards, inScope);
	const storedById = new Map(stored.map((c) => [c.id, c]));
	for (const card of moved)
		changed.set(card.id, {
			...card,
			newPosition: changed.get(card.id)?.newPosition ?? storedById.get(card.id)!.newPosition
		});
	return { puts: [...changed.values()], prioritized: cards.filter(prioritize).length, moved: moved.length };
}
