/** Card info (opened from Browse): the card as in study, its source, every answer, FSRS now, recall over time. */
import type { KartkaDB } from '$lib/db/db';
import { readCardInfo, type CardInfoData } from '$lib/db/browse.repo';
import { errorMessage } from '$lib/domain/errors';
import { renderCard, type RenderedCard } from '$lib/domain/card-render';
import { deckPath } from '$lib/domain/decks/deck-groups';
import { historyRows, recallSeries, type HistoryRow, type RecallPoint } from '$lib/domain/browse/card-info';
import { suspensionLabel, suspensionReason } from '$lib/domain/cards/suspension';
import { CardState } from '$lib/domain/schedule';
import { loadBrowseSettings } from '$lib/services/browse.service';

export interface CardInfoView {
	data: CardInfoData;
	rendered: RenderedCard;
	deckName: string;
	history: HistoryRow[];
	recall: RecallPoint[];
	/** FSRS memory now: null for a new card. */
	memory: { stability: number; difficulty: number; retrievability: number } | null;
	suspension: string | null;
}

export class CardInfoScreen {
	status = $state<'loading' | 'ready' | 'missing' | 'error'>('loading');
	view = $state.raw<CardInfoView | null>(null);
	error = $state<string | null>(null);

	constructor(
		private readonly db: KartkaDB,
		readonly cardId: string,
		private readonly clock: () => number = () => Date.now()
	) {}

	async load(): Promise<void> {
		try {
			const [data, settings] = await Promise.all([
				readCardInfo(this.db, this.cardId),
				loadBrowseSettings(this.db)
			]);
			if (!data) {
				this.status = 'missing';
				return;
			}
			const now = this.clock();
			const { card, note, deck } = data;
			const r = (s: Parameters<typeof settings.retrievability>[0], at: number) =>
				settings.retrievability(s, at);
			const reason = suspensionReason(card);
			this.view = {
				data,
				rendered: renderCard(note.kind, note.fields, card.ord),
				deckName: deck ? deckPath(deck) : card.deckId,
				history: historyRows(data.logs),
				recall: recallSeries(
					data.logs,
					Math.max(now, card.state === CardState.New ? now : card.dueMs),
					(s, at) => r({ ...card, ...s }, at)
				),
				memory:
					card.state === CardState.New
						? null
						: { stability: card.stability, difficulty: card.difficulty, retrievability: r(card, now) },
				suspension: reason ? suspensionLabel(reason) : null
			};
			this.status = 'ready';
		} catch (e) {
			this.error = errorMessage(e);
			this.status = 'error';
		}
	}
}
