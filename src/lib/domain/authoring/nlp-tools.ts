/**
 * The one place that talks to the language libraries: compromise (its tagger, `compromise/two`:
 * sentences, parts of speech, people, places, organizations, numbers) and chrono-node (dates). Everything else in authoring works on the
 * plain tokens this returns, so the card rules stay testable and the libraries stay swappable.
 * Loaded only by the authoring worker (and tests/bench): never by the app's first page.
 */
import nlp from 'compromise/two';
import * as chrono from 'chrono-node';

export interface Token {
	/** The word without surrounding punctuation. */
	text: string;
	/** Offsets in the sentence. */
	start: number;
	end: number;
	/** Punctuation right before and after the word ("(", ",", "-"; "'s" is part of the word). */
	pre: string;
	post: string;
	tags: ReadonlySet<string>;
}

export interface TaggedSentence {
	/** Offsets in the paragraph. */
	start: number;
	length: number;
	tokens: Token[];
}

/** Sentences and tokens of one paragraph. */
export function tagParagraph(paragraph: string): TaggedSentence[] {
	const json = nlp(paragraph).json({ offset: true }) as Array<{
		offset: { start: number; length: number };
		terms: Array<{
			text: string;
			pre: string;
			post: string;
			tags: string[];
			offset: { start: number; length: number };
		}>;
	}>;
	return json.map((s) => ({
		start: s.offset.start,
		length: s.offset.length,
		tokens: s.terms.map((t) => ({
			text: t.text,
			start: t.offset.start - s.offset.start,
			end: t.offset.start - s.offset.start + t.offset.length,
			pre: t.pre,
			post: t.post,
			tags: new Set(t.tags)
		}))
	}));
}

/** "signed" → "sign", "regards" → "regard"; the word itself when compromise has no verb there. */
export function infinitive(verb: string, tense: 'PastTense' | 'PresentTense'): string {
	const out = transform.toInfinitive(verb.toLowerCase(), model, tense);
	return typeof out === 'string' && out.trim() ? out.trim() : verb;
}

// compromise's own conjugation tables, without parsing a new document per word.
const model = nlp.model();
const transform = (
	nlp.methods() as {
		two: { transform: { verb: { toInfinitive: (w: string, m: unknown, t: string) => unknown } } };
	}
).two.transform.verb;

/** Fixed: chrono resolves relative dates against it, and we only keep the words, never the resolved day. */
const REFERENCE = new Date(Date.UTC(2000, 0, 1));

/** Date phrases chrono finds in a sentence, as offsets. */
export function chronoDates(sentence: string): Array<{ start: number; end: number; text: string }> {
	return chrono.en.parse(sentence, REFERENCE).map((r) => ({
		start: r.index,
		end: r.index + r.text.length,
		text: r.text
	}));
}
