/**
 * Anki-style cloze deletions: `{{c1::answer}}` or `{{c1::answer::hint}}`.
 * A cloze note gives one card per distinct cloze number; several deletions may share a number
 * (they are then hidden together on that card).
 */

interface ClozeDeletion {
	/** The cloze number (the `1` of `c1`), at least 1. */
	n: number;
	answer: string;
	hint?: string;
	/** Offsets of the whole `{{...}}` in the text. */
	start: number;
	end: number;
}

export interface ClozeParse {
	deletions: ClozeDeletion[];
	/** What is malformed, as phrases that read after `field "text": `. Empty when the text is well formed. */
	problems: string[];
}

const OPEN = /^\{\{c(\d+)::/;

function snippet(text: string, at: number): string {
	const s = text.slice(at, at + 24);
	return JSON.stringify(s.length < text.length - at ? `${s}…` : s);
}

/** Parses every cloze deletion of a text and reports malformed ones (never throws). */
export function parseCloze(text: string): ClozeParse {
	const deletions: ClozeDeletion[] = [];
	const problems: string[] = [];
	let i = 0;
	while (i < text.length) {
		const open = text.indexOf('{{', i);
		const stray = text.indexOf('}}', i);
		if (stray !== -1 && (open === -1 || stray < open)) {
			problems.push(`"}}" at character ${stray + 1} closes no cloze`);
		}
		if (open === -1) break;
		const m = OPEN.exec(text.slice(open));
		if (!m) {
			problems.push(
				`malformed cloze at character ${open + 1}: ${snippet(text, open)}; write {{c1::answer}} or {{c1::answer::hint}}`
			);
			// Skip to the end of the malformed deletion, so that its "}}" is not reported as stray.
			const end = text.indexOf('}}', open + 2);
			const next = text.indexOf('{{', open + 2);
			i = end !== -1 && (next === -1 || end < next) ? end + 2 : open + 2;
			continue;
		}
		const n = Number(m[1]);
		const bodyStart = open + m[0].length;
		const close = text.indexOf('}}', bodyStart);
		const nested = text.indexOf('{{', bodyStart);
		if (close === -1) {
			problems.push(`cloze ${snippet(text, open)} at character ${open + 1} is not closed with "}}"`);
			break;
		}
		if (nested !== -1 && nested < close) {
			problems.push(
				`cloze ${snippet(text, open)} at character ${open + 1} contains another cloze; nesting is not supported`
			);
			i = nested;
			continue;
		}
		const body = text.slice(bodyStart, close);
		const sep = body.indexOf('::');
		const answer = sep === -1 ? body : body.slice(0, sep);
		const hint = sep === -1 ? undefined : body.slice(sep + 2);
		if (n < 1) problems.push(`cloze ${snippet(text, open)} is numbered c${m[1]}; numbers start at c1`);
		if (answer.trim() === '') problems.push(`cloze ${snippet(text, open)} has an empty answer`);
		if (hint !== undefined && hint.trim() === '') {
			problems.push(`cloze ${snippet(text, open)} has an empty hint; drop the trailing "::"`);
		}
		deletions.push({
			n,
			answer: answer.trim(),
			...(hint === undefined ? {} : { hint: hint.trim() }),
			start: open,
			end: close + 2
		});
		i = close + 2;
	}
	return { deletions, problems };
}

/** The sorted, unique cloze numbers of a text (well-formed deletions only). */
export function clozeNumbers(text: string): number[] {
	const ns = new Set(
		parseCloze(text)
			.deletions.map((d) => d.n)
			.filter((n) => n >= 1)
	);
	return [...ns].sort((a, b) => a - b);
}

/** True when the text contains something that looks like cloze syntax (for fields that must not). */
export function hasClozeSyntax(text: string): boolean {
	return /\{\{c\d+::/.test(text);
}

/**
 * The plain text of one side of cloze card `n`: on the front, deletions numbered `n` become
 * `[...]` (or `[hint]`); on the back they show their answer. Other deletions always show their answer.
 */
export function renderCloze(text: string, n: number, side: 'front' | 'back'): string {
	const { deletions } = parseCloze(text);
	let out = '';
	let at = 0;
	for (const d of deletions) {
		out += text.slice(at, d.start);
		out += d.n === n && side === 'front' ? `[${d.hint ?? '...'}]` : d.answer;
		at = d.end;
	}
	return out + text.slice(at);
}
