/**
 * Deck titles in the order of `Intl.Collator(undefined, { numeric: true })` ("2/6" before "10/6"), without
 * building the collator when it is not needed: constructing the first collator of a page loads the ICU
 * collation data, ~70 ms of main thread on a desktop and several times that on a slow phone (issue 13),
 * on the way to the home screen's first figures. Titles that differ first in a number after the same
 * prefix (the shipped decks: "… tilt 1/6 · …", "… tilt 2/6 · …") are ordered by that number, which is
 * what the numeric collator does for them; any other pair goes to the collator, built once when first needed.
 */
let collator: Intl.Collator | null = null;

const isDigit = (code: number) => code >= 48 && code <= 57;

/** Where the run of digits around index `at` starts (at itself when it is not in a number). */
function digitRunStart(text: string, at: number): number {
	let start = at;
	while (start > 0 && isDigit(text.charCodeAt(start - 1))) start--;
	return start;
}

function digitRun(text: string, from: number): string {
	let end = from;
	while (end < text.length && isDigit(text.charCodeAt(end))) end++;
	return text.slice(from, end);
}

/** The numeric collator's order of two titles (negative: a first). */
export function compareTitles(a: string, b: string): number {
	if (a === b) return 0;
	let at = 0;
	while (at < a.length && at < b.length && a.charCodeAt(at) === b.charCodeAt(at)) at++;
	if (at < a.length && at < b.length) {
		const start = digitRunStart(a, at);
		const x = digitRun(a, start);
		const y = digitRun(b, start);
		// Same prefix, then two numbers written without leading zeros that differ: the number decides.
		if (x && y && x[0] !== '0' && y[0] !== '0' && x.length <= 15 && y.length <= 15 && x !== y)
			return Number(x) - Number(y);
	}
	collator ??= new Intl.Collator(undefined, { numeric: true });
	return collator.compare(a, b);
}
