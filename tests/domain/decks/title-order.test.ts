// Deck titles sort as the numeric collator sorts them; the shortcut for "same prefix, then a number" must
// never disagree with it (issue 13: the home screen avoids building the collator for shipped decks).
import { describe, expect, it } from 'vitest';
import { compareTitles } from '$lib/domain/decks/title-order';

const collator = new Intl.Collator(undefined, { numeric: true });
const sign = (n: number) => Math.sign(n);

describe('compareTitles', () => {
	const titles = [
		"Belarus's anti-Kremlin tilt 1/6 · Why: the economic logic",
		"Belarus's anti-Kremlin tilt 2/6 · Why: mediation, warnings and predictions",
		"Belarus's anti-Kremlin tilt 10/6 · Later",
		"Belarus's anti-Kremlin tilt 3/6 · Who's who",
		'Deck 9',
		'Deck 10',
		'deck 2',
		'Deck 02',
		'Deck 2',
		'Ärger 1',
		'Zebra',
		'zebra 1',
		'Chapter 1.10',
		'Chapter 1.9',
		'Chapter 1',
		'',
		'Deck 12345678901234567890',
		'Deck 12345678901234567891'
	];

	it('agrees with the numeric collator on every pair', () => {
		for (const a of titles)
			for (const b of titles)
				expect([a, b, sign(compareTitles(a, b))]).toEqual([a, b, sign(collator.compare(a, b))]);
	});

	it('orders numbered parts by their number', () => {
		expect(['Part 10', 'Part 2', 'Part 1'].sort(compareTitles)).toEqual(['Part 1', 'Part 2', 'Part 10']);
	});
});
