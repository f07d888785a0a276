/** A phrase of a sentence that a card can ask about (offsets in the sentence). */
export interface Span {
	start: number;
	end: number;
	text: string;
	/** 0..1: how specific the phrase is on its own (a full date beats a bare year). */
	weight: number;
}

export function spanAt(sentence: string, start: number, end: number, weight: number): Span {
	return { start, end, text: sentence.slice(start, end), weight };
}

export function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
	return a.start < b.end && b.start < a.end;
}

/** Longest first; drops any span overlapping one already kept. */
export function keepLongest<T extends Span>(spans: T[]): T[] {
	const sorted = [...spans].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
	const kept: T[] = [];
	for (const s of sorted) if (!kept.some((k) => overlaps(k, s))) kept.push(s);
	return kept.sort((a, b) => a.start - b.start);
}

/** Every match of a global regex as a span. */
export function regexSpans(sentence: string, re: RegExp, weight: number): Span[] {
	const out: Span[] = [];
	const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g');
	for (let m = g.exec(sentence); m; m = g.exec(sentence)) {
		if (m[0].length === 0) {
			g.lastIndex++;
			continue;
		}
		out.push(spanAt(sentence, m.index, m.index + m[0].length, weight));
	}
	return out;
}
