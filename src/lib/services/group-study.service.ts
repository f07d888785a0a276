/**
 * "Study all" on a deck group: one queue over every deck of the group (domain/decks/group-queue.ts).
 * Each deck keeps its own daily limits and its own scheduler (its settings, its exam plan's cap:
 * `groupScheduling`); the group's limits are the global settings.
 */
import type { KartkaDB } from '$lib/db/db';
import { listDecks } from '$lib/db/decks.repo';
import { loadQueueInput } from '$lib/db/queue.repo';
import { settingsForDeck } from '$lib/db/settings.repo';
import { deckPath, inGroup } from '$lib/domain/decks/deck-groups';
import { groupQueueInput } from '$lib/domain/decks/group-queue';
import type { DeckRow } from '$lib/domain/model';
import type { QueueInput } from '$lib/domain/study-queue';
import { DEFAULT_SCHEDULER_SETTINGS } from '$lib/domain/scheduler-settings';
import { schedulingForDeck, type DeckScheduling } from './deck-scheduling.service';
import { studySettingsForDeck } from './study-settings.service';

export async function decksOfGroup(db: KartkaDB, group: string): Promise<DeckRow[]> {
	const decks = await listDecks(db);
	return decks.filter((d) => inGroup(d, group)).sort((a, b) => deckPath(a).localeCompare(deckPath(b)));
}

/**
 * Each deck's settings and scheduler, by deck id: a card answered in "Study all" is scheduled by its
 * own deck's (schedulerForDeck), never by one scheduler for the whole group.
 */
export async function groupScheduling(
	db: KartkaDB,
	deckIds: readonly string[],
	nowMs: number
): Promise<Map<string, DeckScheduling>> {
	const all = await Promise.all(deckIds.map((id) => schedulingForDeck(db, id, nowMs)));
	return new Map(deckIds.map((id, i) => [id, all[i]!]));
}

export async function loadGroupQueueInput(
	db: KartkaDB,
	deckIds: readonly string[],
	nowMs: number
): Promise<QueueInput> {
	const perDeck = await Promise.all(
		deckIds.map(async (deckId) => {
			const { settings } = await studySettingsForDeck(db, deckId, nowMs);
			return { deckId, settings, input: await loadQueueInput(db, deckId, nowMs, settings) };
		})
	);
	const global = deckIds.length ? await settingsForDeck(db, '') : DEFAULT_SCHEDULER_SETTINGS;
	const first = perDeck[0]?.input;
	return groupQueueInput(
		perDeck.map(({ deckId, settings, input }) => ({
			deckId,
			limits: settings,
			learning: input.learning,
			review: input.review,
			fresh: input.fresh,
			newStudiedToday: input.newStudiedToday,
			reviewsDoneToday: input.reviewsDoneToday
		})),
		{
			nowMs,
			endOfDayMs: first?.endOfDayMs ?? nowMs,
			groupLimits: global,
			burySiblings: global.burySiblings,
			notesStudiedToday: new Set(perDeck.flatMap((d) => [...d.input.notesStudiedToday]))
		}
	);
}
