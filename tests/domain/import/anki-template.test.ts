import { describe, expect, it } from 'vitest';
import { clozeNumbersIn, renderClozeField } from '$lib/domain/import/anki-cloze';
import { planNotetype } from '$lib/domain/import/anki-notetype';
import { parseTemplate, renderTemplate, type RenderContext } from '$lib/domain/import/anki-template';
import { readProtoFields, protoString, protoNumber } from '$lib/domain/import/protobuf-reader';
import { pb, pbBytes, pbString, pbVarint } from './anki-builders';

function render(template: string, fields: Record<string, string>, extra: Partial<RenderContext> = {}) {
	return renderTemplate(parseTemplate(template), {
		fields: new Map(Object.entries(fields)),
		special: new Map([['Tags', 't1 t2'], ['Deck', 'A::B'], ...(extra.special ?? new Map())]),
		reveal: false,
		...extra
	});
}

describe('Anki template rendering', () => {
	it('substitutes fields and special fields, and reports whether a note field showed', () => {
		expect(render('Q: {{Front}} ({{Deck}})', { Front: 'hi' })).toEqual({
			html: 'Q: hi (A::B)',
			nonEmpty: true
		});
		expect(render('Static only {{Deck}}', { Front: 'hi' }).nonEmpty).toBe(false);
		expect(render('{{Front}}', { Front: '<br> &nbsp; <div></div>' }).nonEmpty).toBe(false);
		expect(render('{{ Front }}', { Front: 'x' }).html).toBe('x');
	});
	it('handles {{#Field}} and {{^Field}} sections, nested, with stray and missing closers', () => {
		const t = '{{#A}}a:{{A}}{{#B}}+b{{/B}}{{/A}}{{^A}}no a{{/A}}';
		expect(render(t, { A: '1', B: '' }).html).toBe('a:1');
		expect(render(t, { A: '1', B: '2' }).html).toBe('a:1+b');
		expect(render(t, { A: '', B: '2' }).html).toBe('no a');
		expect(render('{{#A}}x{{/Z}}y', { A: '1' }).html).toBe('xy'); // {{/Z}} closes nothing: ignored
		expect(render('{{#A}}{{#B}}x{{/A}}{{/B}}', { A: '1', B: '1' }).html).toBe('x');
	});
	it('applies text:, hint:, furigana:, kana:, kanji: and drops type:', () => {
		expect(render('{{text:F}}', { F: '<b>bold</b> text' }).html).toBe('bold text');
		expect(render('{{hint:F}}', { F: 'secret' }).html).toBe(
			'<details class="hint"><summary>F</summary>secret</details>'
		);
		expect(render('{{hint:F}}', { F: '' }).html).toBe('');
		expect(render('{{furigana:F}}', { F: '日本[にほん]' }).html).toBe(
			'<ruby><rb>日本</rb><rt>にほん</rt></ruby>'
		);
		expect(render('{{kana:F}}|{{kanji:F}}', { F: '日本[にほん]' }).html).toBe('にほん|日本');
		expect(render('{{F}}<br>{{type:F}}', { F: 'x' }).html).toBe('x<br>');
		expect(render('{{tts en_US voices=Apple:F}}', { F: 'said' }).html).toBe('said');
	});
	it('renders FrontSide on the answer and switches to <% %> after {{=<% %>=}}', () => {
		expect(
			render(
				'{{FrontSide}}<hr id=answer>{{Back}}',
				{ Back: 'b' },
				{ special: new Map([['FrontSide', 'q']]), reveal: true }
			).html
		).toBe('q<hr id=answer>b');
		expect(render('{{F}} {{=<% %>=}} <%F%> {{F}}', { F: 'v' }).html).toBe('v  v {{F}}');
	});
	it('renders clozes on cloze note types: the active one hidden or shown, {{#cN}} true only on card N', () => {
		const t = '{{cloze:Text}}{{#c2}} (two){{/c2}}';
		const f = { Text: '{{c1::Warsaw}} is in {{c2::Poland::country}}' };
		expect(render(t, f, { cloze: 1 }).html).toBe('<mark class="cloze">[…]</mark> is in Poland');
		expect(render(t, f, { cloze: 2 }).html).toBe('Warsaw is in <mark class="cloze">[country]</mark> (two)');
		expect(render(t, f, { cloze: 2, reveal: true }).html).toBe(
			'Warsaw is in <mark class="cloze">Poland</mark> (two)'
		);
		expect(render('{{cloze-only:Text}}', f, { cloze: 1, reveal: true }).html).toBe('Warsaw');
		expect(render('{{type:cloze:Text}}', f, { cloze: 1 }).html).toBe(
			'<mark class="cloze">[…]</mark> is in Poland'
		);
	});
	it('understands nested clozes', () => {
		const text = '{{c1::outer {{c2::inner}} end}} tail';
		expect(clozeNumbersIn(text)).toEqual([1, 2]);
		expect(renderClozeField(text, 2, false)).toBe('outer <mark class="cloze">[…]</mark> end tail');
		expect(renderClozeField(text, 1, false)).toBe('<mark class="cloze">[…]</mark> tail');
		expect(renderClozeField('{{c1::never closed', 1, false)).toBe('{{c1::never closed');
	});
});

