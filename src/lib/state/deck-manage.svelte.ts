/** The deck screen's "Manage" panel: rename, move to group, delete (confirmed) and its one-step undo. */
import type { KartkaDB } from '$lib/db/db';
import { errorMessage } from '$lib/domain/errors';
import type { DeckRow } from '$lib/domain/model';
import {
	deleteDeck,
	moveDeckToGroup,
	renameDeck,
	undoDeleteDeck,
	type DeletedDeck
} from '$lib/services/decks/deck-manage.service';

export class DeckManager {
	message = $state<string | null>(null);
	error = $state<string | null>(null);
	busy = $state(false);
	/** What the last delete removed: "Undo" puts it back (until the next action). */
	deleted = $state.raw<DeletedDeck | null>(null);

	constructor(
		private readonly db: KartkaDB,
		private readonly onchange: (deck: DeckRow | null) => void | Promise<void>,
		private readonly clock: () => number = () => Date.now()
	) {}

	private async run(action: () => Promise<string>): Promise<boolean> {
		if (this.busy) return false;
		this.busy = true;
		this.error = null;
		try {
			this.message = await action();
			return true;
		} catch (e) {
			this.error = errorMessage(e);
			return false;
		} finally {
			this.busy = false;
		}
	}

	rename(deckId: string, title: string): Promise<boolean> {
		return this.run(async () => {
			const deck = await renameDeck(this.db, deckId, title, this.clock());
			this.deleted = null;
			await this.onchange(deck);
			return `Renamed to "${deck.title}".`;
		});
	}

	moveToGroup(deckId: string, group: string): Promise<boolean> {
		return this.run(async () => {
			const deck = await moveDeckToGroup(this.db, deckId, group, this.clock());
			this.deleted = null;
			await this.onchange(deck);
			return deck.group ? `Moved to the group "${deck.group}".` : 'Taken out of its group.';
		});
	}

	delete(deckId: string): Promise<boolean> {
		return this.run(async () => {
			this.deleted = await deleteDeck(this.db, deckId, this.clock());
			await this.onchange(null);
			return `Deleted "${this.deleted.deck.title}" and its ${this.deleted.cards.length} cards.`;
		});
	}

	undo(): Promise<boolean> {
		const deleted = this.deleted;
		if (!deleted) return Promise.resolve(false);
		return this.run(async () => {
			await undoDeleteDeck(this.db, deleted, this.clock());
			this.deleted = null;
			await this.onchange(deleted.deck);
			return `"${deleted.deck.title}" is back.`;
		});
	}
}
