/**
 * Causal claims: a marker splits a sentence into a cause and an effect. Markers: cause ("because",
 * "due to", "since", "as", "stemming from"), purpose ("in order to", "so that", "to ensure", a "to" of
 * purpose after the action: "acted decisively to pre-empt …"), means ("by increasing …"), consequence
 * ("therefore", "as a result", "which means", "demonstrates that"), and conditions ("Should C, E").
 * The card hides the part after the marker; a "Why …?"/"How …?" card asks for it when the clause before
 * it reads as a statement.
 */
import type { Token } from './nlp-tools';
import type { Span } from './span';

export interface CauseSpan extends Span {
	marker: string;
	/** Which part the hidden span is: the cause (reason, purpose or means), or the effect. */
	hides: 'cause' | 'effect';
	/** The question a basic card asks about the hidden cause, if any. */
	ask?: 'Why' | 'How';
	/** The clause the question is about (offsets in the sentence): everything before the marker. */
	effect?: { start: number; end: number };
}

/** Markers followed by the cause, a purpose or a claimed reason. */
const BACKWARD =
	/\b(?:because of|because|due to|owing to|thanks to|as a result of|given that|in order to|so as to|so that|in exchange for|aimed at|stemming from|stems from|results from|resulting from|caused by|driven by|traced back to|benefits? (?:\w+ )?from|claiming that|arguing that|to ensure|to make sure|to prevent|to avoid|since|as|by)\b/gi;
/** Markers followed by the effect or what the evidence shows. */
const FORWARD =
	/\b(?:therefore|thus|hence|consequently|as a result|which means|that means|leads to|led to|lead to|leading to|results in|resulted in|resulting in|demonstrates? that|shows? that|proves? that|so)\b/gi;
/** Markers that finish a verb phrase ("can be traced back to"): the clause before them is no statement. */
const AFTER_VERB =
	/^(?:stemming from|stems from|results from|resulting from|caused by|driven by|traced back to|benefits? .*from|aimed at)$/;
/** A sentence opening with a condition: "Should the economy recover, …", "If …, …". */
const CONDITION = /^(?:If|Should|Unless|Were|Had|Once)\s/;
/** "since 2014", "since January": time, not cause. */
const SINCE_TIME =
	/^since\s+(?:\d|the\s+\d|January|February|March|April|May|June|July|August|September|October|November|December|then|last|early|late)/i;
/** What a "Why" card's answer keeps of the marker ("Due to …", "To pre-empt …"); bare conjunctions go. */
const DROP_MARKER = /^(?:because|since|as|given that)$/i;

function clauseEnd(sentence: string, from: number): number {
	// The hidden part runs to the next comma/semicolon, but at least three words.
	const re = /[,;:—–]|\s-\s|[.!?]\s*$/g;
	re.lastIndex = from;
	for (let m = re.exec(sentence); m; m = re.exec(sentence)) {
		const words = sentence.slice(from, m.index).trim().split(/\s+/).length;
		if (words >= 3) return m.index;
	}
	return sentence.replace(/[.!?\s]+$/, '').length;
}

function trimmed(sentence: string, start: number, end: number): { start: number; end: number } {
	while (start < end && /\s/.test(sentence[start]!)) start++;
	while (end > start && /[\s,;.]/.test(sentence[end - 1]!)) end--;
	return { start, end };
}

function tokensIn(tokens: Token[], start: number, end: number): Token[] {
	return tokens.filter((t) => t.start >= start && t.end <= end);
}

/** A clause of its own: it opens with a subject ("it", "his legitimacy", "Russia") and has a verb. */
function opensClause(tokens: Token[], start: number, end: number): boolean {
	const inside = tokensIn(tokens, start, end);
	const first = inside[0];
	if (!first) return false;
	const subject =
		/^\p{Lu}/u.test(first.text) ||
		['Determiner', 'Pronoun', 'Possessive', 'ProperNoun'].some((tag) => first.tags.has(tag));
	return subject && inside.some((t) => t.tags.has('Verb') && !t.tags.has('Gerund'));
}

/** Whether a marker found by the regexes is causal here. */
function causalHere(sentence: string, tokens: Token[], lower: string, at: number, initial: boolean): boolean {
	const rest = sentence.slice(at);
	const afterComma = /,\s*$/.test(sentence.slice(0, at));
	if (lower === 'since') return !SINCE_TIME.test(rest);
	if (lower === 'as') {
		if (/^as (?:a result|well|part|of|for|such|soon|long|the basis|a |an )/i.test(rest)) return false;
		return initial || afterComma;
	}
	if (lower === 'so') return afterComma;
	// "by increasing its profile": means; "by President X", "by 2020": not.
	if (lower === 'by') return tokens.find((t) => t.start > at)?.tags.has('Gerund') ?? false;
	return true;
}

