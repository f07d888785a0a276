/** Per-deck overrides of the scheduler settings, kept on the deck row (`DeckRow.settings`). */
import type { SchedulerSettings } from '$lib/domain/scheduler-settings';
import type { KartkaDB } from './db';

export async function getDeckOverrides(db: KartkaDB, deckId: string): Promise<Partial<SchedulerSettings>> {
	return (await db.decks.get(deckId))?.settings ?? {};
}

/** Replaces the deck's overrides (an empty object: the deck follows the global settings). */
export async function saveDeckOverrides(
	db: KartkaDB,
	deckId: string,
	overrides: Partial<SchedulerSettings>
): Promise<void> {
	await db.transaction('rw', db.decks, async () => {
		const deck = await db.decks.get(deckId);
		if (!deck) throw new Error('This deck no longer exists.');
		await db.decks.put({ ...deck, settings: { ...overrides } });
	});
}
