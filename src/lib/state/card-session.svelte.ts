/**
 * The study loop both the study screen and practice share: a card on screen, its answer revealed, an
 * answer saved (one transaction), undo step by step, and a clear message when something fails. A
 * subclass says only what differs: where cards come from, what an answer writes and how it is undone.
 * The clock is injected for tests.
 */
import type { KartkaDB } from '$lib/db/db';
import { answerCard, type AnswerResult } from '$lib/db/review.repo';
import { renderPlainCard, type RenderedCard } from '$lib/domain/plain-card-render';
import { CardChangedError, errorMessage, KartkaError } from '$lib/domain/errors';
import type { Scheduler } from '$lib/domain/fsrs-adapter';
import { intervalLabel } from '$lib/domain/interval-label';
import type { CardRow, NoteRow } from '$lib/domain/model';
import { RATINGS, type Rating } from '$lib/domain/schedule';
import { markPageReady } from './page-ready';

/** 'empty' only in practice: the filter chose no card. */
export type SessionStatus = 'loading' | 'empty' | 'question' | 'answer' | 'done' | 'error';

export type IntervalLabels = Record<Rating, string>;

export const UNDONE_MESSAGE = 'Last answer undone.';
/** The scheduler's code could not be loaded (offline, and not on this device): the card stays, answers wait. */
export const SCHEDULER_FAILED_MESSAGE =
	'The answer buttons could not be loaded: part of Kartka is not saved on this device yet. ' +
	'Connect once, then choose "Try again" (or press 1–4).';

export abstract class CardSession<UndoEntry> {
	status = $state<SessionStatus>('loading');
	card = $state.raw<CardRow | null>(null);
	note = $state.raw<NoteRow | null>(null);
	rendered = $state.raw<RenderedCard | null>(null);
	/** Next interval of each answer button, in words ("10 min", "3 days"). */
	labels = $state<IntervalLabels | null>(null);
	/** A message to announce (conflict with another tab, undo done, errors). */
	message = $state<string | null>(null);
	answered = $state(0);
	/** The scheduler failed to load: the screen offers "Try again" where the answer buttons go. */
	schedulerFailed = $state(false);
	protected undoStack = $state.raw<UndoEntry[]>([]);
	canUndo = $derived(this.undoStack.length > 0);

	protected scheduler: Scheduler | null = null;
	/**
	 * Where the scheduler comes from when it is loaded after the first card is shown (ts-fsrs is not needed
	 * to show a card: issue 13); null when a subclass sets `scheduler` itself.
	 */
	private schedulerSource: (() => Promise<Scheduler>) | null = null;
	private schedulerLoading: Promise<void> | null = null;
	protected dayCutoffHour = 4;
	private shownAtMs = 0;
	/** One answer or undo at a time: a second tap while the first is saving is ignored. */
	private busy = false;

	private readonly dbOf: () => KartkaDB;

	/**
	 * `db` may be given as a function (the study route passes `appDb`): the database is then constructed on first
	 * use. Dexie parses the whole schema as it is constructed, and a first visit's study screen shows its first
	 * card from the installer worker's queue without it (issue 13: it was part of the route's mount, a long task).
	 */
	constructor(
		db: KartkaDB | (() => KartkaDB),
		readonly deckId: string,
		protected readonly clock: () => number = () => Date.now()
	) {
		this.dbOf = typeof db === 'function' ? db : () => db;
	}

	protected get db(): KartkaDB {
		return this.dbOf();
	}

	/** True while a card is on screen: updates must wait. */
	get inProgress(): boolean {
		return this.status === 'question' || this.status === 'answer';
	}

	reveal(): void {
		if (this.status !== 'question') return;
		this.status = 'answer';
		// The answer buttons need the scheduler; normally it came while the question was on screen.
		this.retryScheduler();
	}

	/** Loads the scheduler again after a failure ("Try again"; keys 1–4 do it through `answer`). */
	retryScheduler(): void {
		this.ensureScheduler().catch((error: unknown) => (this.message = errorMessage(error)));
	}

	/** The scheduler will come from `source` (a new session start: settings may have changed since). */
	protected loadSchedulerFrom(source: () => Promise<Scheduler>): void {
		this.scheduler = null;
		this.schedulerLoading = null;
		this.schedulerSource = source;
	}

	/** Loads the scheduler once (again after a failure), then labels the card on screen. */
	protected ensureScheduler(): Promise<void> {
		const source = this.schedulerSource;
		if (this.scheduler || !source) return Promise.resolve();
		this.schedulerLoading ??= source()
			.then(
				(scheduler) => {
					// A newer start replaced the source meanwhile: its own load sets the scheduler.
					if (this.schedulerSource !== source) return;
					this.scheduler = scheduler;
					this.schedulerFailed = false;
					if (this.card && !this.labels) this.labels = this.intervalLabels(this.card, this.shownAtMs);
				},
				(error: unknown) => {
					if (this.schedulerSource === source) this.schedulerFailed = true;
					throw new KartkaError('scheduler-unavailable', SCHEDULER_FAILED_MESSAGE, { cause: error });
				}
			)
			.finally(() => {
				if (this.schedulerSource === source) this.schedulerLoading = null;
			});
		return this.schedulerLoading;
	}

