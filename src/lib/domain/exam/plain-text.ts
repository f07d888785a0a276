/** Plain text from card HTML, and the base normalization every comparison of answers starts from. Pure. */
import { stripTags } from '../import/html-scan';

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

const isScalarValue = (n: number) => n >= 0 && n <= 0x10ffff && (n < 0xd800 || n > 0xdfff);

/** Card fields are (sanitized-on-display) HTML: drop tags, decode entities, collapse spaces. */
export function htmlToText(html: string): string {
	// Tags go by a linear scan: /<[^>]*>/g is quadratic on a field of `<` without `>`.
	return stripTags(html.replace(/<br\s*\/?>/gi, ' ').replace(/<\/(p|div|li)>/gi, ' '))
		.replace(/&(#x[0-9a-f]{1,8}|#\d{1,10}|[a-z]{1,32});/gi, (all, code: string) => {
			if (code[0] === '#') {
				const n =
					code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
				// Beyond Unicode (fromCodePoint would throw) or a lone surrogate half: kept as written.
				return isScalarValue(n) ? String.fromCodePoint(n) : all;
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
