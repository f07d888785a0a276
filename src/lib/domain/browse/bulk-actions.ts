/**
 * Browse's bulk actions as pure plans: the rows to write AND the rows that undo them. The database
 * layer (browse.repo) applies a plan in ONE transaction, after checking that nothing it is about to
 * change moved since it was read, and keeps the undo until the next action.
 * Schedules stay equal to the replay of review logs: "Forget" and "Set due date" add a 'manual' log
 * (before/after), as Anki writes a manual revlog entry; logs are never rewritten.
 */
import { KartkaError } from '../errors';
import { Queue, queueForState, type CardRow, type NoteRow, type ReviewLogRow } from '../model';
import { CardState, newCardSchedule, pickSchedule, type CardSchedule } from '../schedule';
import { endOfStudyDayAt, startOfStudyDay, studyDayOf } from '../study-day';
import { suspendCard, suspensionReason, unsuspendCard } from '../cards/suspension';

export type BulkAction =
	'suspend' | 'unsuspend' | 'bury' | 'forget' | 'set-due' | 'move' | 'add-tags' | 'remove-tags' | 'delete';

export interface BulkWrite {
	cardPuts: CardRow[];
	cardDeletes: string[];
	notePuts: NoteRow[];
	noteDeletes: string[];
	/** Logs to add (no id) or put back (with their id). */
	logPuts: ReviewLogRow[];
	logDeletes: number[];
}

export interface BulkPlan {
	action: BulkAction;
	/** What was done, for the status line next to "Undo": "Suspended 12 cards". */
	done: string;
	/** Cards left alone and why, or null. */
	skipped: string | null;
	write: BulkWrite;
	/** Applied by "Undo". Logs added by `write` are removed by the repo (it knows their new ids). */
	undo: BulkWrite;
}

export interface BulkContext {
	nowMs: number;
	dayCutoffHour: number;
}

export const MAX_DUE_DAYS = 36_500;
export const MAX_TAG_LENGTH = 100;

export function emptyWrite(): BulkWrite {
	return { cardPuts: [], cardDeletes: [], notePuts: [], noteDeletes: [], logPuts: [], logDeletes: [] };
}

export const plural = (n: number, one: string, many = `${one}s`) =>
	`${n.toLocaleString('en')} ${n === 1 ? one : many}`;

function cardPlan(
	action: BulkAction,
	verb: string,
	before: CardRow[],
	after: CardRow[],
	skipped: string | null = null
): BulkPlan {
	return {
		action,
		done: `${verb} ${plural(after.length, 'card')}`,
		skipped,
		write: { ...emptyWrite(), cardPuts: after },
		undo: { ...emptyWrite(), cardPuts: before }
	};
}

export function planSuspend(cards: readonly CardRow[]): BulkPlan {
	// Cards suspended automatically become the user's: they then stay suspended until the user says so.
	const targets = cards.filter((c) => suspensionReason(c) !== 'user');
	return cardPlan(
		'suspend',
		'Suspended',
		targets,
		// The rev stays (schema v11): a bulk suspension writes only suspension rows, never the card rows;
		// an answer shown before it is refused by the answer's own check of the suspension (review.repo).
		targets.map((c) => ({ ...suspendCard(c, 'user'), rev: c.rev }))
	);
}

export function planUnsuspend(cards: readonly CardRow[]): BulkPlan {
	const suspended = cards.filter((c) => c.queue === Queue.Suspended);
	// A card whose text was removed would show nothing: it comes back when its text does.
	const noText = suspended.filter((c) => suspensionReason(c) === 'content');
	const targets = suspended.filter((c) => suspensionReason(c) !== 'content');
	const skipped = noText.length
		? `${plural(noText.length, 'card')} stay suspended: their text was removed (edit the note to bring it back).`
		: null;
	const after = targets.map((c) => ({ ...unsuspendCard(c), rev: c.rev })); // (rev: see planSuspend)
	return cardPlan('unsuspend', 'Unsuspended', targets, after, skipped);
}