	async answer(rating: Rating): Promise<void> {
		const shown = this.card;
		if (this.status !== 'answer' || !shown || this.busy) return;
		this.busy = true;
		this.message = null;
		try {
			await this.ensureScheduler();
			await this.record(shown, rating);
		} catch (error) {
			// Nothing was written (one transaction): the card stays on screen and the same answer can be
			// retried (a full disk freed, another tab closed). Only a card changed elsewhere is shown afresh.
			if (!(error instanceof CardChangedError)) {
				this.message = `${errorMessage(error)} Your answer was not saved: answer again to retry.`;
				return;
			}
			this.message = error.message;
			await this.afterConflict(shown);
		} finally {
			this.busy = false;
		}
	}

	async undo(): Promise<void> {
		const last = this.undoStack.at(-1);
		if (last === undefined || this.busy) return;
		this.busy = true;
		try {
			await this.revert(last);
			// Announced once the restored card is back on screen.
			this.message = UNDONE_MESSAGE;
		} catch (error) {
			// The entry is dropped either way: an answer that cannot be undone now never can be.
			if (this.undoStack.at(-1) === last) this.popUndo();
			await this.undoFailed(error);
		} finally {
			this.busy = false;
		}
	}

	/** Saves the answer to the card on screen, pushes its undo entry and shows what comes next. */
	protected abstract record(shown: CardRow, rating: Rating): Promise<void>;
	/** The card changed in another tab since it was shown: show it (or the queue) afresh. */
	protected abstract afterConflict(shown: CardRow): Promise<void>;
	/** Undoes `last` in the database, pops it and puts its card back on screen. */
	protected abstract revert(last: UndoEntry): Promise<void>;
	/** The undo failed (its entry is already popped). */
	protected abstract undoFailed(error: unknown): Promise<void>;

	protected pushUndo(entry: UndoEntry): void {
		this.undoStack = [...this.undoStack, entry];
	}

	protected popUndo(): void {
		this.undoStack = this.undoStack.slice(0, -1);
	}

	/** Puts a card on screen, question side up; `labels` default to the scheduler's next intervals. */
	protected present(card: CardRow, note: NoteRow | null, labels?: IntervalLabels): void {
		const now = this.clock();
		this.labels = labels ?? this.intervalLabels(card, now);
		this.card = card;
		this.note = note;
		this.rendered = note ? renderPlainCard(note.kind, note.fields, card.ord) : null;
		if (note && !this.rendered) void this.renderCloze(card, note);
		this.shownAtMs = now;
		this.status = 'question';
	}

	/**
	 * A cloze card: the cloze parser is loaded with the first one (issue 13: no deck's first card waits for it;
	 * its marks wait for the HTML sanitizer anyway). The screen offers "Show answer" once the card is rendered
	 * (StudyCard.svelte). The worker installs it for offline study (study-shell.server.ts).
	 */
	private async renderCloze(card: CardRow, note: NoteRow): Promise<void> {
		try {
			const { renderCard } = await import('$lib/domain/card-render');
			if (this.card === card && this.note === note)
				this.rendered = renderCard(note.kind, note.fields, card.ord);
		} catch (error) {
			if (this.card === card) this.message = errorMessage(error);
		}
	}

	/** No card on screen any more (the subclass then sets 'done' or 'empty'). */
	protected clearCard(): void {
		this.card = this.note = this.rendered = this.labels = null;
	}

	/**
	 * The scheduler and day cutoff that answer `card`: the session's own, except in "Study all" where
	 * each card is answered with its own deck's (ReviewSession overrides this).
	 */
	protected schedulingFor(card: CardRow): { scheduler: Scheduler; dayCutoffHour: number } {
		void card;
		// Set before any answer (`answer` waits for `ensureScheduler`); `intervalLabels` checks for null.
		return { scheduler: this.scheduler!, dayCutoffHour: this.dayCutoffHour };
	}

	/** null while the scheduler is still loading (the buttons appear once it is there). */
	private intervalLabels(card: CardRow, nowMs: number): IntervalLabels | null {
		const { scheduler } = this.schedulingFor(card);
		if (!scheduler) return null;
		const outcomes = scheduler.preview(card.id, card, nowMs);
		const labels = {} as IntervalLabels;
		for (const r of RATINGS) labels[r] = intervalLabel(outcomes[r].intervalMs, outcomes[r].intervalDays);
		return labels;
	}

	/** How long the card on screen has been shown (its answer's duration). */
	protected shownForMs(nowMs: number): number {
		return nowMs - this.shownAtMs;
	}

	/** Answers the card on screen as a real review: card and review log in one transaction. */
	protected saveReview(shown: CardRow, rating: Rating): Promise<AnswerResult> {
		const now = this.clock();
		const { scheduler, dayCutoffHour } = this.schedulingFor(shown);
		return answerCard(this.db, {
			shown,
			rating,
			nowMs: now,
			durationMs: this.shownForMs(now),
			scheduler,
			dayCutoffHour
		});
	}

	/** Ends the session with a message (also for a failed start-up of the app). */
	fail(error: unknown): void {
		this.message = errorMessage(error);
		this.status = 'error';
		markPageReady();
	}
}
