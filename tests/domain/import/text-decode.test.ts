// Which sources the import screen offers to split into cards (text) and which it reads as a whole deck.
import { describe, expect, it } from 'vitest';
import { splittableText } from '$lib/domain/import/text-decode';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('splittableText', () => {
	it('returns the text of a CSV or pasted text', () => {
		expect(splittableText(bytes('front,back\nLukashenka,president'), 'vocab.csv')).toBe(
			'front,back\nLukashenka,president'
		);
		expect(splittableText(bytes('a\tb'), 'Pasted text')).toBe('a\tb');
	});

	it('is null for an Anki package, a Kartka JSON deck and JSON pasted as text', () => {
		expect(splittableText(new Uint8Array([0x50, 0x4b, 3, 4]), 'deck.txt')).toBeNull();
		expect(splittableText(bytes('front,back'), 'deck.apkg')).toBeNull();
		expect(splittableText(bytes('{"format":"kartka"}'), 'deck.json')).toBeNull();
		expect(splittableText(bytes('  [{"q":1}]'), 'Pasted text')).toBeNull();
	});
});
