// Issue 12: Anki's {{hint:Field}} is hidden behind a control on the question, as in Anki: a closed
// <details> whose <summary> names the field. The sanitizer must keep both elements (else DOMPurify
// unwraps them and the hint text shows on the question) and must not let a field force it open.
import { describe, expect, it } from 'vitest';
import { CARD_HTML_TAGS } from '$lib/components/card-html-policy';
import { parseTemplate, renderTemplate } from '$lib/domain/import/anki-template';

const render = (tpl: string, fields: Record<string, string>) =>
	renderTemplate(parseTemplate(tpl), {
		fields: new Map(Object.entries(fields)),
		special: new Map(),
		reveal: false
	}).html;

describe('{{hint:}}', () => {
	it('renders a closed disclosure control holding the hint', () => {
		const html = render('Q {{hint:Hint}}', { Hint: 'starts with P' });
		expect(html).toBe('Q <details class="hint"><summary>Hint</summary>starts with P</details>');
		expect(html).not.toMatch(/<details[^>]*\bopen\b/);
	});

	it('the card HTML policy keeps <details> and <summary>, so the hint is not unwrapped onto the question', () => {
		expect(CARD_HTML_TAGS).toContain('details');
		expect(CARD_HTML_TAGS).toContain('summary');
	});

	it('escapes the field name shown on the control (names come from the file)', () => {
		const html = render('{{hint:<img src=x onerror=alert(1)>}}', { '<img src=x onerror=alert(1)>': 'h' });
		expect(html).toContain('<summary>&lt;img src=x onerror=alert(1)&gt;</summary>');
	});
});
