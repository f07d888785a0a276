/**
 * Suspension with a reason. A card leaves study when the user suspends it ('user'), when an edit
 * removes its text ('content', e.g. a cloze number deleted), or when a deck update removes it ('update').
 * Content and update suspensions undo themselves when the content returns; a user's never does. Pure.
 */
import { Queue, queueForState, type CardRow, type SuspendedReason } from '../model';

/** Every write bumps `rev`: an answer shown before the change is then refused (see review.repo). */
export function suspendCard(card: CardRow, reason: SuspendedReason): CardRow {
	if (card.queue === Queue.Suspended && card.suspendedReason === reason) return card;
	// A user's suspension is never downgraded to an automatic one (it would come back by itself).
	if (card.queue === Queue.Suspended && suspensionReason(card) === 'user' && reason !== 'user') return card;
	return { ...card, queue: Queue.Suspended, suspendedReason: reason, rev: card.rev + 1 };
}

export function unsuspendCard(card: CardRow): CardRow {
	if (card.queue !== Queue.Suspended) return card;
	// `userSuspended` is a suspension that came through sync: lifting it here lifts that one too, or the
	// next replay of the card would hide it again.
	const {
		suspendedReason: _reason,
		userSuspended: _synced,
		...rest
	} = card as CardRow & {
		userSuspended?: boolean;
	};
	return { ...rest, queue: queueForState(card.state), rev: card.rev + 1 };
}

/**
 * Why a card is suspended. Before reasons existed only deck updates suspended cards (schema v4 gives
 * them 'update'); a row without a reason is read the same way.
 */
export function suspensionReason(card: CardRow): SuspendedReason | null {
	if (card.queue !== Queue.Suspended) return null;
	return card.suspendedReason ?? 'update';
}

/** True when the card was suspended automatically and should return once its content exists again. */
export function returnsWithContent(card: CardRow): boolean {
	const reason = suspensionReason(card);
	return reason === 'content' || reason === 'update';
}

/** Words for Browse and card info. */
export function suspensionLabel(reason: SuspendedReason): string {
	switch (reason) {
		case 'user':
			return 'Suspended by you';
		case 'content':
			return 'Suspended because its text was removed';
		case 'update':
			return 'Suspended by a deck update';
	}
}
