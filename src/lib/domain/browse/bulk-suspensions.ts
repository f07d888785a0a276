/**
 * Suspend / Unsuspend planned over suspensions alone. Since schema v11 they write only suspension rows, so
 * the only thing they need to know about a selected card is whether it exists and its current suspension;
 * neither its content nor its schedule. Planning from those (instead of whole card rows) lets a bulk suspend
 * of 10,000 cards skip reading 10,000 card rows (docs/performance.md "Bulk actions").
 * Same rules as planSuspend / planUnsuspend over whole cards (bulk-actions.ts; a test holds them equal),
 * and the same sync stamps as stampSuspension (sync/bulk-sync.ts). Pure.
 */
import type { SuspendedReason } from '../model';
import { plural } from './bulk-actions';

/** A card's suspension as stored beside it (db: SuspensionRow). A card with no row is not suspended. */
export interface CardSuspension {
	id: string;
	suspended: boolean;
	reason?: SuspendedReason;
	userSuspended?: boolean;
	suspendChangedMs?: number;
	suspendChangedBy?: string;
}

export interface SuspensionPlan {
	action: 'suspend' | 'unsuspend';
	/** For the status line next to "Undo": "Suspended 12 cards". */
	done: string;
	skipped: string | null;
	/** The changed cards' suspensions before the action (what "Undo" writes back, stamped anew)… */
	before: CardSuspension[];
	/** …and after it (stamped when written: stampSuspensionRow). */
	after: CardSuspension[];
}

const notSuspended = (id: string): CardSuspension => ({ id, suspended: false });

/** As suspensionReason (cards/suspension.ts): a suspension without a reason came from a deck update. */
function reasonOf(s: CardSuspension): SuspendedReason | null {
	return s.suspended ? (s.reason ?? 'update') : null;
}

/** The suspensions of `ids` (cards that exist, in the order given) from the rows found. */
function current(ids: readonly string[], rows: ReadonlyMap<string, CardSuspension>): CardSuspension[] {
	return ids.map((id) => rows.get(id) ?? notSuspended(id));
}

/** Suspend: by the user (an automatic suspension becomes the user's: it then stays until the user says so). */
export function planSuspendRows(
	ids: readonly string[],
	rows: ReadonlyMap<string, CardSuspension>
): SuspensionPlan {
	const before = current(ids, rows).filter((s) => reasonOf(s) !== 'user');
	const after = before.map((s): CardSuspension => ({ ...s, suspended: true, reason: 'user' }));
	return {
		action: 'suspend',
		done: `Suspended ${plural(after.length, 'card')}`,
		skipped: null,
		before,
		after
	};
}

/** Unsuspend, except cards whose text was removed (they would show nothing; they return with their text). */
export function planUnsuspendRows(
	ids: readonly string[],
	rows: ReadonlyMap<string, CardSuspension>
): SuspensionPlan {
	const suspended = current(ids, rows).filter((s) => s.suspended);
	const noText = suspended.filter((s) => reasonOf(s) === 'content').length;
	const before = suspended.filter((s) => reasonOf(s) !== 'content');
	// A synced suspension (`userSuspended`) is lifted too, or the card's next replay would hide it again.
	const after = before.map(({ reason: _r, userSuspended: _u, ...rest }) => ({ ...rest, suspended: false }));
	const skipped = noText
		? `${plural(noText, 'card')} stay suspended: their text was removed (edit the note to bring it back).`
		: null;
	return { action: 'unsuspend', done: `Unsuspended ${plural(after.length, 'card')}`, skipped, before, after };
}

/** As stampSuspension: the person's suspension set from the row's state, changed now by this device. */
export function stampSuspensionRow(s: CardSuspension, nowMs: number, deviceId: string): CardSuspension {
	const user = s.suspended && (s.reason === 'user' || !!s.userSuspended);
	return {
		...s,
		...(user ? { reason: 'user' as const } : {}),
		userSuspended: user,
		suspendChangedMs: nowMs,
		suspendChangedBy: deviceId
	};
}

/** True when two suspensions are the same (an undo checks that nothing changed them since). */
export function sameSuspension(a: CardSuspension | undefined, b: CardSuspension): boolean {
	return (
		!!a &&
		a.suspended === b.suspended &&
		a.reason === b.reason &&
		a.userSuspended === b.userSuspended &&
		a.suspendChangedMs === b.suspendChangedMs &&
		a.suspendChangedBy === b.suspendChangedBy
	);
}
