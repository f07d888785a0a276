/** The readiness screen: the deck it is about and its readiness view, with one `status`/`error`. */
import type { KartkaDB } from '$lib/db/db';
import { readinessView, type ReadinessView } from '$lib/services/exam/readiness.service';
import { DeckHeader } from './deck-header.svelte';
import { ScreenState, type ScreenOptions } from './screen-status.svelte';

export class ReadinessState extends ScreenState {
	readonly header: DeckHeader;
	view = $state.raw<ReadinessView | null>(null);

	constructor(
		private readonly db: KartkaDB,
		readonly deckId: string,
		options: ScreenOptions = {}
	) {
		super(options);
		this.header = new DeckHeader(db, deckId);
	}

	protected async fetch(): Promise<void> {
		if (await this.header.load()) this.view = await readinessView(this.db, this.deckId, this.clock());
	}
}
