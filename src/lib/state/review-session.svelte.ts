/**
 * The review session that drives the study screen: shows a card, reveals it, answers it (one
 * transaction per answer), undoes, and ends with a summary. The clock is injected for tests.
 */
import { errorMessage, KartkaError } from '$lib/domain/errors';
import type { KartkaDB } from '$lib/db/db';
import { getDeck, getNotes } from '$lib/db/decks.repo';
import { loadQueueInput, nextDueMs } from '$lib/db/queue.repo';
import { answerCard, CardChangedError, undoAnswer } from '$lib/db/review.repo';
import { renderCard, type RenderedCard } from '$lib/domain/card-render';
import type { Scheduler } from '$lib/domain/fsrs-adapter';
import { intervalLabel } from '$lib/domain/interval-label';
import type { CardRow, NoteRow } from '$lib/domain/model';
import { RATINGS, type Rating } from '$lib/domain/schedule';
import type { SchedulerSettings } from '$lib/domain/scheduler-settings';
import { StudyQueue, type QueueCounts } from '$lib/domain/study-queue';
import { schedulingForDeck } from '$lib/services/deck-scheduling.service';

export type SessionStatus = 'loading' | 'question' | 'answer' | 'done' | 'error';

interface UndoEntry {
	logId: number;
	rating: Rating;
}

export class ReviewSession {
	status = $state<SessionStatus>('loading');
	deckTitle = $state('');
	card = $state.raw<CardRow | null>(null);
	note = $state.raw<NoteRow | null>(null);
	rendered = $state.raw<RenderedCard | null>(null);
	counts = $state<QueueCounts>({ new: 0, learning: 0, review: 0 });
	/** Next interval of each answer button, in words ("10 min", "3 days"). */
	labels = $state<Record<Rating, string> | null>(null);
	/** A message to announce (conflict with another tab, undo done, errors). */
	message = $state<string | null>(null);
	answered = $state(0);
	answeredBy = $state<Record<Rating, number>>({ 1: 0, 2: 0, 3: 0, 4: 0 });
	nextDueMs = $state<number | null>(null);
	private undoStack = $state<UndoEntry[]>([]);
	canUndo = $derived(this.undoStack.length > 0);

	private queue: StudyQueue | null = null;
	/** Notes of the queued cards, read once per queue build so that answering reads no note. */
	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a private cache, not rendered state
	private notes = new Map<string, NoteRow>();
	private settings: SchedulerSettings | null = null;
	private scheduler: Scheduler | null = null;
	private shownAtMs = 0;
	private busy = false;

	constructor(
		private readonly db: KartkaDB,
		readonly deckId: string,
		private readonly clock: () => number = () => Date.now()
	) {}

	/** True while a card is on screen: updates must wait. */
	get inProgress(): boolean {
		return this.status === 'question' || this.status === 'answer';
	}

	async start(): Promise<void> {
		try {
			this.deckTitle = (await getDeck(this.db, this.deckId))?.title ?? '';
			({ settings: this.settings, scheduler: this.scheduler } = await schedulingForDeck(
				this.db,
				this.deckId,
				this.clock()
			));
			await this.reload();
		} catch (error) {
			this.fail(error);
		}
	}

	/** Rebuilds the queue from the database (start, after undo, after a conflict). */
	private async reload(first?: CardRow): Promise<void> {
		const input = await loadQueueInput(this.db, this.deckId, this.clock(), this.settings!);
		this.queue = new StudyQueue(input);
		const cards = first ? [first, ...this.queue.cards()] : this.queue.cards();
		const noteIds = cards.map((c) => c.noteId).filter((id, i, all) => all.indexOf(id) === i);
		const notes = await getNotes(this.db, noteIds);
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a private cache, not rendered state
		this.notes = new Map(notes.filter((n): n is NoteRow => !!n).map((n) => [n.id, n]));
		await this.show(first ?? this.queue.next(this.clock()));
	}

	private async show(card: CardRow | null): Promise<void> {
		this.counts = this.queue!.counts();
		if (!card) {
			this.card = null;
			this.note = null;
			this.rendered = null;
			this.labels = null;
			this.nextDueMs = await nextDueMs(this.db, this.deckId, this.clock());
			this.status = 'done';
			return;
		}
		const note = this.notes.get(card.noteId) ?? (await getNotes(this.db, [card.noteId]))[0];
		const now = this.clock();
		const outcomes = this.scheduler!.preview(card.id, card, now);
		const labels = {} as Record<Rating, string>;
		for (const r of RATINGS) labels[r] = intervalLabel(outcomes[r].intervalMs, outcomes[r].intervalDays);
		this.card = card;
		this.note = note ?? null;
		this.rendered = note ? renderCard(note.kind, note.fields, card.ord) : null;
		this.labels = labels;
		this.shownAtMs = now;
		this.status = 'question';
	}

	reveal(): void {
		if (this.status === 'question') this.status = 'answer';
	}

	async answer(rating: Rating): Promise<void> {
		const shown = this.card;
		if (this.status !== 'answer' || !shown || this.busy) return;
		this.busy = true;
		this.message = null;
		try {
			const now = this.clock();
			const { card, log } = await answerCard(this.db, {
				shown,
				rating,
				nowMs: now,
				durationMs: now - this.shownAtMs,
				scheduler: this.scheduler!,
				dayCutoffHour: this.settings!.dayCutoffHour
			});
			this.undoStack = [...this.undoStack, { logId: log.id!, rating }];
			this.answered++;
			this.answeredBy[rating]++;
			this.queue!.answered(card);
			await this.show(this.queue!.next(this.clock()));
		} catch (error) {
			// Nothing was written (one transaction): the card stays on screen and the same answer can be retried.
			if (!(error instanceof CardChangedError)) {
				this.message = `${errorMessage(error)} Your answer was not saved: tap it again to retry.`;
				return;
			}
			this.message = error.message;
			await this.reload();
		} finally {
			this.busy = false;
		}
	}

	async undo(): Promise<void> {
		const last = this.undoStack.at(-1);
		if (!last || this.busy) return;
		this.busy = true;
		try {
			const restored = await undoAnswer(this.db, last.logId);
			this.undoStack = this.undoStack.slice(0, -1);
			this.answered--;
			this.answeredBy[last.rating]--;
			await this.reload(restored);
			// Announced once the restored card is back on screen.
			this.message = 'Last answer undone.';
		} catch (error) {
			this.undoStack = this.undoStack.slice(0, -1);
			// Another tab undid it or restored a backup: say so, and go on with the session.
			if (error instanceof KartkaError && error.code === 'undo-gone') {
				this.message = error.message;
				return;
			}
			if (!(error instanceof CardChangedError)) return this.fail(error);
			this.message = 'That answer cannot be undone: the card was changed elsewhere since.';
			await this.reload();
		} finally {
			this.busy = false;
		}
	}

	/** Shows the error with "Try again" (start-up failures included). */
	fail(error: unknown): void {
		this.message = errorMessage(error);
		this.status = 'error';
	}
}
