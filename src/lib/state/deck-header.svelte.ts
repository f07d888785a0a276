/**
 * The deck a screen is about (deck, readiness, test): its row, its title for the heading and the
 * "← title" link back to the deck screen, and whether it exists at all.
 */
import type { KartkaDB } from '$lib/db/db';
import { getDeck } from '$lib/db/decks.repo';
import type { DeckRow } from '$lib/domain/model';

export class DeckHeader {
	/** undefined: not read yet; null: no such deck. */
	deck = $state.raw<DeckRow | null | undefined>(undefined);

	constructor(
		private readonly db: KartkaDB,
		readonly deckId: string
	) {}

	/** The deck's title; undefined while loading, null when the deck does not exist. */
	get title(): string | null | undefined {
		return this.deck === undefined ? undefined : (this.deck?.title ?? null);
	}

	get notFound(): boolean {
		return this.deck === null;
	}

	get deckHref(): string {
		return `/deck?id=${encodeURIComponent(this.deckId)}`;
	}

	async load(): Promise<DeckRow | null> {
		this.deck = (await getDeck(this.db, this.deckId)) ?? null;
		return this.deck;
	}
}