describe('note type plans', () => {
	const nt = (fields: string[], templates: [string, string][], cloze = false) => ({
		id: 1,
		name: 'x',
		cloze,
		fields,
		templates: templates.map(([qfmt, afmt], ord) => ({ ord, name: `Card ${ord + 1}`, qfmt, afmt }))
	});
	const ANS = '{{FrontSide}}\n\n<hr id=answer>\n\n';
	it('recognises the stock note types whatever their names and languages', () => {
		expect(
			planNotetype(nt(['Vorderseite', 'Rückseite'], [['{{Vorderseite}}', `${ANS}{{Rückseite}}`]]))
		).toEqual({ kind: 'basic', front: 0, back: 1 });
		expect(
			planNotetype(
				nt(
					['Front', 'Back'],
					[
						['{{Front}}', `${ANS}{{Back}}`],
						['{{Back}}', `${ANS}{{Front}}`]
					]
				)
			)
		).toEqual({
			kind: 'reversible',
			front: 0,
			back: 1
		});
		expect(
			planNotetype(
				nt(
					['Front', 'Back', 'Add Reverse'],
					[
						['{{Front}}', `${ANS}{{Back}}`],
						['{{#Add Reverse}}{{Back}}{{/Add Reverse}}', `${ANS}{{Front}}`]
					]
				)
			)
		).toEqual({ kind: 'optional-reversed', front: 0, back: 1, addReverse: 2 });
		expect(
			planNotetype(
				nt(
					['Front', 'Back'],
					[['{{Front}}\n\n{{type:Back}}', '{{Front}}\n\n<hr id=answer>\n\n{{type:Back}}']]
				)
			)
		).toEqual({
			kind: 'basic',
			front: 0,
			back: 1
		});
		expect(
			planNotetype(
				nt(['Text', 'Back Extra'], [['{{cloze:Text}}', '{{cloze:Text}}<br>\n{{Back Extra}}']], true)
			)
		).toEqual({
			kind: 'cloze',
			text: 0,
			extra: 1
		});
	});
	it('renders anything else through its templates', () => {
		expect(
			planNotetype(nt(['Front', 'Back', 'Extra'], [['{{Front}}', `${ANS}{{Back}}<br>{{Extra}}`]])).kind
		).toBe('templated');
		expect(
			planNotetype(nt(['Text', 'More'], [['{{cloze:Text}}{{More}}', '{{cloze:Text}}']], true)).kind
		).toBe('templated');
	});
});

describe('protobuf reader', () => {
	it('reads varints, strings, nested messages, fixed values, and skips unknown fields', () => {
		const msg = pb(
			pbVarint(1, 300),
			pbString(2, 'zażółć'),
			pbBytes(3, pb(pbVarint(1, 2 ** 40))),
			[0x2d, 1, 0, 0, 0],
			pbVarint(255, 7)
		);
		const fields = readProtoFields(msg);
		expect(protoNumber(fields, 1)).toBe(300);
		expect(protoString(fields, 2)).toBe('zażółć');
		expect(protoNumber(readProtoFields(fields.find((f) => f.field === 3)!.bytes!), 1)).toBe(2 ** 40);
		expect(protoNumber(fields, 5)).toBe(1);
		expect(protoNumber(fields, 255)).toBe(7);
	});
	it('throws on truncated input', () => {
		expect(() => readProtoFields(new Uint8Array([0x12, 10, 1]))).toThrow(/past the end/);
		expect(() => readProtoFields(new Uint8Array([0x08, 0x80]))).toThrow(/truncated/);
	});
});
