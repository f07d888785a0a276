/** Drives the statistics screen: the report for one deck (or all) and the decks to choose from. */
import type { KartkaDB } from '$lib/db/db';
import { listDecks } from '$lib/db/decks.repo';
import type { DeckRow } from '$lib/domain/model';
import { loadStats, type StatsReport } from '$lib/services/stats/stats.service';
import { ScreenState, type ScreenOptions } from './screen-status.svelte';

export class StatsScreen extends ScreenState {
	report = $state.raw<StatsReport | null>(null);
	decks = $state.raw<DeckRow[]>([]);

	/** The deck shown (null: all decks). */
	deckId = $state<string | null>(null);

	constructor(
		private readonly db: KartkaDB,
		options: ScreenOptions = {}
	) {
		super(options);
	}

	/** Shows one deck (or all): the deck list stays on screen while the report loads. */
	show(deckId: string | null): Promise<void> {
		this.deckId = deckId;
		return this.load();
	}

	protected async fetch(): Promise<void> {
		const deckId = this.deckId;
		const [report, decks] = await Promise.all([loadStats(this.db, this.clock(), deckId), listDecks(this.db)]);
		// Another deck was chosen meanwhile: its own load shows it (a late answer must not replace it).
		if (deckId !== this.deckId) return;
		this.report = report;
		this.decks = decks;
	}
}
