import { describe, expect, it } from 'vitest';
import { EMPTY_SELECTION, extendTo, keepListed, selectAll, toggle } from '$lib/domain/browse/selection';

const rows = ['a', 'b', 'c', 'd', 'e'];

describe('browse selection', () => {
	it('toggles one card and remembers it as the anchor', () => {
		const one = toggle(EMPTY_SELECTION, 'b', 1);
		expect([...one.ids]).toEqual(['b']);
		expect(toggle(one, 'b', 1).ids.size).toBe(0);
	});
	it('extends a range from the anchor both ways (Shift+arrows)', () => {
		const start = toggle(EMPTY_SELECTION, 'c', 2);
		expect([...extendTo(start, rows, 2, 4).ids].sort()).toEqual(['c', 'd', 'e']);
		expect([...extendTo(start, rows, 2, 0).ids].sort()).toEqual(['a', 'b', 'c']);
		expect([...extendTo(EMPTY_SELECTION, rows, 1, 2).ids].sort()).toEqual(['b', 'c']);
	});
	it('selects all listed cards, and keeps only listed ones after a new search', () => {
		expect(selectAll(rows).ids.size).toBe(5);
		expect([...keepListed(selectAll(rows), ['b', 'z']).ids]).toEqual(['b']);
	});
});
