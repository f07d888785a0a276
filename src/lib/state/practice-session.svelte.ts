/**
 * A practice session: any filter of a deck's cards, studied without changing their schedule (each answer
 * is a 'practice' log, the card untouched), or, when the student asks, with answers that count as real
 * reviews. Cards answered "Again" come back once more later in the session. The loop is CardSession's.
 * `PracticeScreen` is the practice page's state: the deck, the setup, then one session at a time.
 */
import type { KartkaDB } from '$lib/db/db';
import { getDeck } from '$lib/db/decks.repo';
import { logPracticeAnswer, undoPracticeAnswer } from '$lib/db/practice.repo';
import { undoAnswer } from '$lib/db/review.repo';
import { errorMessage } from '$lib/domain/errors';
import { describeFilter, type CardFilter } from '$lib/domain/exam/card-filter';
import type { CardRow, NoteRow } from '$lib/domain/model';
import { Rating } from '$lib/domain/schedule';
import { schedulingForDeck } from '$lib/services/deck-scheduling.service';
import { chooseCards } from '$lib/domain/exam/deck-study-state';
import { loadDeckStudyState } from '$lib/services/exam/deck-study-state.service';
import { CardSession, type IntervalLabels } from './card-session.svelte';

/** How often a card answered "Again" comes back within one session. */
const MAX_REPEATS = 2;

/** A practice answer leaves the schedule as it is: no intervals to show. */
const PRACTICE_LABELS: IntervalLabels = { 1: 'repeat', 2: 'done', 3: 'done', 4: 'done' };

interface Done {
	card: CardRow;
	logId: number;
	counted: boolean;
	/** The card went back to the end of the queue (answered Again). */
	requeued: boolean;
	/** It counted as right at its first showing. */
	firstRight: boolean;
}

export class PracticeSession extends CardSession<Done> {
	total = $state(0);
	/** Cards right at their first showing in this session. */
	rightFirstTime = $state(0);
	readonly filterLabel: string;

	// Bookkeeping only (the screen reads the $state fields above): plain, non-reactive collections.
	private queue: CardRow[] = [];
	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- never rendered
	private repeats = new Map<string, number>();
	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- never rendered
	private notes = new Map<string, NoteRow>();

	constructor(
		db: KartkaDB,
		deckId: string,
		readonly filter: CardFilter,
		/** Answers count as reviews (move the schedule) instead of practice. */
		readonly counts: boolean,
		clock: () => number = () => Date.now()
	) {
		super(db, deckId, clock);
		this.filterLabel = describeFilter(filter);
	}

	async start(): Promise<void> {
		try {
			const now = this.clock();
			// Settings and scheduler read and built once, and handed to the deck's study state.
			const { deckSettings, scheduler } = await schedulingForDeck(this.db, this.deckId, now);
			const state = await loadDeckStudyState(this.db, this.deckId, now, {
				settings: deckSettings,
				scheduler
			});
			this.scheduler = scheduler;
			this.dayCutoffHour = deckSettings.dayCutoffHour;
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
			this.clearCard();
			this.status = 'done';
			return;
		}
		this.present(card, this.notes.get(card.noteId) ?? null, this.counts ? undefined : PRACTICE_LABELS);
	}

	protected async record(shown: CardRow, rating: Rating): Promise<void> {
		let after = shown;
		let logId: number;
		if (this.counts) {
			const result = await this.saveReview(shown, rating);
			after = result.card;
			logId = result.log.id!;
		} else {
			const now = this.clock();
			const log = await logPracticeAnswer(this.db, {
				cardId: shown.id,
				rating,
				nowMs: now,
				durationMs: this.shownForMs(now),
				dayCutoffHour: this.dayCutoffHour
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
		this.pushUndo({ card: shown, logId, counted: this.counts, requeued, firstRight });
		this.answered++;
		this.show();
	}

	protected async afterConflict(shown: CardRow): Promise<void> {
		const fresh = await this.db.cards.get(shown.id);
		if (fresh) this.queue[0] = fresh;
		this.show();
	}

	protected async revert(last: Done): Promise<void> {
		if (last.counted) await undoAnswer(this.db, last.logId);
		else await undoPracticeAnswer(this.db, last.logId);
		if (last.requeued) {
			this.queue.pop();
			this.repeats.set(last.card.id, (this.repeats.get(last.card.id) ?? 1) - 1);
		}
		const restored = last.counted ? ((await this.db.cards.get(last.card.id)) ?? last.card) : last.card;
		this.queue.unshift(restored);
		this.popUndo();
		this.answered--;
		if (last.firstRight) this.rightFirstTime--;
		this.show();
	}

	protected async undoFailed(error: unknown): Promise<void> {
		this.message = errorMessage(error);
	}
}

/** The practice page: the deck's title and tags for the setup, then the session the student starts. */
export class PracticeScreen {
	/** undefined while loading; null when the deck does not exist. */
	title = $state<string | null | undefined>(undefined);
	tags = $state.raw<string[]>([]);
	session = $state.raw<PracticeSession | null>(null);

	constructor(
		private readonly db: KartkaDB,
		readonly deckId: string,
		private readonly clock: () => number = () => Date.now()
	) {}

	get inProgress(): boolean {
		return this.session?.inProgress ?? false;
	}

	/** Reads the deck; `startWith` (a link's filter) starts a session right away. */
	async load(startWith?: { filter: CardFilter; counts: boolean }): Promise<void> {
		this.title = (await getDeck(this.db, this.deckId))?.title ?? null;
		if (this.title === null) return;
		if (startWith) this.start(startWith.filter, startWith.counts);
		else this.tags = (await loadDeckStudyState(this.db, this.deckId, this.clock())).tags;
	}

	start(filter: CardFilter, counts: boolean): void {
		const session = new PracticeSession(this.db, this.deckId, filter, counts, this.clock);
		this.session = session;
		void session.start();
	}

	/** Back to the setup ("Practise other cards"). */
	async setup(): Promise<void> {
		if (this.tags.length === 0)
			this.tags = (await loadDeckStudyState(this.db, this.deckId, this.clock())).tags;
		this.session = null;
	}
}