/** "acted decisively to pre-empt …": a "to" of purpose, after the action (not "agreed to", "able to"). */
function purposeTos(tokens: Token[]): number[] {
	const out: number[] = [];
	for (let i = 1; i < tokens.length - 1; i++) {
		const t = tokens[i]!;
		if (t.text.toLowerCase() !== 'to' || !tokens[i + 1]!.tags.has('Infinitive')) continue;
		const prev = tokens[i - 1]!;
		if (prev.post.trim() !== '') continue;
		if (prev.tags.has('Verb') || prev.tags.has('Adjective') || prev.tags.has('Auxiliary')) continue;
		if (prev.tags.has('Noun') || prev.tags.has('Adverb') || prev.tags.has('ProperNoun')) out.push(t.start);
	}
	return out;
}

function make(
	sentence: string,
	r: { start: number; end: number },
	marker: string,
	hides: 'cause' | 'effect',
	ask?: 'Why' | 'How',
	effect?: { start: number; end: number }
): CauseSpan {
	const strong =
		/^(?:because|due to|as a result|therefore|so that|in order to|leads? to|led to|which means)/i;
	const weight = strong.test(marker) ? 1 : 0.75;
	return {
		start: r.start,
		end: r.end,
		text: sentence.slice(r.start, r.end),
		weight,
		marker,
		hides,
		ask,
		effect
	};
}

export function causeSpans(sentence: string, tokens: Token[]): CauseSpan[] {
	const out: CauseSpan[] = [];
	const cond = CONDITION.exec(sentence);
	if (cond) {
		const comma = sentence.indexOf(',');
		if (comma > 0)
			out.push(make(sentence, trimmed(sentence, comma + 1, sentence.length), cond[0].trim(), 'effect'));
	}
	for (const [re, hides] of [
		[BACKWARD, 'cause'],
		[FORWARD, 'effect']
	] as const) {
		const g = new RegExp(re.source, 'gi');
		for (let m = g.exec(sentence); m; m = g.exec(sentence)) {
			const marker = m[0];
			const lower = marker.toLowerCase();
			const at = m.index;
			const initial = sentence.slice(0, at).trim() === '';
			if (!causalHere(sentence, tokens, lower, at, initial)) continue;
			const after = at + marker.length;
			if (initial && hides === 'cause') {
				// "Because C, E." / "As C, E.": the cause runs to the first comma, the effect is the rest.
				const comma = sentence.indexOf(',', after);
				if (comma < 0) continue;
				const cause = trimmed(sentence, after, comma);
				const effect = trimmed(sentence, comma + 1, sentence.length);
				out.push(make(sentence, cause, marker, hides, 'Why', effect));
				continue;
			}
			const part = trimmed(sentence, after, clauseEnd(sentence, after));
			// "…, as proof that …": after "as"/"since"/"so" a cause is a clause, with a verb of its own.
			if (/^(?:as|since|so)$/.test(lower) && !opensClause(tokens, part.start, part.end)) continue;
			const ask = hides === 'effect' || AFTER_VERB.test(lower) ? undefined : lower === 'by' ? 'How' : 'Why';
			out.push(make(sentence, part, marker, hides, ask, trimmed(sentence, 0, at)));
		}
	}
	for (const at of purposeTos(tokens)) {
		if (out.some((s) => s.start <= at + 3 && at < s.end)) continue;
		const part = trimmed(sentence, at, clauseEnd(sentence, at + 3));
		// After an adverb ("acted decisively to …") the "to" tells why the action was done; after a noun
		// it may tell what the thing is for ("a lobby in Kiev to consolidate ties"): cloze only.
		const afterAdverb = tokens.find((t) => t.end <= at && t.end >= at - 2)?.tags.has('Adverb') ?? false;
		const ask = afterAdverb ? 'Why' : undefined;
		out.push(make(sentence, part, 'to', 'cause', ask, trimmed(sentence, 0, at)));
	}
	return out.filter((s) => s.end - s.start > 0 && s.text.split(/\s+/).length >= 2);
}

/** The answer of a "Why"/"How" card: the hidden part, with the marker when it carries meaning. */
export function causeAnswer(c: CauseSpan): string {
	if (c.marker === 'to') return c.text;
	return DROP_MARKER.test(c.marker) ? c.text : `${c.marker} ${c.text}`;
}