/** Bury: out of study until the next study day starts (no clean-up needed: the time passes). */
export function planBury(cards: readonly CardRow[], ctx: BulkContext): BulkPlan {
	const untilMs = endOfStudyDayAt(ctx.nowMs, ctx.dayCutoffHour);
	const targets = cards.filter((c) => c.queue !== Queue.Suspended && (c.buriedUntilMs ?? 0) < untilMs);
	const after = targets.map((c) => ({ ...c, buriedUntilMs: untilMs, rev: c.rev + 1 }));
	return cardPlan('bury', 'Buried', targets, after);
}

function manualLog(card: CardRow, before: CardSchedule, after: CardSchedule, ctx: BulkContext): ReviewLogRow {
	return {
		cardId: card.id,
		noteId: card.noteId,
		deckId: card.deckId,
		rating: 1, // not an answer: 'manual' logs are skipped by statistics and applied as recorded by replay
		kind: 'manual',
		reviewedMs: ctx.nowMs,
		studyDay: studyDayOf(ctx.nowMs, ctx.dayCutoffHour),
		durationMs: 0,
		before,
		after,
		afterRev: card.rev + 1
	};
}

function withSchedule(card: CardRow, schedule: CardSchedule): CardRow {
	const queue = card.queue === Queue.Suspended ? Queue.Suspended : queueForState(schedule.state);
	return { ...card, ...schedule, queue, rev: card.rev + 1 };
}

/** Forget: back to new (the review logs are kept, and a manual log records the reset). */
export function planForget(cards: readonly CardRow[], ctx: BulkContext): BulkPlan {
	const targets = cards.filter((c) => c.state !== CardState.New);
	const after = targets.map((c) => {
		const reset = { ...newCardSchedule(ctx.nowMs), lapses: 0, reps: 0 };
		return withSchedule(c, reset);
	});
	const plan = cardPlan('forget', 'Reset to new', targets, after);
	plan.write.logPuts = targets.map((c, i) => manualLog(c, pickSchedule(c), pickSchedule(after[i]!), ctx));
	const fresh = cards.length - targets.length;
	if (fresh) plan.skipped = `${plural(fresh, 'card')} already new.`;
	return plan;
}

/** "0" (today), "3", or a range "3-7" (spread over the cards, as Anki's "Set due date" does). */
export function parseDueDays(
	text: string
): { ok: true; min: number; max: number } | { ok: false; message: string } {
	const m = /^\s*(\d{1,6})\s*(?:-\s*(\d{1,6})\s*)?$/.exec(text);
	if (!m)
		return {
			ok: false,
			message: `"${text}" is not a number of days: write 0 for today, 3, or a range like 3-7.`
		};
	const min = Number(m[1]);
	const max = m[2] === undefined ? min : Number(m[2]);
	if (max < min)
		return { ok: false, message: `In "${text}" the range runs backwards: write the smaller number first.` };
	if (max > MAX_DUE_DAYS) return { ok: false, message: `At most ${MAX_DUE_DAYS} days ahead.` };
	return { ok: true, min, max };
}

/** A stable spread of a range over cards (by card id), so a replan gives the same days. */
function spread(id: string, min: number, max: number): number {
	let h = 2166136261;
	for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
	return min + ((h >>> 0) % (max - min + 1));
}

/** Set due date: review and learning cards fall due on a chosen study day; new cards keep their place. */
export function planSetDue(cards: readonly CardRow[], days: string, ctx: BulkContext): BulkPlan {
	const parsed = parseDueDays(days);
	if (!parsed.ok) throw new KartkaError('bulk-due-days', parsed.message);
	const today = studyDayOf(ctx.nowMs, ctx.dayCutoffHour);
	const targets = cards.filter((c) => c.state !== CardState.New);
	const after = targets.map((c) => {
		const dueMs = startOfStudyDay(today + spread(c.id, parsed.min, parsed.max), ctx.dayCutoffHour);
		return withSchedule(c, { ...pickSchedule(c), dueMs });
	});
	const plan = cardPlan('set-due', 'Set the due date of', targets, after);
	plan.write.logPuts = targets.map((c, i) => manualLog(c, pickSchedule(c), pickSchedule(after[i]!), ctx));
	const fresh = cards.length - targets.length;
	if (fresh) plan.skipped = `${plural(fresh, 'new card')} keep their place in the new-card order.`;
	return plan;
}

