import { describe, expect, it } from 'vitest';
import { cardOrdinals } from '$lib/domain/card-render';
import { parseImport, parseImportText, previewText } from '$lib/domain/import/parse-import';
import { ankiFixture } from './anki-builders';

const enc = (s: string) => new TextEncoder().encode(s);
const parseString = (text: string, fileName = 'cards.csv', textOptions = {}) =>
	parseImport(enc(text), { fileName, textOptions });

describe('Anki text fixtures', () => {
	it('text-2fields.txt imports its 5 good lines and reports each bad line by number', async () => {
		const col = await parseImport(ankiFixture('text-2fields.txt'), { fileName: 'text-2fields.txt' });
		expect(col.format).toBe('tsv');
		expect(col.notes.map((n) => [n.line, n.fields.front, n.fields.back])).toEqual([
			[2, '食べる', 'to eat'],
			[3, '飲む', 'to drink'],
			[4, 'テスト', 'test'],
			[5, 'to eat', '食べる'],
			[9, '遊ぶ', '']
		]);
		expect(col.warnings.map((w) => w.line)).toEqual([6, 7, 8, 10]);
		expect(col.warnings[0]!.message).toMatch(/Line 6: duplicate of line 3/);
		expect(col.warnings[1]!.message).toMatch(/Line 7: 3 field.*too many/);
		expect(col.warnings[2]!.message).toMatch(/Line 8: 1 field.*too few/);
		expect(col.warnings[3]!.message).toMatch(/Line 10: the front is empty/);
	});

	it.each(['text-utf8-bom.txt', 'text-ucs2-be-bom.txt'])('%s decodes without a stray BOM', async (name) => {
		const col = await parseImport(ankiFixture(name), { fileName: name });
		expect(col.notes).toHaveLength(1);
		expect(col.notes[0]!.fields).toEqual({ front: 'Hello', back: 'world' });
	});

	it('text-update.txt is a one-note TSV', async () => {
		const col = await parseImport(ankiFixture('text-update.txt'), { fileName: 'text-update.txt' });
		expect(col.notes.map((n) => n.fields)).toEqual([{ front: '1', back: 'x' }]);
	});
});

describe('encodings', () => {
	const text = 'front,back\nżółw,turtle\ncafé,coffee\n';
	it('reads UTF-16 LE with a BOM', async () => {
		const bytes = new Uint8Array(2 + text.length * 2);
		bytes.set([0xff, 0xfe]);
		for (let i = 0; i < text.length; i++) {
			bytes[2 + 2 * i] = text.charCodeAt(i) & 0xff;
			bytes[3 + 2 * i] = text.charCodeAt(i) >> 8;
		}
		const col = await parseImport(bytes, { fileName: 'u16.csv' });
		expect(col.notes.map((n) => n.fields.front)).toEqual(['żółw', 'café']);
	});
	it('recognises UTF-16 without a BOM from its zero bytes', async () => {
		const be = new Uint8Array(text.length * 2);
		for (let i = 0; i < text.length; i++) {
			be[2 * i] = text.charCodeAt(i) >> 8;
			be[2 * i + 1] = text.charCodeAt(i) & 0xff;
		}
		const col = await parseImport(be, { fileName: 'u16be.csv' });
		expect(col.notes.map((n) => n.fields.back)).toEqual(['turtle', 'coffee']);
	});
	it('falls back to Windows-1252 when the bytes are not UTF-8', async () => {
		const bytes = new Uint8Array([
			...enc('front,back\ncaf'),
			0xe9,
			...enc(',coffee\n'),
			0x80,
			...enc(',euro\n')
		]);
		const col = await parseImport(bytes, { fileName: 'legacy.csv' });
		expect(col.notes.map((n) => n.fields.front)).toEqual(['café', '€']);
	});
});

