/** Plain text from card HTML, and the base normalization every comparison of answers starts from. Pure. */

const ENTITIES: Record<string, string> = {
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	apos: "'",
	nbsp: ' ',
	ndash: '–',
	mdash: '—',
	hellip: '…'
};

/** Card fields are (sanitized-on-display) HTML: drop tags, decode entities, collapse spaces. */
export function htmlToText(html: string): string {
	return html
		.replace(/<br\s*\/?>/gi, ' ')
		.replace(/<\/(p|div|li)>/gi, ' ')
		.replace(/<[^>]*>/g, '')
		.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, code: string) => {
			if (code[0] === '#') {
				const n =
					code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
				return Number.isFinite(n) ? String.fromCodePoint(n) : all;
			}
			return ENTITIES[code.toLowerCase()] ?? all;
		})
		.replace(/\s+/g, ' ')
		.trim();
}

/** Letters that Unicode decomposition does not split into a base letter and a mark. */
const FOLD: Record<string, string> = {
	ł: 'l',
	ø: 'o',
	æ: 'ae',
	œ: 'oe',
	ß: 'ss',
	đ: 'd',
	ð: 'd',
	þ: 'th',
	ı: 'i',
	ħ: 'h'
};

/** Lowercase, no accents, one kind of quote and dash, single spaces. */
export function foldText(text: string): string {
	return text
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/[łøæœßđðþıħ]/g, (c) => FOLD[c] ?? c)
		.replace(/[‘’‛′`´]/g, "'")
		.replace(/[“”„″]/g, '"')
		.replace(/[‐‑‒–—―−]/g, '-')
		.replace(/\s+/g, ' ')
		.trim();
}
