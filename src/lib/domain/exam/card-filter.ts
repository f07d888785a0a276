/**
 * Which cards a practice session or a test uses: any mix of tags, "failed today", "due in the next N
 * days", a list of cards (e.g. those missed in a test), then optionally only the N weakest by predicted
 * recall. Encoded in URL query parameters so that every screen is a plain link. Pure.
 */
import { Queue, type CardRow } from '../model';
import { CardState } from '../schedule';
import { startOfStudyDay, studyDayOf } from '../study-day';

export interface CardFilter {
	/** Cards of notes with any of these tags (empty: all). */
	tags: string[];
	/** Cards answered "Again" today (in a review or a practice). */
	failedToday: boolean;
	/** Studied cards due within this many days, today included (null: no limit). */
	dueWithinDays: number | null;
	/** Only the N studied cards with the lowest predicted recall (null: all). */
	weakest: number | null;
	/** Only these cards (null: any). */
	cardIds: string[] | null;
}

export const NO_FILTER: CardFilter = {
	tags: [],
	failedToday: false,
	dueWithinDays: null,
	weakest: null,
	cardIds: null
};

export interface FilterContext {
	nowMs: number;
	dayCutoffHour: number;
	noteTags: ReadonlyMap<string, readonly string[]>;
	/** Cards answered Again today. */
	failedToday: ReadonlySet<string>;
	/** Predicted recall used to rank "weakest" (at the exam morning when there is an exam, else now). */
	recall: (card: CardRow) => number;
}

function positive(value: string | null): number | null {
	const n = value === null ? NaN : Number(value);
	return Number.isInteger(n) && n > 0 ? Math.min(n, 10_000) : null;
}

function list(value: string | null): string[] {
	return (value ?? '')
		.split(',')
		.map((s) => s.trim())
		.filter((s) => s !== '');
}

export function filterFromParams(params: URLSearchParams): CardFilter {
	const ids = list(params.get('cards'));
	return {
		tags: list(params.get('tags')),
		failedToday: params.get('failed') === '1',
		dueWithinDays: positive(params.get('due')),
		weakest: positive(params.get('weakest')),
		cardIds: ids.length ? ids : null
	};
}

export function filterToParams(filter: CardFilter, into = new URLSearchParams()): URLSearchParams {
	if (filter.tags.length) into.set('tags', filter.tags.join(','));
	if (filter.failedToday) into.set('failed', '1');
	if (filter.dueWithinDays) into.set('due', String(filter.dueWithinDays));
	if (filter.weakest) into.set('weakest', String(filter.weakest));
	if (filter.cardIds?.length) into.set('cards', filter.cardIds.join(','));
	return into;
}

/** The filter in words, for headings and screen readers. */
export function describeFilter(filter: CardFilter): string {
	const parts: string[] = [];
	if (filter.cardIds)
		parts.push(`${filter.cardIds.length} chosen ${filter.cardIds.length === 1 ? 'card' : 'cards'}`);
	if (filter.weakest) parts.push(`the ${filter.weakest} weakest cards`);
	if (filter.failedToday) parts.push('cards failed today');
	if (filter.dueWithinDays)
		parts.push(
			`cards due in the next ${filter.dueWithinDays} ${filter.dueWithinDays === 1 ? 'day' : 'days'}`
		);
	if (filter.tags.length) parts.push(`tagged ${filter.tags.join(' or ')}`);
	return parts.length ? parts.join(', ') : 'all cards';
}

/** The chosen cards, weakest first when ranked, else in deck order. Suspended cards are left out. */
export function selectCards(cards: readonly CardRow[], filter: CardFilter, ctx: FilterContext): CardRow[] {
	const ids = filter.cardIds ? new Set(filter.cardIds) : null;
	const dueBefore = filter.dueWithinDays
		? startOfStudyDay(studyDayOf(ctx.nowMs, ctx.dayCutoffHour) + filter.dueWithinDays, ctx.dayCutoffHour)
		: null;
	let chosen = cards.filter((c) => {
		if (c.queue === Queue.Suspended) return false;
		if (ids && !ids.has(c.id)) return false;
		if (filter.tags.length && !(ctx.noteTags.get(c.noteId) ?? []).some((t) => filter.tags.includes(t)))
			return false;
		if (filter.failedToday && !ctx.failedToday.has(c.id)) return false;
		if (dueBefore !== null && (c.state === CardState.New || c.dueMs >= dueBefore)) return false;
		return true;
	});
	chosen = [...chosen].sort((a, b) => a.newPosition - b.newPosition || (a.id < b.id ? -1 : 1));
	if (filter.weakest) {
		chosen = chosen
			.filter((c) => c.state !== CardState.New)
			.map((c) => ({ c, r: ctx.recall(c) }))
			.sort((a, b) => a.r - b.r || (a.c.id < b.c.id ? -1 : 1))
			.slice(0, filter.weakest)
			.map((x) => x.c);
	}
	return chosen;
}
