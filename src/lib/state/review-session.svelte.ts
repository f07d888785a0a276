/**
 * The review session that drives the study screen: today's queue of the deck, each answer a real review
 * (one transaction), undo, and a summary at the end. The loop itself is CardSession's.
 */
import { CardChangedError, errorMessage, KartkaError } from '$lib/domain/errors';
import { getDeck, getNotes } from '$lib/db/decks.repo';
import { loadQueueInput, nextDueMs } from '$lib/db/queue.repo';
import { prefetchAnswerAndUndo, undoAnswer } from '$lib/db/review.repo';
import type { CardRow, NoteRow } from '$lib/domain/model';
import type { Rating } from '$lib/domain/schedule';
import type { SchedulerSettings } from '$lib/domain/scheduler-settings';
import { StudyQueue, type QueueCounts } from '$lib/domain/study-queue';
import type { StudySettings } from '$lib/domain/study-settings';
import { schedulerFor, studySettingsForDeck } from '$lib/services/study-settings.service';
import type { DeckScheduling } from '$lib/services/deck-scheduling.service';
import type { Scheduler } from '$lib/domain/fsrs-adapter';
import { groupNames } from '$lib/domain/decks/deck-groups';
import { CardSession } from './card-session.svelte';
import { afterPaint } from './after-paint';
import { takeStudyStart } from './app-ready';
import { afterPageReady, markPageReady } from './page-ready';

/**
 * "Study all"'s own code (one queue over a group's decks): not loaded for a deck's study (issue 13: home +
 * study ≤ 90 kB counts a deck's first card). A group's study asks for it as it starts, side by side with the
 * app's start-up (`prefetchGroup`); the service worker installs it with the study screen
 * (pwa/study-shell.server.ts).
 */
const loadGroupStudy = () => import('$lib/services/group-study.service');

export const UNDO_REFUSED_MESSAGE = 'That answer cannot be undone: the card was changed elsewhere since.';

interface UndoEntry {
	logId: number;
	rating: Rating;
}

export class ReviewSession extends CardSession<UndoEntry> {
	deckTitle = $state('');
	counts = $state<QueueCounts>({ new: 0, learning: 0, review: 0 });
	answeredBy = $state<Record<Rating, number>>({ 1: 0, 2: 0, 3: 0, 4: 0 });
	nextDueMs = $state<number | null>(null);
	/** When the summary appeared ("next card due in 10 min" counts from here). */
	finishedAtMs = $state(0);

	private queue: StudyQueue | null = null;
	/** Notes of the queued cards, read once per queue build so that answering reads no note. */
	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a private cache, not rendered state
	private notes = new Map<string, NoteRow>();
	private settings: SchedulerSettings | null = null;
	/** "Study all": the decks of the group studied as one queue (null: one deck). */
	private groupDeckIds: string[] | null = null;
	/** "Study all": each deck's own settings and scheduler, by deck id. */
	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a private cache, not rendered state
	private deckScheduling = new Map<string, DeckScheduling>();
	private groupStudy: Awaited<ReturnType<typeof loadGroupStudy>> | null = null;

	/** "Study all": starts loading the group's code while the app starts (a failure shows in `startGroup`). */
	prefetchGroup(): void {
		loadGroupStudy().catch(() => undefined);
	}

	async start(): Promise<void> {
		// A first visit: the installer worker read the first queue where it had just written the deck, so the
		// page shows the first card without opening the database (issue 13). Taken before any await (once).
		const handed = takeStudyStart(this.deckId);
		try {
			if (handed) {
				this.begin(handed.deckTitle, handed.study);
				this.useQueue(new StudyQueue(handed.input), handed.notes);
				await this.show(this.queue!.next(this.clock()));
			} else {
				// Independent reads side by side: the first card is waiting on them (issue 13).
				const [deck, study] = await Promise.all([
					getDeck(this.db, this.deckId),
					studySettingsForDeck(this.db, this.deckId, this.clock())
				]);
				this.begin(deck?.title ?? '', study);
				await this.reload();
			}
		} catch (error) {
			this.fail(error);
		}
		// The first card's frame first: the scheduler (ts-fsrs) is fetched and set up once it is painted.
		await afterPaint();
		// Not there (offline, not on this device): the card stays on screen with "Try again" for its answers.
		if (this.status !== 'error')
			await this.ensureScheduler().catch((error: unknown) => (this.message = errorMessage(error)));
		markPageReady();
		// The answer's sync record and undo are not needed for the first card: ready before its answer (each
		// load is retried on use after a failure).
		prefetchAnswerAndUndo().catch(() => undefined);
		// Started from the worker's queue, the page has not opened the database yet: it opens in an idle moment,
		// so that the first answer (one transaction, refused if the card changed) does not wait for it. A
		// failed open shows on that answer, which opens it again.
		if (handed) afterPageReady().then(() => this.db.open().catch(() => undefined));
	}

