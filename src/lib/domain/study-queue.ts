/**
 * Today's study queue, built from candidate cards the database read by index. Pure.
 * Order: learning cards that are due; then reviews due by the end of the study day; then new cards
 * up to the daily limit. Siblings of a card studied today are buried until the next study day.
 */
import { Queue, type CardRow } from './model';
import type { SchedulerSettings } from './scheduler-settings';

/** Learning cards due within this window are shown early when nothing else is left (as Anki does). */
export const LEARN_AHEAD_MS = 20 * 60_000;

export interface QueueInput {
	nowMs: number;
	endOfDayMs: number;
	settings: Pick<SchedulerSettings, 'newCardsPerDay' | 'reviewsPerDay' | 'burySiblings'>;
	/** Learning/relearning cards due before the end of the study day, any order. */
	learning: CardRow[];
	/** Review cards due before the end of the study day, oldest due first. */
	review: CardRow[];
	/** New cards in deck order (at least as many as the daily limit allows, plus buried ones). */
	fresh: CardRow[];
	newStudiedToday: number;
	reviewsDoneToday: number;
	/** Notes with a card answered today (their other cards are buried). */
	notesStudiedToday: ReadonlySet<string>;
}

export interface QueueCounts {
	new: number;
	learning: number;
	review: number;
}

export class StudyQueue {
	private learning: CardRow[];
	private review: CardRow[];
	private fresh: CardRow[];
	private readonly buryNotes: Set<string>;

	constructor(private readonly input: QueueInput) {
		const bury = input.settings.burySiblings;
		this.buryNotes = new Set(bury ? input.notesStudiedToday : []);
		// Buried from Browse ("Bury") until the next study day, or a sibling of a card studied today.
		const notBuried = (c: CardRow) =>
			!this.buryNotes.has(c.noteId) && !(c.buriedUntilMs !== undefined && c.buriedUntilMs > input.nowMs);
		this.learning = input.learning
			.filter(
				(c) => c.queue === Queue.Learning && !(c.buriedUntilMs !== undefined && c.buriedUntilMs > input.nowMs)
			)
			.sort((a, b) => a.dueMs - b.dueMs);
		const reviewLeft = Math.max(0, input.settings.reviewsPerDay - input.reviewsDoneToday);
		this.review = input.review.filter((c) => c.queue === Queue.Review && notBuried(c));
		this.review = this.uniqueNotes(this.review).slice(0, reviewLeft);
		const newLeft = Math.max(0, input.settings.newCardsPerDay - input.newStudiedToday);
		const fresh = input.fresh.filter((c) => c.queue === Queue.New && notBuried(c));
		this.fresh = this.uniqueNotes(fresh, this.review).slice(0, newLeft);
	}

	/** With burying on, one card per note a day: drop later siblings within a list. */
	private uniqueNotes(cards: CardRow[], taken: CardRow[] = []): CardRow[] {
		if (!this.input.settings.burySiblings) return cards;
		const seen = new Set(taken.map((c) => c.noteId));
		return cards.filter((c) => (seen.has(c.noteId) ? false : (seen.add(c.noteId), true)));
	}

	/** Every card still queued today (to prefetch their notes in one read). */
	cards(): CardRow[] {
		return [...this.learning, ...this.review, ...this.fresh];
	}

	counts(): QueueCounts {
		return { new: this.fresh.length, learning: this.learning.length, review: this.review.length };
	}

	get isEmpty(): boolean {
		return this.learning.length + this.review.length + this.fresh.length === 0;
	}

	/** The next card to show at `nowMs`, or null when nothing is due (learning cards may wait). */
	next(nowMs: number): CardRow | null {
		const learning = this.learning[0];
		if (learning && learning.dueMs <= nowMs) return learning;
		const review = this.review[0];
		if (review) return review;
		const fresh = this.fresh[0];
		if (fresh) return fresh;
		if (learning && learning.dueMs <= nowMs + LEARN_AHEAD_MS) return learning;
		return null;
	}

	/** Epoch ms of the next learning card waiting later today, if any. */
	nextLearningDueMs(): number | null {
		return this.learning[0]?.dueMs ?? null;
	}

	/** Take the answered card out and put its new state back if it is due again today. */
	answered(updated: CardRow): void {
		this.remove(updated.id);
		if (this.input.settings.burySiblings) {
			this.buryNotes.add(updated.noteId);
			const sibling = (c: CardRow) => c.noteId !== updated.noteId;
			this.review = this.review.filter(sibling);
			this.fresh = this.fresh.filter(sibling);
		}
		if (updated.queue === Queue.Learning && updated.dueMs < this.input.endOfDayMs) {
			this.learning.push(updated);
			this.learning.sort((a, b) => a.dueMs - b.dueMs);
		}
	}

	remove(cardId: string): void {
		this.learning = this.learning.filter((c) => c.id !== cardId);
		this.review = this.review.filter((c) => c.id !== cardId);
		this.fresh = this.fresh.filter((c) => c.id !== cardId);
	}
}