describe('CSV and TSV', () => {
	it('detects the delimiter and the header row, and maps named columns', async () => {
		const col = await parseString(
			'Tags;Answer;Question\nunit-1 geo;Paris;Capital of France?\n;Warsaw;Capital of Poland?\n',
			'geo.csv'
		);
		expect(col.format).toBe('csv');
		expect(col.title).toBe('geo');
		expect(col.notes.map((n) => [n.fields.front, n.fields.back, n.tags])).toEqual([
			['Capital of France?', 'Paris', ['unit-1', 'geo']],
			['Capital of Poland?', 'Warsaw', []]
		]);
	});

	it('keeps quoted multi-line fields as one field (line breaks on the card) and numbers lines from the source', async () => {
		const col = await parseString('a,"first line\nsecond line"\nb,"x, y"\n\nc,"say ""hi"""\n');
		expect(col.notes.map((n) => [n.line, n.fields.front, n.fields.back])).toEqual([
			[1, 'a', 'first line<br>second line'],
			[3, 'b', 'x, y'],
			[5, 'c', 'say "hi"']
		]);
	});

	it('keeps HTML such as <b> and lists as written (the app sanitizes when it renders)', async () => {
		const col = await parseString('<b>bold</b>\t"<ul><li>one</li>\n<li>two</li></ul>"\n', 'x.tsv');
		expect(col.notes[0]!.fields).toEqual({
			front: '<b>bold</b>',
			back: '<ul><li>one</li>\n<li>two</li></ul>'
		});
	});

	it('makes cloze notes from cloze text, with the back as extra', async () => {
		const col = await parseString('"The {{c1::Vistula}} flows through {{c2::Warsaw}}",Poland\n');
		expect(col.notes[0]).toMatchObject({
			kind: 'cloze',
			fields: { text: 'The {{c1::Vistula}} flows through {{c2::Warsaw}}', extra: 'Poland' }
		});
		expect(cardOrdinals('cloze', col.notes[0]!.fields)).toEqual([1, 2]);
	});

	it('keys notes by their front, so that editing the back keeps the key (and the schedule)', async () => {
		const v1 = await parseString('Capital of France?,Paris\nCapital of Spain?,Madrid\n');
		const v2 = await parseString(
			'capital of  France? ,Paris (since 508)\nCapital of Spain?,Madrid\nCapital of Italy?,Rome\n'
		);
		expect(v2.notes[0]!.key).toBe(v1.notes[0]!.key);
		expect(v2.notes[1]!.key).toBe(v1.notes[1]!.key);
		expect(new Set(v2.notes.map((n) => n.key)).size).toBe(3);
		const pictures = await parseString('<img src="a.png">,?\n<img src="b.png">,?\n<b>Paris</b>,x\n');
		expect(new Set(pictures.notes.map((n) => n.key)).size).toBe(3);
		expect(pictures.notes[2]!.key).toBe((await parseString('paris,y\n')).notes[0]!.key);
	});

	it('uses an id column as the key, and tells apart two rows with the same front but different backs', async () => {
		const withIds = await parseString(
			'id,front,back,deck\nq-1,Bank,financial institution,Words::English\nq-2,Bank,river side,Words\n'
		);
		expect(withIds.notes.map((n) => [n.key, n.deckName])).toEqual([
			['q-1', 'Words::English'],
			['q-2', 'Words']
		]);
		const noIds = await parseString('Bank,financial institution\nBank,river side\n');
		expect(noIds.notes).toHaveLength(2);
		expect(noIds.notes[1]!.key).toBe(`${noIds.notes[0]!.key}-2`);
	});

	it('obeys an explicit mapping and header choice from the preview', async () => {
		const text = 'x,question one,answer one,extra one\ny,question two,answer two,\n';
		const col = await parseString(text, 'm.csv', {
			hasHeader: false,
			columns: { front: 1, back: 2, extra: 3, tags: 0 }
		});
		expect(col.notes[0]).toMatchObject({
			fields: { front: 'question one', back: 'answer one' },
			explanation: 'extra one',
			tags: ['x']
		});
		expect(col.notes[1]!.explanation).toBeUndefined();
	});

	it('reads tab-separated text whose quote never closes literally, with a warning', async () => {
		const col = await parseString('"Hamlet\tplay by Shakespeare\nOdyssey\tpoem by Homer\n', 'books.tsv');
		expect(col.notes.map((n) => n.fields.front)).toEqual(['"Hamlet', 'Odyssey']);
		expect(col.warnings[0]!.message).toMatch(/Line 1: a quote opens a field that never closes/);
	});
});

