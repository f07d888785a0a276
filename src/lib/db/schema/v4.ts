import type { SchemaStep } from '../db';
import { Queue, type CardRow } from '$lib/domain/model';

/**
 * Version 4: cards, notes and decks in the user's hands (issue 11).
 * - decks: + index `group` (the decks of a group, for "Study all" and group exam dates).
 * - cards: new optional fields `suspendedReason` and `buriedUntilMs` (no index: Browse filters in memory).
 *   Before this version only deck updates suspended cards (a note or cloze gone from the deck), so every
 *   suspended card is given the reason 'update': it comes back by itself when its content returns.
 * - notes: new optional field `userEdit` (the user's edit of a deck note, with the deck's original).
 * The cards, notes and reviewLogs index lists are unchanged (not re-declared).
 */
export const step: SchemaStep = {
	stores: {
		decks: 'id, group'
	},
	async upgrade(tx) {
		await tx
			.table<CardRow, string>('cards')
			.where('[queue+dueMs]')
			.between([Queue.Suspended, -Infinity], [Queue.Suspended, Infinity])
			.modify((card) => {
				card.suspendedReason ??= 'update';
			});
	}
};
