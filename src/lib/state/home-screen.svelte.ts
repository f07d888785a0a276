/** The home screen: the list of decks with today's counts. */
import type { KartkaDB } from '$lib/db/db';
import { deckSummaries, type DeckSummary } from '$lib/services/deck-summary.service';
import { buildDeckTree, type DeckTree } from '$lib/domain/decks/deck-groups';
import { takeInstallerCounts, wantInstallerCounts } from './app-ready';
import { afterThisTask } from './page-ready';
import { ScreenState, type ScreenOptions } from './screen-status.svelte';

export class HomeScreen extends ScreenState {
	decks = $state.raw<DeckSummary[] | null>(null);
	/** Deck groups (summed counts, "Study all") and the decks in no group. */
	readonly tree = $derived<DeckTree>(
		buildDeckTree(
			(this.decks ?? []).map((d) => d.deck),
			// A lookup built once per derivation, not reactive state.
			// eslint-disable-next-line svelte/prefer-svelte-reactivity
			new Map(
				(this.decks ?? []).map((d) => [
					d.deck.id,
					{ new: d.counts.new, learning: d.counts.learning, review: d.counts.review, total: d.totalCards }
				])
			)
		)
	);

	/** The counts the shipped-deck installer read at start-up (a first visit), if any (app-ready.ts). */
	private readonly installerCounts: { want(): void; take(): DeckSummary[] | null };

	/**
	 * `shipped`: the prerendered figures of the shipped decks, shown (study buttons disabled) until the
	 * database's own are read; the same deck tree from the first paint, so the app only updates figures.
	 */
	/**
	 * `db` may be the function that opens it (the route passes `appDb`): the database is then created on the
	 * first load, not while the prerendered page hydrates.
	 */
	constructor(
		private readonly db: KartkaDB | (() => KartkaDB),
		options: ScreenOptions & {
			shipped?: DeckSummary[];
			installerCounts?: { want(): void; take(): DeckSummary[] | null };
		} = {}
	) {
		super(options);
		this.decks = options.shipped ?? null;
		this.installerCounts = options.installerCounts ?? {
			want: wantInstallerCounts,
			take: takeInstallerCounts
		};
		// Asked before start-up begins: on a first visit the installer worker reads them where it writes the
		// decks, and the page neither creates the database nor reads it for them (issue 13: blocking time).
		this.installerCounts.want();
	}

	/**
	 * Starts in the task after hydration: the prerendered list is already on screen, and opening the
	 * database (Dexie's schema, the shipped-deck check) must not lengthen hydration's task (issue 13: TBT).
	 */
	override async load(): Promise<void> {
		await afterThisTask();
		return super.load();
	}

	protected async fetch(): Promise<void> {
		// Already in title order (deckSummaries).
		const counted = this.installerCounts.take();
		if (counted) {
			this.decks = counted;
			return;
		}
		const db = typeof this.db === 'function' ? this.db() : this.db;
		this.decks = await deckSummaries(db, this.clock());
	}
}
