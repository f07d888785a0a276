/**
 * How a text file is laid out: format (CSV, TSV, Quizlet, Anki text), delimiter, header row and which
 * column plays which role. Detected automatically; every choice can be overridden (TextOptions) from the
 * preview's column-mapping controls.
 */
import { readAnkiTextHeaders, type AnkiTextHeaders } from './anki-text-headers';
import type { ColumnRole, TextOptions, TextPreview } from './import-model';

type TextFormat = TextPreview['format'];

const CANDIDATES = ['\t', ',', ';', '|'];

/** The delimiter whose per-line count is most consistent across the first lines (ties: tab, comma, …). */
function detectDelimiter(body: string): string {
	const lines = body
		.split('\n', 200)
		.filter((l) => l.trim() !== '' && !l.startsWith('#'))
		.slice(0, 100);
	let best = { delimiter: '\t', score: 0 };
	for (const d of CANDIDATES) {
		const counts = lines.map((l) => l.split(d).length - 1);
		const freq = new Map<number, number>();
		for (const c of counts) if (c > 0) freq.set(c, (freq.get(c) ?? 0) + 1);
		const top = Math.max(0, ...freq.values());
		const score = lines.length ? top / lines.length : 0;
		if (score > best.score) best = { delimiter: d, score };
	}
	return best.delimiter;
}

/** Quizlet's "semicolon between cards" export is one long line of `term<TAB>definition;` pairs. */
function sniffQuizlet(body: string): { delimiter: string; cardSeparator: string } | undefined {
	const trimmed = body.trim();
	if (trimmed.includes('\n')) return undefined;
	const cards = trimmed.split(';').filter((c) => c.trim() !== '');
	if (cards.length < 2) return undefined;
	for (const d of ['\t', ','])
		if (cards.every((c) => c.includes(d))) return { delimiter: d, cardSeparator: ';' };
	return undefined;
}

const ROLE_NAMES: Record<ColumnRole, string[]> = {
	front: [
		'front',
		'question',
		'term',
		'word',
		'prompt',
		'q',
		'side 1',
		'side a',
		'text',
		'cloze',
		'expression'
	],
	back: ['back', 'answer', 'definition', 'meaning', 'translation', 'a', 'side 2', 'side b', 'reading'],
	tags: ['tags', 'tag', 'labels', 'label'],
	id: ['id', 'guid', 'key', 'note id', 'uid'],
	deck: ['deck', 'subdeck'],
	extra: ['extra', 'back extra', 'notes', 'note', 'explanation', 'hint', 'example', 'comment', 'comments']
};

function roleOf(name: string): ColumnRole | undefined {
	const n = name.trim().toLowerCase().replace(/\s+/g, ' ');
	return (Object.keys(ROLE_NAMES) as ColumnRole[]).find((r) => ROLE_NAMES[r].includes(n));
}

/** A first row is a header when at least two cells (or its only cells) are known column names. */
export function looksLikeHeader(cells: string[]): boolean {
	if (cells.some((c) => c.length > 40)) return false;
	const known = cells.filter((c) => roleOf(c) !== undefined).length;
	return known >= Math.min(2, cells.length);
}

/** Suggested roles: named columns first, then front/back take the first unnamed columns. */
export function suggestMapping(
	header: string[] | undefined,
	columnCount: number,
	h?: AnkiTextHeaders
): Partial<Record<ColumnRole, number>> {
	const mapping: Partial<Record<ColumnRole, number>> = {};
	header?.forEach((name, i) => {
		const role = roleOf(name);
		if (role && mapping[role] === undefined) mapping[role] = i;
	});
	if (h?.tagsColumn !== undefined) mapping.tags = h.tagsColumn;
	if (h?.deckColumn !== undefined) mapping.deck = h.deckColumn;
	if (h?.guidColumn !== undefined) mapping.id = h.guidColumn;
	const taken = new Set([...Object.values(mapping), h?.notetypeColumn]);
	const free = Array.from({ length: Math.max(columnCount, 2) }, (_, i) => i).filter((i) => !taken.has(i));
	if (mapping.front === undefined) mapping.front = free.shift();
	if (mapping.back === undefined) mapping.back = free.shift();
	return mapping;
}

export interface TextLayout {
	format: TextFormat;
	delimiter: string;
	cardSeparator?: string;
	headers: AnkiTextHeaders;
	/** The body without Anki header lines, and the line number it starts on. */
	body: string;
	firstLine: number;
	comments: boolean;
	html: boolean;
}

/** Normalises line endings and works out format and delimiter (header row and mapping come with the rows). */
export function layoutOf(rawText: string, options: TextOptions): TextLayout {
	const text = rawText.replace(/\r\n?/g, '\n');
	const headers = readAnkiTextHeaders(text);
	const lines = text.split('\n');
	const body = lines.slice(headers.lineCount).join('\n');
	const firstLine = headers.lineCount + 1;
	const html = headers.html ?? true;
	const comments = headers.found || body.trimStart().startsWith('#');
	if (options.format === 'quizlet' || options.cardSeparator !== undefined) {
		const cardSeparator = options.cardSeparator ?? '\n';
		return {
			format: 'quizlet',
			delimiter: options.delimiter ?? '\t',
			cardSeparator,
			headers,
			body,
			firstLine,
			comments: false,
			html
		};
	}
	if (!options.format && !options.delimiter && !headers.found) {
		const quizlet = sniffQuizlet(body);
		if (quizlet) return { format: 'quizlet', ...quizlet, headers, body, firstLine, comments: false, html };
	}
	const delimiter =
		options.delimiter ??
		headers.separator ??
		(options.format === 'tsv' ? '\t' : options.format === 'csv' ? ',' : detectDelimiter(body));
	const format: TextFormat =
		options.format ?? (headers.found ? 'anki-text' : delimiter === '\t' ? 'tsv' : 'csv');
	return { format, delimiter, headers, body, firstLine, comments, html };
}
