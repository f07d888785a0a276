import { describe, expect, it } from 'vitest';
import {
	cardOrdinals,
	clozeNumbers,
	DECK_FORMAT_VERSION,
	deckFileSchema,
	formatDeckErrors,
	validateDeck,
	type DeckNote
} from '../../src/lib/domain/deck-format';

function deck(overrides: Record<string, unknown> = {}, notes: unknown[] = [goodBasic()]) {
	return {
		format: 'kartka-deck',
		formatVersion: 1,
		id: 'test-deck',
		title: 'Test deck',
		description: 'A deck for tests.',
		version: '1.0.0',
		language: 'en',
		source: { title: 'An article', file: 'decks/sources/article.txt' },
		license: 'CC-BY-4.0',
		notes,
		...overrides
	};
}

function goodBasic(overrides: Record<string, unknown> = {}) {
	return { id: 'n-1994', kind: 'basic', front: 'When?', back: '1994', tags: ['date'], ...overrides };
}

function messages(input: unknown): string[] {
	const result = validateDeck(input);
	return result.ok ? [] : result.errors.map((e) => e.message);
}

describe('validateDeck accepts', () => {
	it('a deck with each kind of note, filling defaults', () => {
		const result = validateDeck(
			deck({}, [
				{ id: 'b', kind: 'basic', front: 'Q?', back: 'A', explanation: 'Why.', source: { quote: 'A.' } },
				{ id: 'r', kind: 'reversible', front: 'Name', back: 'Role', tags: ['actor'] },
				{ id: 'c', kind: 'cloze', text: 'In {{c1::1994}} and {{c2::May::month}}.', extra: 'More.', tags: [] }
			])
		);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.deck.notes[0]!.tags).toEqual([]);
		expect(result.deck.notes.map(cardOrdinals)).toEqual([[0], [0, 1], [1, 2]]);
		expect(DECK_FORMAT_VERSION).toBe(1);
	});

	it('a source with a URL instead of a file, and a regional language tag', () => {
		const result = validateDeck(
			deck({ language: 'pl-PL', source: { title: 'T', url: 'https://example.org/a' } })
		);
		expect(result.ok).toBe(true);
	});

	it('the same decks as deckFileSchema, which also runs the cross-note checks', () => {
		expect(deckFileSchema.safeParse(deck()).success).toBe(true);
		expect(deckFileSchema.safeParse(deck({}, [goodBasic(), goodBasic({ front: 'Other?' })])).success).toBe(
			false
		);
	});
});

