/**
 * A word-level diff of two texts, for "Your edit; the deck has a newer version" (mine vs theirs).
 * Longest common subsequence over words and the white space between them; bounded so that a huge
 * field cannot stall the screen (beyond the bound: the whole text as removed and added). Pure.
 */

export interface DiffPart {
	op: 'same' | 'removed' | 'added';
	text: string;
}

/** Words times words: above this the diff is shown as a whole replacement. */
export const MAX_DIFF_CELLS = 4_000_000;

function tokens(text: string): string[] {
	return text.match(/\s+|[^\s]+/g) ?? [];
}

function push(parts: DiffPart[], op: DiffPart['op'], text: string): void {
	const last = parts.at(-1);
	if (last && last.op === op) last.text += text;
	else parts.push({ op, text });
}

/** How `before` becomes `after`: runs of unchanged, removed and added text, in order. */
export function diffWords(before: string, after: string): DiffPart[] {
	if (before === after) return before ? [{ op: 'same', text: before }] : [];
	const a = tokens(before);
	const b = tokens(after);
	const parts: DiffPart[] = [];
	if (a.length * b.length > MAX_DIFF_CELLS) {
		if (before) push(parts, 'removed', before);
		if (after) push(parts, 'added', after);
		return parts;
	}
	// lcs[i][j]: length of the longest common subsequence of a[i..] and b[j..], in one flat array.
	const w = b.length + 1;
	const lcs = new Uint32Array((a.length + 1) * w);
	for (let i = a.length - 1; i >= 0; i--) {
		for (let j = b.length - 1; j >= 0; j--) {
			lcs[i * w + j] =
				a[i] === b[j] ? lcs[(i + 1) * w + j + 1]! + 1 : Math.max(lcs[(i + 1) * w + j]!, lcs[i * w + j + 1]!);
		}
	}
	let i = 0;
	let j = 0;
	while (i < a.length && j < b.length) {
		if (a[i] === b[j]) {
			push(parts, 'same', a[i]!);
			i++;
			j++;
		} else if (lcs[(i + 1) * w + j]! >= lcs[i * w + j + 1]!) push(parts, 'removed', a[i++]!);
		else push(parts, 'added', b[j++]!);
	}
	while (i < a.length) push(parts, 'removed', a[i++]!);
	while (j < b.length) push(parts, 'added', b[j++]!);
	return parts;
}