describe('Anki text-file headers', () => {
	it('honours #separator, #html, #columns, #deck, #tags, #guid column, #tags column and #notetype', async () => {
		const text = [
			'#separator:Pipe',
			'#html:false',
			'#notetype:Basic (and reversed card)',
			'#deck:Languages::Polish',
			'#tags:imported pl',
			'#columns:Front|Back|Tags|Guid',
			'#tags column:3',
			'#guid column:4',
			'kot|<cat>|animal|g-1',
			'pies|dog\\|extra|animal|g-2',
			''
		].join('\n');
		const col = await parseString(text, 'pl.txt');
		expect(col.format).toBe('anki-text');
		expect(col.title).toBe('Languages');
		expect(col.notes[0]).toMatchObject({
			key: 'g-1',
			kind: 'reversible',
			fields: { front: 'kot', back: '&lt;cat&gt;' },
			tags: ['imported', 'pl', 'animal'],
			deckName: 'Languages::Polish',
			line: 9
		});
	});

	it('reads the note type per row from #notetype column and skips # comment lines', async () => {
		const text =
			'#separator:Tab\n#notetype column:1\nBasic\tfront a\tback a\n# a comment\nCloze\t{{c1::x}} marks\textra\n';
		const col = await parseString(text, 'n.txt');
		expect(col.notes.map((n) => [n.kind, n.line])).toEqual([
			['basic', 3],
			['cloze', 5]
		]);
		expect(col.notes[0]!.fields).toEqual({ front: 'front a', back: 'back a' });
	});
});

describe('Quizlet exports', () => {
	it('reads tab + newline (the default export)', () => {
		const col = parseImportText('kot\tcat\npies\tdog\n', {
			fileName: 'Pasted text',
			textOptions: { format: 'quizlet' }
		});
		expect(col.format).toBe('quizlet');
		expect(col.notes.map((n) => [n.fields.front, n.fields.back])).toEqual([
			['kot', 'cat'],
			['pies', 'dog']
		]);
	});
	it('sniffs comma + semicolon on one line', () => {
		const col = parseImportText('kot,cat;pies,dog;ptak,bird', { fileName: 'Pasted text' });
		expect(col.format).toBe('quizlet');
		expect(col.notes.map((n) => n.fields.back)).toEqual(['cat', 'dog', 'bird']);
	});
	it('reads custom separators, with quotes taken literally', () => {
		const col = parseImportText('"kot" - a cat ## pies - a "dog"\nbarks ## ', {
			fileName: 'q',
			textOptions: { delimiter: ' - ', cardSeparator: ' ## ' }
		});
		expect(col.notes.map((n) => [n.fields.front, n.fields.back, n.line])).toEqual([
			['"kot"', 'a cat', 1],
			['pies', 'a "dog"<br>barks', 1]
		]);
	});
});

describe('previewText', () => {
	it('suggests delimiter, header and mapping, with the first rows and the total', () => {
		const p = previewText('Question\tAnswer\tTags\nq1\ta1\tt\nq2\ta2\t\nq3\ta3\t\n', { maxRows: 2 });
		expect(p).toMatchObject({
			format: 'tsv',
			delimiter: '\t',
			hasHeader: true,
			header: ['Question', 'Answer', 'Tags'],
			rows: [
				['q1', 'a1', 't'],
				['q2', 'a2', '']
			],
			totalRows: 3,
			columnCount: 3,
			mapping: { front: 0, back: 1, tags: 2 }
		});
	});
	it('names columns when there is no header, and follows the options it is given', () => {
		const p = previewText('a;b;c\nd;e;f\n', { delimiter: ';', hasHeader: false });
		expect(p.header).toEqual(['Column 1', 'Column 2', 'Column 3']);
		expect(p.mapping).toEqual({ front: 0, back: 1 });
		expect(p.rows).toHaveLength(2);
	});
	it('explains Quizlet card separators', () => {
		const p = previewText('a\tb;c\td;e\tf');
		expect(p).toMatchObject({ format: 'quizlet', delimiter: '\t', cardSeparator: ';', totalRows: 3 });
	});
});
