/**
 * The test screen: the deck it is about, its tags (for the filter), the choice the form starts from
 * (read from the link: `n`, `minutes`, `formats`, `seed` and the card filter) and the test being taken.
 */
import type { KartkaDB } from '$lib/db/db';
import { filterFromParams, filterToParams, type CardFilter } from '$lib/domain/exam/card-filter';
import { QUESTION_FORMATS, type QuestionFormat } from '$lib/domain/exam/test-model';
import { groupScopeKey } from '$lib/domain/exam/group-study-state';
import { loadDeckStudyState } from '$lib/services/exam/deck-study-state.service';
import { loadGroupStudyState } from '$lib/services/exam/group-exam.service';
import { DeckHeader } from './deck-header.svelte';
import { GroupHeader } from './group-header.svelte';
import { ScreenState, type ScreenOptions } from './screen-status.svelte';
import { TestSession } from './test-session.svelte';

export interface TestChoice {
	count: number;
	minutes: number;
	formats: QuestionFormat[];
	filter: CardFilter;
	seed: string;
}

/** A fresh six-digit code for a new random test. */
export const newSeed = (): string => String(Math.floor(Math.random() * 1_000_000)).padStart(6, '0');

/** The form's starting choice from the link's query. */
function choiceFromParams(params: URLSearchParams): TestChoice {
	const formats = (params.get('formats') ?? '')
		.split(',')
		.filter((f): f is QuestionFormat => (QUESTION_FORMATS as readonly string[]).includes(f));
	return {
		count: Number(params.get('n')) || 10,
		minutes: Number(params.get('minutes')) || 0,
		formats: formats.length ? formats : [...QUESTION_FORMATS],
		filter: filterFromParams(params),
		seed: params.get('seed') || newSeed()
	};
}

export class TestScreen extends ScreenState {
	readonly header: DeckHeader | GroupHeader;
	/** `?group=PATH`: a test across every deck of the group (its result is kept under the group). */
	readonly group: string | null;
	/** The deck, or the group's scope key (what the result is saved under). */
	readonly deckId: string;
	tags = $state.raw<string[]>([]);
	initial: TestChoice;
	session = $state.raw<TestSession | null>(null);

	constructor(
		private readonly db: KartkaDB,
		deckId: string,
		params: URLSearchParams,
		options: ScreenOptions = {}
	) {
		super(options);
		this.group = params.get('group');
		this.deckId = this.group ? groupScopeKey(this.group) : deckId;
		this.header = this.group ? new GroupHeader(db, this.group) : new DeckHeader(db, deckId);
		this.initial = $state(choiceFromParams(params));
	}

	protected async fetch(): Promise<void> {
		if (!(await this.header.load())) return;
		this.tags = this.group
			? ((await loadGroupStudyState(this.db, this.group, this.clock()))?.state.tags ?? [])
			: (await loadDeckStudyState(this.db, this.deckId, this.clock())).tags;
	}

	/** Builds and starts a test for `choice` (which the form then starts from). */
	start(choice: TestChoice): void {
		this.initial = choice;
		const { filter, count, formats } = choice;
		const request = {
			deckId: this.deckId,
			...(this.group ? { group: this.group } : {}),
			filter,
			count,
			seed: choice.seed.trim(),
			formats
		};
		this.session = new TestSession(
			this.db,
			request,
			choice.minutes ? choice.minutes * 60_000 : null,
			this.clock
		);
		void this.session.start();
	}

	/** Back to the form. */
	change(): void {
		this.session = null;
	}

	/** The practice screen's link for exactly these cards (of the deck, or of any deck of the group). */
	practiceHref(cardIds: string[]): string {
		const q = filterToParams({ tags: [], failedToday: false, dueWithinDays: null, weakest: null, cardIds });
		const scope = this.group
			? `group=${encodeURIComponent(this.group)}`
			: `deck=${encodeURIComponent(this.deckId)}`;
		return `/practice?${scope}&${q}&start=1`;
	}
}
