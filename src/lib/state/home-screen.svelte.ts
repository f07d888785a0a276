/** The home screen: the list of decks with today's counts. */
import type { KartkaDB } from '$lib/db/db';
import { deckSummaries, type DeckSummary } from '$lib/services/deck-summary.service';
import { ScreenState, type ScreenOptions } from './screen-status.svelte';

export class HomeScreen extends ScreenState {
	decks = $state.raw<DeckSummary[] | null>(null);

	constructor(
		private readonly db: KartkaDB,
		options: ScreenOptions = {}
	) {
		super(options);
	}

	protected async fetch(): Promise<void> {
		this.decks = await deckSummaries(this.db, this.clock());
	}
}
