import { replaceImages, stripTags } from './html-scan';

/**
 * Stable keys for notes that carry no id of their own (plain CSV, Quizlet): a hash of the front text, so
 * that re-importing an edited file updates the note whose front is unchanged and keeps its schedule.
 */

/** cyrb53: a fast, well-distributed 53-bit string hash (no crypto needed: keys only have to be stable). */
function cyrb53(text: string, seed = 0): number {
	let h1 = 0xdeadbeef ^ seed;
	let h2 = 0x41c6ce57 ^ seed;
	for (let i = 0; i < text.length; i++) {
		const ch = text.charCodeAt(i);
		h1 = Math.imul(h1 ^ ch, 2654435761);
		h2 = Math.imul(h2 ^ ch, 1597334677);
	}
	h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
	h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
	return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/**
 * Whitespace, case and formatting tags do not change the key: fixing "Paris " to "<b>paris</b>" keeps the
 * schedule. Images do: two picture-only fronts must not collide.
 */
export function frontKey(front: string): string {
	// Linear scans (html-scan.ts) instead of the regexes this used, which backtracked cubically on
	// `<img src=a <img src=a …` without `>`; for well-formed tags the key is the same as before.
	const normal = stripTags(
		replaceImages(front, (src) => ` img:${src} `),
		' '
	)
		.replace(/&nbsp;/g, ' ')
		.replace(/\s+/g, ' ')
		.trim()
		.toLowerCase();
	return `h-${cyrb53(normal).toString(36)}`;
}
