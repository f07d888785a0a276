/**
 * Text for searching: HTML reduced to its words, and a "folded" form that ignores case and accents,
 * so that "Lukashenka" finds "Łukašenka" and "SATANOVSKY" finds "Satanovsky". Pure.
 */

/**
 * Letters spelled out before accents are dropped: Slavic š/ž/č as their usual English transliteration
 * ("Łukašenka" is written "Lukashenka" in English), and letters that Unicode does not decompose into a
 * base letter plus a mark (NFD leaves them whole).
 */
const SPECIAL: Record<string, string> = {
	š: 'sh',
	ž: 'zh',
	č: 'ch',
	ł: 'l',
	ø: 'o',
	đ: 'd',
	ð: 'd',
	ħ: 'h',
	ı: 'i',
	ŀ: 'l',
	ß: 'ss',
	æ: 'ae',
	œ: 'oe',
	þ: 'th',
	ŧ: 't'
};
const SPECIAL_RE = /[šžčłøđðħıŀßæœþŧ]/g;
const COMBINING_MARKS = /\p{M}+/gu;

/** Lower case, accents removed, special letters spelled in ASCII, runs of white space as one space. */
export function foldText(text: string): string {
	return text
		.toLowerCase()
		.normalize('NFC')
		.replace(SPECIAL_RE, (c) => SPECIAL[c] ?? c)
		.normalize('NFD')
		.replace(COMBINING_MARKS, '')
		.replace(/\s+/g, ' ')
		.trim();
}

/** Lower case with accents kept (what an "exact phrase" is compared with), white space collapsed. */
export function lowerText(text: string): string {
	return text.toLowerCase().normalize('NFC').replace(/\s+/g, ' ').trim();
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/**
 * The visible words of card HTML (tags dropped, block ends and <br> as spaces, common entities decoded).
 * Not a sanitizer: the result is only ever searched, never shown as HTML.
 */
export function htmlToText(html: string): string {
	return html
		.replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ')
		.replace(/<\/?(br|p|div|li|tr|td|th|h\d|hr)\b[^>]*>/gi, ' ')
		.replace(/<[^>]*>/g, '')
		.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, code: string) => {
			if (code[0] === '#') {
				const n = code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : Number(code.slice(1));
				return Number.isFinite(n) && n > 0 && n < 0x110000 ? String.fromCodePoint(n) : m;
			}
			return ENTITIES[code.toLowerCase()] ?? m;
		})
		.replace(/\s+/g, ' ')
		.trim();
}
