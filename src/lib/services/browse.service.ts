/**
 * Browse's user actions: the scheduler settings they need, and each bulk action as one transaction
 * (browse.repo) planned by the pure rules. Bad input (a due date, tags, a deck) is refused with a
 * message before anything is written.
 */
import type { KartkaDB } from '$lib/db/db';
import { runBulkAction, undoBulkAction, type UndoRecord } from '$lib/db/browse.repo';
import { runSuspensionAction } from '$lib/db/bulk-suspensions.repo';
import { getGlobalSettings } from '$lib/db/settings.repo';
import { KartkaError } from '$lib/domain/errors';
import { createScheduler } from '$lib/domain/fsrs-adapter';
import { resolveSettings } from '$lib/domain/scheduler-settings';
import type { CardRow } from '$lib/domain/model';
import type { BrowseAction } from '$lib/domain/browse/browse-action';
import {
	parseDueDays,
	emptyWrite,
	parseTags,
	planBury,
	planDelete,
	planForget,
	planMove,
	planSetDue,
	planTags,
	type BulkPlan
} from '$lib/domain/browse/bulk-actions';

export { ACTION_LABELS, type BrowseAction } from '$lib/domain/browse/browse-action';

/** Actions whose planners look at notes (and all cards of those notes); the others need only the cards. */
const NOTE_ACTIONS = new Set<BrowseAction['kind']>(['move', 'add-tags', 'remove-tags', 'delete']);

/** A bulk action at most this large (a whole 100,000-card collection fits). */
export const MAX_BULK_CARDS = 200_000;

export interface BrowseSettings {
	dayCutoffHour: number;
	/** Current probability of recall (global parameters; 0 for new cards). */
	retrievability: (card: CardRow, atMs: number) => number;
}

export async function loadBrowseSettings(db: KartkaDB): Promise<BrowseSettings> {
	const settings = resolveSettings(await getGlobalSettings(db), undefined);
	const scheduler = createScheduler(settings);
	return {
		dayCutoffHour: settings.dayCutoffHour,
		retrievability: (card, atMs) => scheduler.retrievability(card, atMs)
	};
}

export interface ActionResult {
	/** What was done and what was left alone (the status line). */
	plan: Pick<BulkPlan, 'done' | 'skipped'>;
	record: UndoRecord;
}

/** Runs one bulk action over `cardIds` in one transaction. Throws KartkaError (nothing written) on bad input. */
export async function runBrowseAction(
	db: KartkaDB,
	cardIds: readonly string[],
	action: BrowseAction,
	nowMs: number,
	dayCutoffHour: number
): Promise<ActionResult> {
	if (cardIds.length === 0) throw new KartkaError('bulk-empty', 'Select at least one card first.');
	if (cardIds.length > MAX_BULK_CARDS)
		throw new KartkaError('bulk-too-many', `At most ${MAX_BULK_CARDS.toLocaleString('en')} cards at once.`);
	const ctx = { nowMs, dayCutoffHour };
	switch (action.kind) {
		case 'set-due': {
			const parsed = parseDueDays(action.days);
			if (!parsed.ok) throw new KartkaError('bulk-due-days', parsed.message);
			break;
		}
		case 'add-tags':
		case 'remove-tags': {
			const parsed = parseTags(action.tags);
			if (!parsed.ok) throw new KartkaError('bulk-tags', parsed.message);
			break;
		}
		case 'move':
			if (!(await db.decks.get(action.deckId)))
				throw new KartkaError('bulk-deck', 'Choose a deck to move the cards to.');
			break;
		case 'suspend':
		case 'unsuspend':
			return runSuspension(db, cardIds, action.kind, nowMs);
	}
	return runBulkAction(
		db,
		cardIds,
		(s) => {
			switch (action.kind) {
				case 'bury':
					return planBury(s.cards, ctx);
				case 'forget':
					return planForget(s.cards, ctx);
				case 'set-due':
					return planSetDue(s.cards, action.days, ctx);
				case 'move':
					return planMove(s.notes, s.cardsOfNotes, action.deckId, ctx);
				case 'add-tags':
					return planTags(s.notes, action.tags, 'add', ctx);
				case 'remove-tags':
					return planTags(s.notes, action.tags, 'remove', ctx);
				case 'delete':
					return planDelete(s.cards, s.notes, s.cardsOfNotes, s.logs);
				default: // suspend, unsuspend: runSuspension, above
					throw new KartkaError('bulk-internal', `"${action.kind}" is not a card write.`);
			}
		},
		{ withLogs: action.kind === 'delete', withNotes: NOTE_ACTIONS.has(action.kind), nowMs }
	);
}

/**
 * Suspend / Unsuspend read no card row and write only suspension rows (schema v11): their own transaction
 * (bulk-suspensions.repo), with the same status line and the same Undo.
 */
async function runSuspension(
	db: KartkaDB,
	cardIds: readonly string[],
	action: 'suspend' | 'unsuspend',
	nowMs: number
): Promise<ActionResult> {
	const { plan, undo } = await runSuspensionAction(db, cardIds, action, nowMs);
	const record: UndoRecord = {
		action,
		done: plan.done,
		undo: emptyWrite(),
		addedLogIds: [],
		revs: new Map(),
		deleted: [],
		suspensions: undo
	};
	return { plan, record };
}

/** Undoes `record` (the undo is a change made at `nowMs`, for sync's "latest change wins"). */
export function undoBrowseAction(db: KartkaDB, record: UndoRecord, nowMs: number): Promise<void> {
	return undoBulkAction(db, record, nowMs);
}

/** What changed (to refresh the list): written, restored or deleted cards, and notes whose text or tags changed. */
export function touched(record: UndoRecord): { cardIds: Set<string>; noteIds: Set<string> } {
	return {
		cardIds: new Set([
			...record.revs.keys(),
			...record.deleted,
			...record.undo.cardPuts.map((c) => c.id),
			...(record.suspensions?.written.map((s) => s.id) ?? [])
		]),
		noteIds: new Set(record.undo.notePuts.map((n) => n.id))
	};
}
