/**
 * What a practice session draws its cards from: one deck, or a deck group (`groupScopeKey(path)` in place
 * of a deck id, as for group tests): the decks' study states merged (domain/exam/group-study-state.ts),
 * so the practice filter (missed cards, weakest, tags...) chooses across every deck of the group.
 * Each card keeps its own deck's scheduling: an answer that counts is scheduled by the card's deck, and
 * a practice log is dated by its deck's day cutoff. Reads only.
 */
import type { KartkaDB } from '$lib/db/db';
import type { DeckStudyState } from '$lib/domain/exam/deck-study-state';
import { groupOfScopeKey, mergeDeckStudyStates } from '$lib/domain/exam/group-study-state';
import type { Scheduler } from '$lib/domain/fsrs-adapter';
import type { CardRow } from '$lib/domain/model';
import { decksOfGroup, groupScheduling } from '../group-study.service';
import { loadDeckStudyState } from './deck-study-state.service';

export interface CardScheduling {
	scheduler: Scheduler;
	dayCutoffHour: number;
}

export interface PracticeSource {
	/** The deck's state, or the group's merged state (its deckId is the scope key). */
	state: DeckStudyState;
	/** The scheduling of the card's own deck. */
	schedulingOf(card: CardRow): CardScheduling;
}

/** The decks a scope covers: the deck itself, or every deck of the group (none: not found). */
async function deckIdsOf(db: KartkaDB, scope: string): Promise<string[]> {
	const group = groupOfScopeKey(scope);
	if (group === null) return [scope];
	return (await decksOfGroup(db, group)).map((d) => d.id);
}

/** The practice source of a deck id or a group's scope key; null for a group with no deck. */
export async function loadPracticeSource(
	db: KartkaDB,
	scope: string,
	nowMs: number
): Promise<PracticeSource | null> {
	const deckIds = await deckIdsOf(db, scope);
	if (deckIds.length === 0) return null;
	// Settings and schedulers read and built once per deck, and handed to each deck's study state.
	const scheduling = await groupScheduling(db, deckIds, nowMs);
	const states = await Promise.all(
		deckIds.map((id) => {
			const { deckSettings, scheduler } = scheduling.get(id)!;
			return loadDeckStudyState(db, id, nowMs, { settings: deckSettings, scheduler });
		})
	);
	const state = groupOfScopeKey(scope) === null ? states[0]! : mergeDeckStudyStates(scope, states);
	const fallback = scheduling.get(deckIds[0]!)!;
	return {
		state,
		schedulingOf: (card) => {
			const own = scheduling.get(card.deckId) ?? fallback;
			return { scheduler: own.scheduler, dayCutoffHour: own.deckSettings.dayCutoffHour };
		}
	};
}
