/**
 * Anki's text-file headers (https://docs.ankiweb.net/importing/text-files.html#file-headers): lines at the
 * top like `#separator:Tab`, `#html:true`, `#columns:Front	Back	Tags`, `#deck:…`, `#tags:…`,
 * `#notetype:…`, `#notetype column:1`, `#deck column:2`, `#tags column:3`, `#guid column:4`.
 * Column numbers in the file are 1-based; here they are 0-based.
 */

export interface AnkiTextHeaders {
	separator?: string;
	html?: boolean;
	/** The `#columns:` value, split by the caller once the separator is known. */
	columnsRaw?: string;
	deck?: string;
	tags: string[];
	notetype?: string;
	notetypeColumn?: number;
	deckColumn?: number;
	tagsColumn?: number;
	guidColumn?: number;
	/** How many lines the header block takes (the body starts after them). */
	lineCount: number;
	/** True when at least one recognised header was found. */
	found: boolean;
}

const SEPARATORS: Record<string, string> = {
	tab: '\t',
	comma: ',',
	semicolon: ';',
	space: ' ',
	pipe: '|',
	colon: ':'
};

function separatorOf(value: string): string | undefined {
	const v = value.trim();
	return SEPARATORS[v.toLowerCase()] ?? (value.length === 1 ? value : v.length === 1 ? v : undefined);
}

function column(value: string): number | undefined {
	const n = Number(value.trim());
	return Number.isInteger(n) && n >= 1 ? n - 1 : undefined;
}

/** Reads the header block at the top of `text` (stops at the first line that is not a `#key:value`). */
export function readAnkiTextHeaders(text: string): AnkiTextHeaders {
	const h: AnkiTextHeaders = { tags: [], lineCount: 0, found: false };
	const lines = text.split('\n', 64);
	for (const line of lines) {
		const m = /^#([a-z ]+):(.*)$/i.exec(line.replace(/\r$/, ''));
		if (!m) break;
		const key = m[1]!.trim().toLowerCase();
		const value = m[2]!;
		let known = true;
		if (key === 'separator') h.separator = separatorOf(value);
		else if (key === 'html') h.html = value.trim().toLowerCase() === 'true';
		else if (key === 'columns') h.columnsRaw = value;
		else if (key === 'deck') h.deck = value.trim();
		else if (key === 'tags') h.tags = value.trim().split(/\s+/).filter(Boolean);
		else if (key === 'notetype') h.notetype = value.trim();
		else if (key === 'notetype column') h.notetypeColumn = column(value);
		else if (key === 'deck column') h.deckColumn = column(value);
		else if (key === 'tags column') h.tagsColumn = column(value);
		else if (key === 'guid column') h.guidColumn = column(value);
		else if (key === 'if matches' || key === 'match scope') known = true;
		else known = false;
		if (!known) break;
		h.found = true;
		h.lineCount++;
	}
	return h;
}
