/**
 * Anki card templates: `{{Field}}`, `{{#Field}}…{{/Field}}`, `{{^Field}}…{{/Field}}`, filters
 * (`text:`, `cloze:`, `cloze-only:`, `hint:`, `type:` (dropped; `type:cloze:` shows the blank), `furigana:`/`kana:`/`kanji:`, `tts …:`),
 * special fields (FrontSide, Tags, Type, Deck, Subdeck, Card, CardFlag) and the legacy `{{=<% %>=}}`
 * delimiter switch. Parsing is lenient like Anki's: stray closing tags are ignored, unclosed sections end
 * with the template. Output is untrusted HTML: the app sanitizes when it renders.
 */
import { clozeOnly, renderClozeField } from './anki-cloze';
import { stripTags } from './html-scan';

type Node =
	| { t: 'text'; text: string }
	| { t: 'field'; key: string; filters: string[] }
	| { t: 'section'; key: string; negated: boolean; body: Node[] };

const ALT_DIRECTIVE = '{{=<% %>=}}';

function tokenize(template: string): (string | { tag: string })[] {
	const tokens: (string | { tag: string })[] = [];
	const scan = (text: string, open: string, close: string) => {
		let at = 0;
		while (at < text.length) {
			const s = text.indexOf(open, at);
			const e = s === -1 ? -1 : text.indexOf(close, s + open.length);
			if (s === -1 || e === -1) {
				tokens.push(text.slice(at));
				return;
			}
			if (s > at) tokens.push(text.slice(at, s));
			tokens.push({ tag: text.slice(s + open.length, e).trim() });
			at = e + close.length;
		}
	};
	const alt = template.indexOf(ALT_DIRECTIVE);
	if (alt === -1) scan(template, '{{', '}}');
	else {
		scan(template.slice(0, alt), '{{', '}}');
		scan(template.slice(alt + ALT_DIRECTIVE.length), '<%', '%>');
	}
	return tokens;
}

export function parseTemplate(template: string): Node[] {
	const root: Node[] = [];
	const open: { key: string; body: Node[] }[] = [];
	let out = root;
	for (const tok of tokenize(template)) {
		if (typeof tok === 'string') {
			out.push({ t: 'text', text: tok });
			continue;
		}
		const { tag } = tok;
		const sigil = tag[0];
		if (sigil === '#' || sigil === '^') {
			const node: Node = { t: 'section', key: tag.slice(1).trim(), negated: sigil === '^', body: [] };
			out.push(node);
			open.push({ key: node.key, body: out });
			out = node.body;
		} else if (sigil === '/') {
			const key = tag.slice(1).trim();
			const at = open.map((o) => o.key).lastIndexOf(key);
			if (at === -1) continue; // a closing tag that closes nothing: ignored, as Anki does
			out = open[at]!.body;
			open.length = at;
		} else {
			const parts = tag.split(':');
			const key = parts.pop()!.trim();
			out.push({ t: 'field', key, filters: parts.map((p) => p.trim()) });
		}
	}
	return root;
}

/** Anki's notion of an empty field: only whitespace, `<br>` and `<div>` tags. */
function fieldIsEmpty(value: string): boolean {
	return /^(?:[\s\u00a0]|&nbsp;|<\/?(?:br|div)\s*\/?>)*$/i.test(value);
}

export interface RenderContext {
	fields: ReadonlyMap<string, string>;
	/** Tags, Type, Deck, Subdeck, Card, CardFlag, and FrontSide on the answer. */
	special: ReadonlyMap<string, string>;
	/** The active cloze number (Anki card ord + 1) on cloze note types. */
	cloze?: number;
	reveal: boolean;
}

/** Field names come from the file: shown as text, never as markup. */
const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

// Anki's / ?([^ >]+?)\[(.+?)\]/ with bounded runs: the unbounded form is quadratic on `aaaa…[` without `]`.
// A base of at most 64 characters and a reading of at most 256 cover every real annotation.
const FURIGANA = / ?([^ >[\]]{1,64})\[([^\]\n]{1,256})\]/g;

function applyFilter(filter: string, value: string, key: string, ctx: RenderContext): string {
	switch (filter) {
		case 'text':
			return stripTags(value);
		case 'cloze':
			return ctx.cloze === undefined ? value : renderClozeField(value, ctx.cloze, ctx.reveal);
		case 'cloze-only':
			return ctx.cloze === undefined ? '' : clozeOnly(value, ctx.cloze);
		case 'hint':
			return value.trim()
				? `<details class="hint"><summary>${escapeText(key)}</summary>${value}</details>`
				: '';
		case 'furigana':
			return value.replace(FURIGANA, '<ruby><rb>$1</rb><rt>$2</rt></ruby>');
		case 'kanji':
			return value.replace(FURIGANA, '$1');
		case 'kana':
			return value.replace(FURIGANA, '$2');
		default:
			return value; // tts, unknown add-on filters: show the field as is
	}
}

/**
 * Filters run right to left, except that a cloze must see its raw `{{c1::…}}` syntax: `text` may strip tags
 * before it, every other filter (furigana…) runs after it. `type` is handled by the caller.
 */
function filterOrder(filters: string[]): string[] {
	const order = [...filters].reverse().filter((f) => f !== 'type');
	if (!order.includes('cloze')) return order;
	const early = order.filter((f) => f === 'text');
	const late = order.filter((f) => f !== 'text' && f !== 'cloze');
	return [...early, 'cloze', ...late];
}

interface RenderState {
	ctx: RenderContext;
	/** Set when a non-empty note field was substituted: Anki's test for a non-blank card side. */
	usedField: boolean;
}

function lookup(key: string, st: RenderState): string | undefined {
	return st.ctx.fields.get(key) ?? st.ctx.special.get(key);
}

function renderNodes(nodes: Node[], st: RenderState): string {
	let html = '';
	for (const node of nodes) {
		if (node.t === 'text') html += node.text;
		else if (node.t === 'section') {
			const isActiveCloze = st.ctx.cloze !== undefined && node.key === `c${st.ctx.cloze}`;
			const value = isActiveCloze ? '1' : (lookup(node.key, st) ?? '');
			const truthy = !fieldIsEmpty(value);
			if (truthy !== node.negated) html += renderNodes(node.body, st);
		} else {
			// Typing the answer is not supported: drop the box; a typed cloze still shows its blank.
			if (node.filters.includes('type') && !node.filters.includes('cloze')) continue;
			let value = lookup(node.key, st) ?? '';
			for (const f of filterOrder(node.filters)) value = applyFilter(f, value, node.key, st.ctx);
			if (st.ctx.fields.has(node.key) && !fieldIsEmpty(value)) st.usedField = true;
			html += value;
		}
	}
	return html;
}

/** Renders one side; `nonEmpty` tells whether any note field contributed content (Anki's blank-card rule). */
export function renderTemplate(nodes: Node[], ctx: RenderContext): { html: string; nonEmpty: boolean } {
	const st: RenderState = { ctx, usedField: false };
	const html = renderNodes(nodes, st);
	return { html, nonEmpty: st.usedField };
}

/** Field names a template's `{{cloze:…}}` references use (where a cloze note type's card numbers come from). */
export function clozeFieldsOf(nodes: Node[]): string[] {
	const names: string[] = [];
	const walk = (ns: Node[]) => {
		for (const n of ns) {
			if (n.t === 'section') walk(n.body);
			else if (n.t === 'field' && n.filters.includes('cloze')) names.push(n.key);
		}
	};
	walk(nodes);
	return names;
}