// Each bad deck with the exact messages expected, all of them at once.
const badDecks: [string, unknown, string[]][] = [
	['not an object', null, ['deck: must be an object, not null']],
	[
		'a deck of a newer format version, with unknown and malformed deck fields',
		deck({ formatVersion: 2, id: 'Bad Id', version: '1.0', language: 'english', colour: 'red' }),
		[
			'deck field "formatVersion": is 2, newer than this app reads (1); update Kartka',
			'deck field "id": must be a slug of lowercase letters, digits and single hyphens',
			'deck field "version": must be a semantic version such as "1.0.0"',
			'deck field "language": must be a BCP 47 language tag such as "en" or "pl-PL"',
			'deck field "colour": is not a field of this format (misspelt?)'
		]
	],
	[
		'missing deck fields and a source with neither url nor file',
		{ format: 'kartka-deck', formatVersion: 1, source: { title: 'T', url: 'ftp://x.org' }, notes: [] },
		[
			'deck field "id": is required',
			'deck field "title": is required',
			'deck field "description": is required',
			'deck field "version": is required',
			'deck field "language": is required',
			'deck field "source.url": must be an http(s) URL',
			'deck field "license": is required',
			'deck field "notes": must hold at least one note'
		]
	],
	[
		'empty fields, an unknown kind and a note that is not an object',
		deck({ title: '   ' }, [goodBasic({ back: ' ' }), { id: 'n-2', kind: 'flashcard' }, 7]),
		[
			'deck field "title": must not be empty',
			'note "n-1994" field "back": must not be empty',
			'note "n-2" field "kind": must be one of "basic", "reversible", "cloze" (got "flashcard")',
			'note #3: must be an object, not number'
		]
	],
	[
		'duplicate ids, bad ids, repeated tags and a misspelt field',
		deck({}, [
			goodBasic(),
			goodBasic({ front: 'Another?', tags: ['date', 'date'], explaination: 'x' }),
			goodBasic({ id: 'N 3', front: 'Third?', tags: ['Has Space'] }),
			{ kind: 'basic', front: 'Fourth?', back: 'x' }
		]),
		[
			'note "n-1994" field "explaination": is not a field of this format (misspelt?)',
			'note "n-1994" field "id": duplicates the id of note #1',
			'note "n-1994" field "tags[1]": repeats tag "date"',
			'note "N 3" field "id": must be a slug of lowercase letters, digits and single hyphens, e.g. "n-1994"',
			'note "N 3" field "tags[0]": must be lowercase with no spaces, e.g. "date" or "unit-1"',
			'note #4 field "id": is required'
		]
	],
	[
		'cloze notes without clozes or with malformed braces',
		deck({}, [
			{ id: 'c-none', kind: 'cloze', text: 'No deletion here.' },
			{ id: 'c-single-colon', kind: 'cloze', text: 'In {{c1:1994}} it began.' },
			{ id: 'c-open', kind: 'cloze', text: 'In {{c1::1994 it began.' },
			{ id: 'c-empty', kind: 'cloze', text: '{{c1::}} and {{c0::x}} and {{c2::y::}}' },
			{ id: 'c-stray', kind: 'cloze', text: 'In {{c1::1994}} }} it began.' },
			{ id: 'c-nested', kind: 'cloze', text: '{{c1::a {{c2::b}} c}}' }
		]),
		[
			'note "c-none" field "text": has no cloze deletion; mark at least one as {{c1::answer}}',
			'note "c-single-colon" field "text": malformed cloze at character 4: "{{c1:1994}} it began."; write {{c1::answer}} or {{c1::answer::hint}}',
			'note "c-open" field "text": cloze "{{c1::1994 it began." at character 4 is not closed with "}}"',
			'note "c-empty" field "text": cloze "{{c1::}} and {{c0::x}} a…" has an empty answer',
			'note "c-empty" field "text": cloze "{{c0::x}} and {{c2::y::}…" is numbered c0; numbers start at c1',
			'note "c-empty" field "text": cloze "{{c2::y::}}" has an empty hint; drop the trailing "::"',
			'note "c-stray" field "text": "}}" at character 17 closes no cloze',
			'note "c-nested" field "text": cloze "{{c1::a {{c2::b}} c}}" at character 1 contains another cloze; nesting is not supported',
			'note "c-nested" field "text": "}}" at character 20 closes no cloze'
		]
	],
	[
		'fields of the wrong kind, cloze syntax outside cloze notes, a reversible note asking the same both ways',
		deck({}, [
			goodBasic({ text: 'x' }),
			{ id: 'r', kind: 'reversible', front: 'Minsk', back: 'minsk' },
			{ id: 'b', kind: 'basic', front: 'When?', back: '{{c1::1994}}' },
			{ id: 'c', kind: 'cloze', front: 'Q?', text: '{{c1::x}}' },
			{ id: 'e', kind: 'basic', front: 'Q2?', back: 'A', explanation: '', source: { quote: 'q', page: 3 } }
		]),
		[
			'note "n-1994" field "text": is not a field of this format (misspelt?)',
			'note "r" field "back": must differ from "front" (a reversible note asks both ways)',
			'note "b" field "back": contains cloze syntax "{{c1::...}}"; use a note of kind "cloze"',
			'note "b" field "front": asks the same as note "n-1994"; merge them or tell them apart',
			'note "c" field "front": is not a field of this format (misspelt?)',
			'note "e" field "explanation": must not be empty',
			'note "e" field "source.page": is not a field of this format (misspelt?)'
		]
	],
	['wrong types', deck({ notes: 'none' }), ['deck field "notes": must be an array, not string']],
	[
		'wrong types in a note',
		deck({}, [{ id: 5, kind: 'basic', front: ['Q'], back: 'A', tags: 'date' }]),
		[
			'note #1 field "id": must be a string, not number',
			'note #1 field "tags": must be an array, not string',
			'note #1 field "front": must be a string, not an array'
		]
	]
];

describe('validateDeck rejects a bad deck with every problem at once', () => {
	it.each(badDecks)('%s', (_name, input, expected) => {
		expect(messages(input)).toEqual(expected);
	});

	it('names the note id, the path and the message of each error', () => {
		const result = validateDeck(deck({}, [goodBasic({ back: '' })]));
		expect(result).toEqual({
			ok: false,
			errors: [
				{ noteId: 'n-1994', path: 'notes[0].back', message: 'note "n-1994" field "back": must not be empty' }
			]
		});
	});

	it('formats errors one per line', () => {
		const result = validateDeck(deck({ title: '' }, [goodBasic({ back: '' })]));
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(formatDeckErrors(result.errors)).toBe(
			'deck field "title": must not be empty\nnote "n-1994" field "back": must not be empty'
		);
	});
});

describe('cards of a note', () => {
	it('numbers cloze cards by their cloze numbers, sorted and unique', () => {
		expect(clozeNumbers('{{c2::b}} {{c1::a}} {{c2::c::hint}} {{c10::d}}')).toEqual([1, 2, 10]);
		expect(clozeNumbers('no cloze')).toEqual([]);
		const note = { id: 'x', kind: 'cloze', text: '{{c3::a}}', tags: [] } as DeckNote;
		expect(cardOrdinals(note)).toEqual([3]);
	});
});