/** Move to deck: whole notes move (a note's cards stay together), with every card of each note. */
export function planMove(
	notes: readonly NoteRow[],
	cardsOfNotes: readonly CardRow[],
	deckId: string,
	ctx: BulkContext
): BulkPlan {
	const moving = notes.filter((n) => n.deckId !== deckId);
	const ids = new Set(moving.map((n) => n.id));
	const cards = cardsOfNotes.filter((c) => ids.has(c.noteId));
	return {
		action: 'move',
		done: `Moved ${plural(moving.length, 'note')} (${plural(cards.length, 'card')})`,
		skipped: null,
		write: {
			...emptyWrite(),
			notePuts: moving.map((n) => ({ ...n, deckId, updatedMs: ctx.nowMs })),
			cardPuts: cards.map((c) => ({ ...c, deckId, rev: c.rev + 1 }))
		},
		undo: { ...emptyWrite(), notePuts: [...moving], cardPuts: cards }
	};
}

/** Tags typed by the user: separated by spaces or commas; each without spaces, at most 100 characters. */
export function parseTags(text: string): { ok: true; tags: string[] } | { ok: false; message: string } {
	const tags = [...new Set(text.split(/[\s,]+/).filter((t) => t !== ''))];
	if (tags.length === 0) return { ok: false, message: 'Write at least one tag.' };
	const long = tags.find((t) => t.length > MAX_TAG_LENGTH);
	if (long)
		return { ok: false, message: `The tag "${long.slice(0, 20)}…" is too long (at most ${MAX_TAG_LENGTH}).` };
	return { ok: true, tags };
}

export function planTags(
	notes: readonly NoteRow[],
	text: string,
	mode: 'add' | 'remove',
	ctx: BulkContext
): BulkPlan {
	const parsed = parseTags(text);
	if (!parsed.ok) throw new KartkaError('bulk-tags', parsed.message);
	const lower = new Set(parsed.tags.map((t) => t.toLowerCase()));
	const changed: NoteRow[] = [];
	const after: NoteRow[] = [];
	for (const n of notes) {
		const have = new Set(n.tags.map((t) => t.toLowerCase()));
		const tags =
			mode === 'add'
				? [...n.tags, ...parsed.tags.filter((t) => !have.has(t.toLowerCase()))]
				: n.tags.filter((t) => !lower.has(t.toLowerCase()));
		if (tags.length === n.tags.length) continue;
		changed.push(n);
		after.push({ ...n, tags, updatedMs: ctx.nowMs });
	}
	const verb = mode === 'add' ? `Added ${parsed.tags.join(' ')} to` : `Removed ${parsed.tags.join(' ')} from`;
	return {
		action: mode === 'add' ? 'add-tags' : 'remove-tags',
		done: `${verb} ${plural(changed.length, 'note')}`,
		skipped: null,
		write: { ...emptyWrite(), notePuts: after },
		undo: { ...emptyWrite(), notePuts: changed }
	};
}

/**
 * Delete cards, their review logs, and each note left with no card. Undo puts every row back as it was
 * (logs with their ids), so a deleted card comes back with its whole history.
 */
export function planDelete(
	cards: readonly CardRow[],
	notes: readonly NoteRow[],
	cardsOfNotes: readonly CardRow[],
	logs: readonly ReviewLogRow[]
): BulkPlan {
	const deleting = new Set(cards.map((c) => c.id));
	const emptied = notes.filter((n) => cardsOfNotes.every((c) => c.noteId !== n.id || deleting.has(c.id)));
	const ownLogs = logs.filter((l) => deleting.has(l.cardId));
	return {
		action: 'delete',
		done: `Deleted ${plural(cards.length, 'card')}`,
		skipped: null,
		write: {
			...emptyWrite(),
			cardDeletes: [...deleting],
			noteDeletes: emptied.map((n) => n.id),
			logDeletes: ownLogs.map((l) => l.id!).filter((id) => id !== undefined)
		},
		undo: { ...emptyWrite(), cardPuts: [...cards], notePuts: [...emptied], logPuts: [...ownLogs] }
	};
}
