/**
 * What Browse's bulk actions (and their undo) send to sync, as pure rules. The database layer records
 * these documents in the outbox inside the action's own transaction (db/browse-sync.repo.ts).
 *
 * - Suspend / Unsuspend: the card documents (a person's suspension, `userSuspended`), stamped with the
 *   action's time and device so that "the later change wins" compares the right times.
 * - Forget / Set due date: the 'manual' review logs they add (log documents), so that every device
 *   replays the same schedule; their undo deletes those logs.
 * - Move to deck, Add / Remove tags: the note documents (a note carries its deck and its tags; the
 *   receiving device moves the note's cards with it when it recomputes them).
 * - Delete: note tombstones for the notes left without a card, and the deletion of the cards' logs.
 * - Bury stays on this device: it is day-scoped (gone at the next study day), as in Anki.
 * Pure.
 */
import { Queue, type CardRow, type NoteRow } from '../model';
import type { BulkAction } from '../browse/bulk-actions';
import type { SyncedCardRow } from './row-docs';

/** Actions whose card writes change a person's suspension (sent as card documents). */
const SUSPENSION_ACTIONS: ReadonlySet<BulkAction> = new Set(['suspend', 'unsuspend']);

export function changesSuspension(action: BulkAction): boolean {
	return SUSPENSION_ACTIONS.has(action);
}

/** True when the card is hidden by the person's own choice (Browse's 'user' reason, or a synced one). */
export function isUserSuspended(card: CardRow): boolean {
	return (
		card.queue === Queue.Suspended &&
		(card.suspendedReason === 'user' || !!(card as SyncedCardRow).userSuspended)
	);
}

/**
 * The card with its synced suspension set from its state (issue 11's `suspendedReason: 'user'` and issue
 * 14's `userSuspended` kept in step), changed now by this device.
 */
export function stampSuspension(card: CardRow, nowMs: number, deviceId: string): SyncedCardRow {
	const suspended = isUserSuspended(card);
	return {
		...card,
		...(suspended ? { suspendedReason: 'user' as const } : {}),
		userSuspended: suspended,
		suspendChangedMs: nowMs,
		suspendChangedBy: deviceId
	};
}

/**
 * Notes written back by an undo count as changed now (so that "the latest edit wins" puts the undo after
 * the action it undoes, on every device).
 */
export function touchNotes(notes: readonly NoteRow[], nowMs: number): NoteRow[] {
	return notes.map((n) => ({ ...n, updatedMs: Math.max(n.updatedMs, nowMs) }));
}

/**
 * A card with a suspension document applied (pull): `userSuspended` and the 'user' reason move together,
 * so a suspension from another device reads "Suspended by you" here, and an unsuspension from another
 * device lifts one made in this device's Browse (replay would otherwise keep the card hidden).
 */
export function applySuspension(
	card: SyncedCardRow,
	body: { suspended: boolean; changedMs: number; changedBy: string }
): SyncedCardRow {
	const { suspendedReason, ...rest } = card;
	const reason = body.suspended ? 'user' : suspendedReason === 'user' ? undefined : suspendedReason;
	return {
		...rest,
		...(reason ? { suspendedReason: reason } : {}),
		userSuspended: body.suspended,
		suspendChangedMs: body.changedMs,
		suspendChangedBy: body.changedBy
	};
}
