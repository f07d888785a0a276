/**
 * A practice session: any filter of a deck's cards, or of a deck group's (`groupScopeKey(path)` in place
 * of the deck id: cards from every deck of the group), studied without changing their schedule (each
 * answer is a 'practice' log, the card untouched), or, when the student asks, with answers that count as
 * real reviews, each scheduled by its own deck's scheduler. Cards answered "Again" come back once more
 * later in the session. The loop is CardSession's.
 * `PracticeScreen` is the practice page's state: the deck or group, the setup, then one session at a time.
 */
import type { KartkaDB } from '$lib/db/db';
import { getDeck } from '$lib/db/decks.repo';
import { groupNames } from '$lib/domain/decks/deck-groups';
import { logPracticeAnswer, undoPracticeAnswer } from '$lib/db/practice.repo';
import { undoAnswer } from '$lib/db/review.repo';
import { errorMessage } from '$lib/domain/errors';
import { describeFilter, type CardFilter } from '$lib/domain/exam/card-filter';
import { groupOfScopeKey } from '$lib/domain/exam/group-study-state';
import type { Scheduler } from '$lib/domain/fsrs-adapter';
import type { CardRow, NoteRow } from '$lib/domain/model';
import { Rating } from '$lib/domain/schedule';
import { chooseCards } from '$lib/domain/exam/deck-study-state';
import { loadPracticeSource, type PracticeSource } from '$lib/services/exam/practice-source.service';
import { decksOfGroup } from '$lib/services/group-study.service';
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
	private source: PracticeSource | null = null;

	constructor(
		db: KartkaDB,
		/** The deck's id, or a group's scope key (groupScopeKey). */
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
			const source = await loadPracticeSource(this.db, this.deckId, this.clock());
			if (!source) {
				this.status = 'empty';
				return;
			}
			const { state } = source;
			this.source = source;
			this.scheduler = state.scheduler;
			this.dayCutoffHour = state.settings.dayCutoffHour;
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
				dayCutoffHour: this.schedulingFor(shown).dayCutoffHour
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

	/** Each card is answered with its own deck's scheduler and day cutoff (in a group, not the first deck's). */
	protected schedulingFor(card: CardRow): { scheduler: Scheduler; dayCutoffHour: number } {
		return this.source?.schedulingOf(card) ?? super.schedulingFor(card);
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

/**
 * The practice page: the deck's (or the group's) title and tags for the setup, then the session the
 * student starts. A group is given as its scope key (`/practice?group=PATH`).
 */
export class PracticeScreen {
	/** undefined while loading; null when the deck (or group) does not exist. */
	title = $state<string | null | undefined>(undefined);
	tags = $state.raw<string[]>([]);
	session = $state.raw<PracticeSession | null>(null);
	/** The group's path when practising a group, else null. */
	readonly group: string | null;

	constructor(
		private readonly db: KartkaDB,
		/** The deck's id, or a group's scope key (groupScopeKey). */
		readonly deckId: string,
		private readonly clock: () => number = () => Date.now()
	) {
		this.group = groupOfScopeKey(deckId);
	}

	get inProgress(): boolean {
		return this.session?.inProgress ?? false;
	}

	/** Where "back" and "Readiness" lead: the deck's screens, or the group's (groups live on home). */
	get backHref(): string {
		return this.group === null ? `/deck?id=${encodeURIComponent(this.deckId)}` : '/';
	}
	get readinessHref(): string {
		return this.group === null
			? `/readiness?deck=${encodeURIComponent(this.deckId)}`
			: `/readiness?group=${encodeURIComponent(this.group)}`;
	}

	/** Reads the deck or group; `startWith` (a link's filter) starts a session right away. */
	async load(startWith?: { filter: CardFilter; counts: boolean }): Promise<void> {
		this.title = await this.readTitle();
		if (this.title === null) return;
		if (startWith) this.start(startWith.filter, startWith.counts);
		else this.tags = await this.readTags();
	}

	start(filter: CardFilter, counts: boolean): void {
		const session = new PracticeSession(this.db, this.deckId, filter, counts, this.clock);
		this.session = session;
		void session.start();
	}

	/** Back to the setup ("Practise other cards"). */
	async setup(): Promise<void> {
		if (this.tags.length === 0) this.tags = await this.readTags();
		this.session = null;
	}

	private async readTitle(): Promise<string | null> {
		if (this.group === null) return (await getDeck(this.db, this.deckId))?.title ?? null;
		if ((await decksOfGroup(this.db, this.group)).length === 0) return null;
		return groupNames(this.group).at(-1) ?? this.group;
	}

	private async readTags(): Promise<string[]> {
		return (await loadPracticeSource(this.db, this.deckId, this.clock()))?.state.tags ?? [];
	}
}
