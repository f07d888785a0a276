/**
 * Training items for the FSRS optimizer, built from review logs the way Anki builds them: one item per
 * answer on a LATER study day than the card's previous answer (the answers the model predicts), holding
 * the card's whole history up to that answer, same-day steps included. Days are the user's
 * LOCAL study days (the `studyDay` stored with each log, cutoff hour included), never UTC days.
 * Practice answers (cram runs outside the schedule) are left out: they would teach the model about
 * reviews the scheduler never asked for. Pure.
 */
import type { MemoryReview } from '../fsrs-adapter';
import type { ReviewLogRow } from '../model';
import { CardState } from '../schedule';

/** Anki asks for a few hundred reviews before fitting; below this the defaults are usually better. */
const MIN_LONG_TERM_REVIEWS = 400;

export interface TrainingSet {
	/** Each item: a card's answers up to and including the one to predict (first delta 0, last > 0). */
	items: MemoryReview[][];
	/** The card of each item (same index), to split by card for held-out checks. */
	itemCards: string[];
	/** Items whose last answer came on a later day than the one before: the ones the model can score. */
	longTermCount: number;
	/** Cards that contributed at least one item. */
	cardCount: number;
	/** Answers used (all kinds of history, practice excluded). */
	reviewCount: number;
}

type LogLike = Pick<
	ReviewLogRow,
	'cardId' | 'rating' | 'kind' | 'reviewedMs' | 'studyDay' | 'before' | 'after'
> & {
	id?: number;
};

/**
 * A card's usable history: from its last start as a new card (first answer, or a reset to new by a
 * manual "forget"), scheduled answers only. Cards whose first answer is not from the new state (history
 * imported without logs, or trimmed) are skipped: their starting memory is unknown.
 */
export function historyOfCard(logs: readonly LogLike[]): MemoryReview[] {
	const sorted = [...logs].sort((a, b) => a.reviewedMs - b.reviewedMs || (a.id ?? 0) - (b.id ?? 0));
	let history: MemoryReview[] = [];
	let lastDay = 0;
	let started = false;
	for (const log of sorted) {
		if (log.kind === 'manual') {
			if (log.after.state === CardState.New) {
				history = [];
				started = false;
			}
			continue;
		}
		if (log.kind !== 'review') continue;
		if (!started) {
			if (log.before.state !== CardState.New) continue;
			started = true;
			history.push({ rating: log.rating, deltaDays: 0 });
		} else {
			history.push({ rating: log.rating, deltaDays: Math.max(0, log.studyDay - lastDay) });
		}
		lastDay = log.studyDay;
	}
	return history;
}

export function buildTrainingSet(logs: readonly LogLike[]): TrainingSet {
	const byCard = new Map<string, LogLike[]>();
	for (const log of logs) {
		const list = byCard.get(log.cardId);
		if (list) list.push(log);
		else byCard.set(log.cardId, [log]);
	}
	const set: TrainingSet = { items: [], itemCards: [], longTermCount: 0, cardCount: 0, reviewCount: 0 };
	for (const [cardId, cardLogs] of byCard) {
		const history = historyOfCard(cardLogs);
		if (history.length < 2) continue;
		set.cardCount++;
		set.reviewCount += history.length;
		for (let end = 2; end <= history.length; end++) {
			// fsrs-rs cannot train on an item that ends with a same-day answer (it panics), and Anki does
			// not make such items: same-day steps only shape the items that follow them.
			if (history[end - 1]!.deltaDays <= 0) continue;
			set.items.push(history.slice(0, end));
			set.itemCards.push(cardId);
			set.longTermCount++;
		}
	}
	return set;
}

export interface Readiness {
	ready: boolean;
	have: number;
	need: number;
}

export function optimizerReadiness(
	set: Pick<TrainingSet, 'longTermCount'>,
	need = MIN_LONG_TERM_REVIEWS
): Readiness {
	return { ready: set.longTermCount >= need, have: set.longTermCount, need };
}

/** The flat arrays the wasm optimizer takes: ratings and day gaps back to back, and each item's length. */
export interface PackedItems {
	ratings: Uint32Array;
	deltaDays: Uint32Array;
	lengths: Uint32Array;
}

export function packItems(items: readonly MemoryReview[][]): PackedItems {
	const total = items.reduce((n, item) => n + item.length, 0);
	const packed: PackedItems = {
		ratings: new Uint32Array(total),
		deltaDays: new Uint32Array(total),
		lengths: new Uint32Array(items.length)
	};
	let at = 0;
	items.forEach((item, i) => {
		packed.lengths[i] = item.length;
		for (const review of item) {
			packed.ratings[at] = review.rating;
			packed.deltaDays[at] = review.deltaDays;
			at++;
		}
	});
	return packed;
}