	/**
	 * "Study all" on a group: one queue over its decks. Each card is answered with its own deck's
	 * scheduler and day cutoff (a deck's own settings, its exam plan's cap), see `schedulingFor`.
	 */
	async startGroup(group: string): Promise<void> {
		try {
			this.groupStudy = await loadGroupStudy();
			const { decksOfGroup, groupScheduling } = this.groupStudy;
			const decks = await decksOfGroup(this.db, group);
			this.groupDeckIds = decks.map((d) => d.id);
			this.deckTitle = groupNames(group).at(-1) ?? group;
			this.deckScheduling = await groupScheduling(this.db, this.groupDeckIds, this.clock());
			const first = this.deckScheduling.get(decks[0]?.id ?? '');
			if (first) {
				this.settings = first.settings;
				this.scheduler = first.scheduler;
				this.dayCutoffHour = first.settings.dayCutoffHour;
			}
			await this.reload();
		} catch (error) {
			this.fail(error);
		}
		markPageReady();
		prefetchAnswerAndUndo().catch(() => undefined);
	}

	protected schedulingFor(card: CardRow): { scheduler: Scheduler; dayCutoffHour: number } {
		const own = this.groupDeckIds ? this.deckScheduling.get(card.deckId) : undefined;
		if (!own) return super.schedulingFor(card);
		return { scheduler: own.scheduler, dayCutoffHour: own.settings.dayCutoffHour };
	}

	/** A deck's session starts: its title and settings; the scheduler (ts-fsrs) comes after the first card. */
	private begin(deckTitle: string, study: StudySettings): void {
		this.deckTitle = deckTitle;
		this.settings = study.settings;
		this.dayCutoffHour = study.settings.dayCutoffHour;
		// The first card is shown before the scheduler (ts-fsrs) is loaded; it comes while the card is read.
		this.loadSchedulerFrom(() => schedulerFor(study));
	}

	private useQueue(queue: StudyQueue, notes: (NoteRow | undefined)[]): void {
		this.queue = queue;
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a private cache, not rendered state
		this.notes = new Map(notes.filter((n): n is NoteRow => !!n).map((n) => [n.id, n]));
	}

	/** Rebuilds the queue from the database (start, after undo, after a conflict). */
	private async reload(first?: CardRow): Promise<void> {
		const input =
			this.groupDeckIds && this.groupStudy
				? await this.groupStudy.loadGroupQueueInput(this.db, this.groupDeckIds, this.clock())
				: await loadQueueInput(this.db, this.deckId, this.clock(), this.settings!);
		const queue = new StudyQueue(input);
		const cards = first ? [first, ...queue.cards()] : queue.cards();
		const noteIds = cards.map((c) => c.noteId).filter((id, i, all) => all.indexOf(id) === i);
		this.useQueue(queue, await getNotes(this.db, noteIds));
		await this.show(first ?? queue.next(this.clock()));
	}

	private async show(card: CardRow | null): Promise<void> {
		this.counts = this.queue!.counts();
		if (!card) {
			this.clearCard();
			this.nextDueMs = this.groupDeckIds ? null : await nextDueMs(this.db, this.deckId, this.clock());
			this.finishedAtMs = this.clock();
			this.status = 'done';
			return;
		}
		const note = this.notes.get(card.noteId) ?? (await getNotes(this.db, [card.noteId]))[0];
		this.present(card, note ?? null);
	}

	protected async record(shown: CardRow, rating: Rating): Promise<void> {
		const { card, log } = await this.saveReview(shown, rating);
		this.pushUndo({ logId: log.id!, rating });
		this.answered++;
		this.answeredBy[rating]++;
		this.queue!.answered(card);
		await this.show(this.queue!.next(this.clock()));
	}

	protected afterConflict(): Promise<void> {
		return this.reload();
	}

	protected async revert(last: UndoEntry): Promise<void> {
		const restored = await undoAnswer(this.db, last.logId);
		this.popUndo();
		this.answered--;
		this.answeredBy[last.rating]--;
		await this.reload(restored);
	}

	protected async undoFailed(error: unknown): Promise<void> {
		// Another tab undid it or restored a backup: say so, and the session goes on (issue 12).
		if (error instanceof KartkaError && error.code === 'undo-gone') {
			this.message = error.message;
			return;
		}
		if (!(error instanceof CardChangedError)) return this.fail(error);
		this.message = UNDO_REFUSED_MESSAGE;
		await this.reload();
	}
}
