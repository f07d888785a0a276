/**
 * Browse's columns and their order. Pure. Sorting 100,000 cards takes tens of milliseconds: keys are
 * computed once per sort (retrievability needs the scheduler, passed in), not once per comparison.
 */
import type { CardRow } from '../model';
import { CardState } from '../schedule';
import type { SearchableCard } from './search-match';

export const COLUMNS = [
	{ key: 'question', label: 'Question' },
	{ key: 'answer', label: 'Answer' },
	{ key: 'deck', label: 'Deck' },
	{ key: 'due', label: 'Due' },
	{ key: 'interval', label: 'Interval' },
	{ key: 'stability', label: 'Stability' },
	{ key: 'retrievability', label: 'Retrievability' },
	{ key: 'lapses', label: 'Lapses' },
	{ key: 'tags', label: 'Tags' }
] as const;

export type SortKey = (typeof COLUMNS)[number]['key'] | 'added';
export type SortDirection = 'ascending' | 'descending';

export interface BrowseSort {
	key: SortKey;
	direction: SortDirection;
}

/** The default: the order cards were stored in (by deck, then note), which the first screen reads by key. */
export const DEFAULT_SORT: BrowseSort = { key: 'added', direction: 'ascending' };

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

function numericKey(card: CardRow, key: SortKey, r: (c: CardRow) => number): number {
	const isNew = card.state === CardState.New;
	switch (key) {
		case 'due':
			// New cards have no due date: after every scheduled card, in their new-card order.
			return isNew ? Number.MAX_SAFE_INTEGER / 2 + card.newPosition : card.dueMs;
		case 'interval':
			return isNew ? -1 : card.scheduledDays;
		case 'stability':
			return isNew ? -1 : card.stability;
		case 'retrievability':
			return isNew ? -1 : r(card);
		default:
			return card.lapses;
	}
}

function textKey(row: SearchableCard, key: SortKey): string {
	if (key === 'question') return row.question;
	if (key === 'answer') return row.answer;
	if (key === 'deck') return row.deckName;
	return row.tags.join(' ');
}

/** A sorted copy of `rows` (stable: ties keep their stored order). */
export function sortRows(
	rows: readonly SearchableCard[],
	sort: BrowseSort,
	retrievability: (card: CardRow) => number
): SearchableCard[] {
	const sign = sort.direction === 'ascending' ? 1 : -1;
	const byId = (a: SearchableCard, b: SearchableCard) =>
		a.card.id < b.card.id ? -1 : a.card.id > b.card.id ? 1 : 0;
	if (sort.key === 'added') return [...rows].sort((a, b) => sign * byId(a, b));
	const textual = ['question', 'answer', 'deck', 'tags'].includes(sort.key);
	const keyed = rows.map((row) => ({
		row,
		text: textual ? textKey(row, sort.key) : '',
		num: textual ? 0 : numericKey(row.card, sort.key, retrievability)
	}));
	keyed.sort((a, b) => {
		const c = textual ? collator.compare(a.text, b.text) : a.num - b.num;
		return c !== 0 ? sign * c : byId(a.row, b.row);
	});
	return keyed.map((k) => k.row);
}
