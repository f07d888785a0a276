// Browse columns sort in both directions, new cards last by due, ties in stored order.
import { describe, expect, it } from 'vitest';
import { COLUMNS, sortRows } from '$lib/domain/browse/browse-sort';
import { context, fixtureCollection } from './search-fixture';

const rows = fixtureCollection();
const ids = (key: (typeof COLUMNS)[number]['key'], direction: 'ascending' | 'descending' = 'ascending') =>
	sortRows(rows, { key, direction }, context.retrievability).map((r) => r.card.id);

describe('browse sort', () => {
	it('has the nine columns of the issue', () => {
		expect(COLUMNS.map((c) => c.label)).toEqual([
			'Question',
			'Answer',
			'Deck',
			'Due',
			'Interval',
			'Stability',
			'Retrievability',
			'Lapses',
			'Tags'
		]);
	});

	it('sorts by every column, both ways, keeping every row', () => {
		for (const { key } of COLUMNS) {
			const up = ids(key);
			expect(up.slice().sort()).toEqual(rows.map((r) => r.card.id).sort());
			expect(ids(key, 'descending')).not.toEqual(up);
		}
	});

	it('puts the most overdue first by due, new cards last', () => {
		const due = ids('due');
		expect(due[0]).toBe('causes/n5#0');
		expect(due.slice(-3).sort()).toEqual(['causes/n3#0', 'causes/n3#1', 'misc/n8#0']);
	});

	it('sorts text without regard to case and accents, numbers by value', () => {
		expect(ids('question')[0]).toBe('misc/n9#0'); // "10:30 …"
		expect(ids('lapses', 'descending').slice(0, 2)).toEqual(['french/n7#0', 'actors/n2#0']);
		expect(ids('retrievability', 'descending')[0]).toBe('french/n6#0');
	});
});
