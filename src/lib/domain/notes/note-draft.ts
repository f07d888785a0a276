/**
 * The Add / Edit form's rules, pure: a draft of the form becomes note content, a cloze wrap picks the
 * next number, the preview lists every card the note will make, and duplicate fronts are found.
 */
import { cardOrdinals, renderCard, type RenderedCard } from '../card-render';
import { clozeNumbers } from '../cloze';
import type { DeckRow, NoteContent, NoteRow } from '../model';
import { foldText, htmlToText } from '../text-fold';

export type DraftKind = 'basic' | 'reversible' | 'cloze';

export interface NoteDraft {
	kind: DraftKind;
	/** basic/reversible: Front. cloze: Text. */
	first: string;
	/** basic/reversible: Back. cloze: Extra. */
	second: string;
	/** Space- or comma-separated. */
	tags: string;
	sourceQuote: string;
	sourceUrl: string;
}

export const EMPTY_DRAFT: NoteDraft = {
	kind: 'basic',
	first: '',
	second: '',
	tags: '',
	sourceQuote: '',
	sourceUrl: ''
};

export const FIELD_LABELS: Record<DraftKind, [string, string]> = {
	basic: ['Front', 'Back'],
	reversible: ['Front', 'Back'],
	cloze: ['Text', 'Extra']
};

export function parseTags(tags: string): string[] {
	return [...new Set(tags.split(/[\s,]+/).filter((t) => t !== ''))].slice(0, 100);
}

/** A link is kept only when it is http(s): it ends up in an <a href>. */
export function safeSourceUrl(url: string): string | null {
	const trimmed = url.trim();
	if (trimmed === '') return null;
	try {
		const u = new URL(trimmed);
		return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : null;
	} catch {
		return null;
	}
}

/** The source is stored as plain text (shown as text, never HTML): the quote, then the link in brackets. */
const LINK_AT_END = / ?\((https?:\/\/[^\s)]+)\)$/;

export function draftContent(draft: NoteDraft): NoteContent {
	const fields: Record<string, string> =
		draft.kind === 'cloze'
			? { text: draft.first.trim(), extra: draft.second.trim() }
			: { front: draft.first.trim(), back: draft.second.trim() };
	const url = safeSourceUrl(draft.sourceUrl);
	const quote = draft.sourceQuote.trim();
	const sourceQuote = [quote, url ? `(${url})` : ''].filter((s) => s !== '').join(' ');
	return { kind: draft.kind, fields, tags: parseTags(draft.tags), ...(sourceQuote ? { sourceQuote } : {}) };
}

/** The form's fields back from a stored note (for Edit). */
export function draftFromNote(note: Pick<NoteRow, 'kind' | 'fields' | 'tags' | 'sourceQuote'>): NoteDraft {
	const kind: DraftKind =
		note.kind === 'cloze' ? 'cloze' : note.kind === 'reversible' ? 'reversible' : 'basic';
	const source = note.sourceQuote ?? '';
	const link = LINK_AT_END.exec(source);
	return {
		kind,
		first: kind === 'cloze' ? (note.fields.text ?? '') : (note.fields.front ?? ''),
		second: kind === 'cloze' ? (note.fields.extra ?? '') : (note.fields.back ?? ''),
		tags: note.tags.join(' '),
		sourceQuote: link ? source.slice(0, link.index) : source,
		sourceUrl: link ? link[1]! : ''
	};
}

/**
 * Ctrl+Shift+C: wraps text[start, end) in the next cloze number ({{cN::…}}, N one above the highest).
 * Returns the new text and where the caret goes (after the wrap).
 */
export function wrapCloze(text: string, start: number, end: number): { text: string; caret: number } {
	const n = Math.max(0, ...clozeNumbers(text)) + 1;
	const open = `{{c${n}::`;
	const wrapped = `${open}${text.slice(start, end)}}}`;
	return { text: text.slice(0, start) + wrapped + text.slice(end), caret: start + wrapped.length };
}

/** Wraps a selection in an inline tag (bold, italic) for the formatting buttons. */
export function wrapTag(
	text: string,
	start: number,
	end: number,
	tag: 'b' | 'i'
): { text: string; caret: number } {
	const wrapped = `<${tag}>${text.slice(start, end)}</${tag}>`;
	return { text: text.slice(0, start) + wrapped + text.slice(end), caret: start + wrapped.length };
}

/** Turns the selected lines into a bulleted list. */
export function wrapList(text: string, start: number, end: number): { text: string; caret: number } {
	const lines = text
		.slice(start, end)
		.split('\n')
		.filter((l) => l.trim() !== '');
	const list = `<ul>${(lines.length ? lines : ['']).map((l) => `<li>${l.trim()}</li>`).join('')}</ul>`;
	return { text: text.slice(0, start) + list + text.slice(end), caret: start + list.length };
}

export interface PreviewCard extends RenderedCard {
	ord: number;
	label: string;
}

/** Every card the note will make, rendered as in study (sanitized by the component). */
export function previewCards(content: NoteContent): PreviewCard[] {
	return cardOrdinals(content.kind, content.fields).map((ord) => ({
		ord,
		label: content.kind === 'cloze' ? `Cloze ${ord}` : ord === 0 ? 'Front → Back' : 'Back → Front',
		...renderCard(content.kind, content.fields, ord)
	}));
}

/** The key the duplicate check compares: the front's text, accent- and case-folded. */
export function frontKey(content: Pick<NoteContent, 'kind' | 'fields'>): string {
	const front = content.kind === 'cloze' ? content.fields.text : content.fields.front;
	return foldText(htmlToText(front ?? ''))
		.replace(/\s+/g, ' ')
		.trim();
}

/** Notes of the same deck whose front is the same (flagged, not blocked). `exceptId`: the note being edited. */
export function duplicateFronts(
	content: Pick<NoteContent, 'kind' | 'fields'>,
	notes: readonly Pick<NoteRow, 'id' | 'kind' | 'fields'>[],
	exceptId?: string
): string[] {
	const key = frontKey(content);
	if (key === '') return [];
	return notes.filter((n) => n.id !== exceptId && frontKey(n) === key).map((n) => n.id);
}

/** A new deck made by hand. */
export function newDeckRow(id: string, title: string, nowMs: number): DeckRow {
	return {
		id,
		title,
		description: '',
		version: '1',
		language: 'und',
		license: '',
		source: { title: 'Written in Kartka' },
		origin: 'import',
		contentHash: '',
		createdMs: nowMs,
		updatedMs: nowMs
	};
}

export const MAX_DECK_TITLE = 200;

export function cleanDeckTitle(title: string): string {
	return title.replace(/\s+/g, ' ').trim().slice(0, MAX_DECK_TITLE);
}
