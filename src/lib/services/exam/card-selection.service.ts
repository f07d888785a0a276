/** The cards a filter chooses in a deck (practice sessions and tests), with their notes. */
import type { CardFilter } from '$lib/domain/exam/card-filter';
import { selectCards } from '$lib/domain/exam/card-filter';
import type { CardRow } from '$lib/domain/model';
import { recallMomentMs, type DeckStudyState } from './deck-study-state.service';

export function chooseCards(state: DeckStudyState, filter: CardFilter): CardRow[] {
	const noteTags = new Map([...state.notes].map(([id, n]) => [id, n.tags]));
	const atMs = recallMomentMs(state);
	return selectCards(state.cards, filter, {
		nowMs: state.nowMs,
		dayCutoffHour: state.settings.dayCutoffHour,
		noteTags,
		failedToday: state.failedToday,
		recall: (card) => state.scheduler.retrievability(card, atMs)
	});
}
