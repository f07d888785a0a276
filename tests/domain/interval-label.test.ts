import { describe, expect, it } from 'vitest';
import { daysLabel, intervalLabel } from '$lib/domain/interval-label';

describe('interval labels in words', () => {
	it.each([
		[60_000, 0, '1 min'],
		[10 * 60_000, 0, '10 min'],
		[20_000, 0, '1 min'],
		[3_600_000, 0, '1 hour'],
		[5 * 3_600_000, 0, '5 hours'],
		[0, 1, '1 day'],
		[0, 3, '3 days'],
		[0, 45, '1.5 months'],
		[0, 365, '1 year'],
		[0, 800, '2.2 years']
	])('%i ms / %i days → %s', (ms, days, label) => {
		expect(intervalLabel(ms, days)).toBe(label);
	});

	it('never abbreviates (screen readers read "3 days", not "3d")', () => {
		for (let d = 1; d < 2000; d += 7)
			expect(daysLabel(d)).toMatch(/^\d+(\.\d)? (day|days|month|months|year|years)$/);
	});
});
