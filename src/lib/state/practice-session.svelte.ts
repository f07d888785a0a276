/**
 * A practice session: any filter of a deck's cards, studied without changing their schedule (each answer
 * is a 'practice' log, the card untouched), or, when the student asks, with answers that count as real
 * reviews. Cards answered "Again" come back once more later in the session. The clock is injected.
 */
import type { KartkaDB } from '$lib/db/db';
import { logPracticeAnswer, undoPracticeAnswer } from '$lib/db/practice.repo';
import { answerCard, CardChangedError, undoAnswer } from '$lib/db/review.repo';
import { renderCard, type RenderedCard } from '$lib/domain/card-render';
import { describeFilter, type CardFilter } from '$lib/domain/exam/card-filter';
import type { Scheduler } from '$lib/domain/fsrs-adapter';
import { intervalLabel } from '$lib/domain/interval-label';
import type { CardRow, NoteRow } from '$lib/domain/model';
import { Rating, RATINGS } from '$lib/domain/schedule';
import { schedulingForDeck } from '$lib/services/deck-scheduling.service';
import { chooseCards } from '$lib/domain/exam/deck-study-state';
import { loadDeckStudyState } from '$lib/services/exam/deck-study-state.service';

export type PracticeStatus = 'loading' | 'empty' | 'question' | 'answer' | 'done' | 'error';

/** How often a card answered "Again" comes back within one session. */
const MAX_REPEATS = 2;

interface Done {
	card: CardRow;
	logId: number;
	counted: boolean;
	/** The card went back to the end of the queue (answered Again). */
	requeued: boolean;
	/** It counted as right at its first showing. */
	firstRight: boolean;
}

export class PracticeSession {
	status = $state<PracticeStatus>('loading');
	card = $state.raw<CardRow | null>(null);
	note = $state.raw<NoteRow | null>(null);
	rendered = $state.raw<RenderedCard | null>(null);
	labels = $state<Record<Rating, string> | null>(null);
	message = $state<string | null>(null);
	total = $state(0);
	answered = $state(0);
	/** Cards right at their first showing in this session. */
	rightFirstTime = $state(0);
	readonly filterLabel: string;
	private done = $state<Done[]>([]);
	canUndo = $derived(this.done.length > 0);

	// Bookkeeping only (the screen reads the $state fields above): plain, non-reactive collections.
	private queue: CardRow[] = [];
	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- never rendered
	private repeats = new Map<string, number>();
	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- never rendered
	private notes = new Map<string, NoteRow>();
	private scheduler: Scheduler | null = null;
	private cutoff = 4;
	private shownAtMs = 0;
	private busy = false;

	constructor(
		private readonly db: KartkaDB,
		readonly deckId: string,
		readonly filter: CardFilter,
		/** Answers count as reviews (move the schedule) instead of practice. */
		readonly counts: boolean,
		private readonly clock: () => number = () => Date.now()
	) {
		this.filterLabel = describeFilter(filter);
	}

	async start(): Promise<void> {
		try {
			const now = this.clock();
			const state = await loadDeckStudyState(this.db, this.deckId, now);
			const scheduling = await schedulingForDeck(this.db, this.deckId, now);
			this.scheduler = scheduling.scheduler;
			this.cutoff = scheduling.settings.dayCutoffHour;
			this.notes = state.notes;
			this.queue = chooseCards(state, this.filter);
			this.total = this.queue.length;
			if (this.queue.length === 0) this.status = 'empty';
			else this.show();
		} catch (error) {
			this.fail(error);
		}
	}

	private show(): void {
		const card = this.queue[0];
		if (!card) {
			this.card = this.note = this.rendered = this.labels = null;
			this.status = 'done';
			return;
		}
		const note = this.notes.get(card.noteId) ?? null;
		this.card = card;
		this.note = note;
		this.rendered = note ? renderCard(note.kind, note.fields, card.ord) : null;
		this.labels = this.counts ? this.intervalLabels(card) : { 1: 'repeat', 2: 'done', 3: 'done', 4: 'done' };
		this.shownAtMs = this.clock();
		this.status = 'question';
	}

	private intervalLabels(card: CardRow): Record<Rating, string> {
		const outcomes = this.scheduler!.preview(card.id, card, this.clock());
		const labels = {} as Record<Rating, string>;
		for (const r of RATINGS) labels[r] = intervalLabel(outcomes[r].intervalMs, outcomes[r].intervalDays);
		return labels;
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
			let after = shown;
			let logId: number;
			if (this.counts) {
				const result = await answerCard(this.db, {
					shown,
					rating,
					nowMs: now,
					durationMs: now - this.shownAtMs,
					scheduler: this.scheduler!,
					dayCutoffHour: this.cutoff
				});
				after = result.card;
				logId = result.log.id!;
			} else {
				const log = await logPracticeAnswer(this.db, {
					cardId: shown.id,
					rating,
					nowMs: now,
					durationMs: now - this.shownAtMs,
					dayCutoffHour: this.cutoff
				});
				logId = log.id!;
			}
			const seen = this.repeats.get(shown.id) ?? 0;
			const firstRight = seen === 0 && rating !== Rating.Again;
			if (firstRight) this.rightFirstTime++;
			this.queue.shift();
			const requeued = rating === Rating.Again && seen < MAX_REPEATS;
			if (requeued) {
				this.repeats.set(shown.id, seen + 1);
				this.queue.push(after);
			}
			this.done = [...this.done, { card: shown, logId, counted: this.counts, requeued, firstRight }];
			this.answered++;
			this.show();
		} catch (error) {
			if (!(error instanceof CardChangedError)) return this.fail(error);
			this.message = error.message;
			const fresh = await this.db.cards.get(shown.id);
			if (fresh) this.queue[0] = fresh;
			this.show();
		} finally {
			this.busy = false;
		}
	}

	async undo(): Promise<void> {
		const last = this.done.at(-1);
		if (!last || this.busy) return;
		this.busy = true;
		try {
			if (last.counted) await undoAnswer(this.db, last.logId);
			else await undoPracticeAnswer(this.db, last.logId);
			if (last.requeued) {
				this.queue.pop();
				this.repeats.set(last.card.id, (this.repeats.get(last.card.id) ?? 1) - 1);
			}
			const restored = last.counted ? ((await this.db.cards.get(last.card.id)) ?? last.card) : last.card;
			this.queue.unshift(restored);
			this.done = this.done.slice(0, -1);
			this.answered--;
			if (last.firstRight) this.rightFirstTime--;
			this.message = 'Last answer undone.';
			this.show();
		} catch (error) {
			this.done = this.done.slice(0, -1);
			this.message = error instanceof Error ? error.message : String(error);
		} finally {
			this.busy = false;
		}
	}

	private fail(error: unknown): void {
		this.message = error instanceof Error ? error.message : String(error);
		this.status = 'error';
	}
}
