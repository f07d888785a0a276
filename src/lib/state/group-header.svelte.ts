/**
 * The deck group a screen is about (group readiness, group test): the same shape as DeckHeader, so the
 * screens' heading (DeckPageHeader) shows "← Decks" and the group's name, or "not found".
 */
import type { KartkaDB } from '$lib/db/db';
import { groupNames } from '$lib/domain/decks/deck-groups';
import { decksOfGroup } from '$lib/services/group-study.service';

export class GroupHeader {
	/** undefined: not read yet. */
	deckCount = $state<number | undefined>(undefined);

	constructor(
		private readonly db: KartkaDB,
		readonly group: string
	) {}

	get title(): string | null | undefined {
		if (this.deckCount === undefined) return undefined;
		return this.deckCount === 0 ? null : (groupNames(this.group).at(-1) ?? this.group);
	}

	get notFound(): boolean {
		return this.deckCount === 0;
	}

	/** Groups are shown on home. */
	readonly deckHref = '/';

	/** True when the group has decks. */
	async load(): Promise<boolean> {
		this.deckCount = (await decksOfGroup(this.db, this.group)).length;
		return this.deckCount > 0;
	}
}
