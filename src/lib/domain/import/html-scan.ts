/**
 * Linear scans of untrusted card HTML. Regexes such as /<[^>]*>/g or /<hr[^>]*\bid=answer[^>]*>/ backtrack
 * quadratically (or worse) on a field of many `<` without `>`: a 160 k-character `<hr<hr<hr…` field took
 * minutes. Here every character is looked at a bounded number of times, and `steps` counts the work so that
 * tests can check the bound without timing anything.
 */

export interface ScanCounter {
	steps: number;
}

/**
 * Calls `visit` for each tag, with the same matches as /<[^>]*>/g: from a `<` to the next `>`. Returns the
 * text with each tag replaced by what `visit` returns (undefined keeps the tag).
 */
export function replaceTags(
	html: string,
	visit: (tag: string) => string | undefined,
	counter?: ScanCounter
): string {
	let out = '';
	let at = 0;
	for (;;) {
		const lt = html.indexOf('<', at);
		const gt = lt === -1 ? -1 : html.indexOf('>', lt + 1);
		// No `>` after this `<` means none after any later `<` either: the rest is text.
		if (lt === -1 || gt === -1) break;
		const tag = html.slice(lt, gt + 1);
		if (counter) counter.steps += gt + 1 - at;
		out += html.slice(at, lt) + (visit(tag) ?? tag);
		at = gt + 1;
	}
	if (counter) counter.steps += html.length - at;
	return at === 0 ? html : out + html.slice(at);
}

/** The text without its tags (as `html.replace(/<[^>]*>/g, replacement)`). */
export function stripTags(html: string, replacement = '', counter?: ScanCounter): string {
	return replaceTags(html, () => replacement, counter);
}

const ANSWER_ID = /\bid\s*=\s*["']?answer(?![\w-])/i;

/** Where Anki's `<hr id=answer>` is in a rendered answer: [start, end) of the tag, or undefined. */
export function findAnswerRule(html: string, counter?: ScanCounter): [number, number] | undefined {
	let at = 0;
	for (;;) {
		const lt = html.indexOf('<', at);
		const gt = lt === -1 ? -1 : html.indexOf('>', lt + 1);
		if (lt === -1 || gt === -1) return undefined;
		if (counter) counter.steps += gt + 1 - at;
		// Like the old regex, a rule may follow stray `<` inside the same tag text: look from its first `<hr`.
		const tag = html.slice(lt, gt + 1);
		const hr = tag.toLowerCase().indexOf('<hr');
		if (hr !== -1 && ANSWER_ID.test(tag.slice(hr))) return [lt + hr, gt + 1];
		at = gt + 1;
	}
}

const IMG_SRC = /\bsrc\s*=\s*["']?([^"'\s>]+)/i;

/** `<img … src=x …>` → `replace(x)`, other tags kept (the note-key normalisation of picture-only fronts). */
export function replaceImages(html: string, replace: (src: string) => string, counter?: ScanCounter): string {
	return replaceTags(
		html,
		(tag) => {
			if (!/^<img\b/i.test(tag)) return undefined;
			const src = IMG_SRC.exec(tag);
			return src ? replace(src[1]!) : undefined;
		},
		counter
	);
}
