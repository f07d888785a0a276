/** The home screen: the list of decks with today's counts. */
import type { KartkaDB } from '$lib/db/db';
import { deckSummaries, type DeckSummary } from '$lib/services/deck-summary.service';
import { buildDeckTree, type DeckTree } from '$lib/domain/decks/deck-groups';
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

	/**
	 * `shipped`: the prerendered figures of the shipped decks, shown (study buttons disabled) until the
	 * database's own are read; the same deck tree from the first paint, so the app only updates figures.
	 */
	constructor(
		private readonly db: KartkaDB,
		options: ScreenOptions & { shipped?: DeckSummary[] } = {}
	) {
		super(options);
		this.decks = options.shipped ?? null;
	}

	protected async fetch(): Promise<void> {
		this.decks = await deckSummaries(this.db, this.clock());
	}
}
