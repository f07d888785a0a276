/**
 * Text → paragraphs with their offsets, so that every quote is a verbatim slice of the text.
 * Each line is a paragraph, and a short line without closing punctuation is a heading; compromise
 * splits the paragraphs into sentences (it handles "U.S.", "Dr." and decimals).
 */
const CLOSING = /[.!?…"'”’)\]]$/;

export function isHeading(line: string): boolean {
	const words = line.split(/\s+/).filter(Boolean).length;
	return !CLOSING.test(line.trim()) && words <= 20;
}

/** Paragraphs (non-empty lines) with their offsets in the text. */
export function paragraphs(text: string): Array<{ text: string; start: number }> {
	const out: Array<{ text: string; start: number }> = [];
	const re = /[^\n]+/g;
	for (let m = re.exec(text); m; m = re.exec(text)) {
		const raw = m[0];
		const lead = raw.length - raw.trimStart().length;
		const trimmed = raw.trim();
		if (trimmed) out.push({ text: trimmed, start: m.index + lead });
	}
	return out;
}

export function countWords(text: string): number {
	return text.split(/\s+/).filter(Boolean).length;
}
