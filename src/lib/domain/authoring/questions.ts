/**
 * A statement clause → a wh-question with the same words ("Minsk hosted negotiations …" →
 * "Why did Minsk host negotiations …?"). Only clauses with a plain subject and a finite verb are turned
 * into questions; anything else gets no question (the cloze card still asks about it).
 */
import { infinitive, type Token } from './nlp-tools';

const AUX =
	/^(?:is|are|was|were|has|have|had|can|could|will|would|shall|should|may|might|must|does|do|did)$/i;
const PRONOUN_SUBJECT = /^(?:he|she|it|they|this|that|these|those|we|you|i|which|who)$/i;
const NAME_TAGS = ['ProperNoun', 'Person', 'Organization', 'Place', 'Acronym'];

/**
 * `tokens` are the clause's tokens with offsets in `clause`. Returns undefined when the clause has no
 * clear subject + verb, a pronoun subject (the card would not say who), or a negation.
 */
export function whQuestion(wh: 'Why' | 'When' | 'How', clause: string, tokens: Token[]): string | undefined {
	const v = tokens.findIndex((t, i) => i > 0 && t.tags.has('Verb') && !t.tags.has('Gerund'));
	if (v < 1 || v > 10) return undefined;
	let subjEnd = v;
	while (subjEnd > 0 && tokens[subjEnd - 1]!.tags.has('Adverb')) subjEnd--;
	if (subjEnd === 0) return undefined;
	const subjTokens = tokens.slice(0, subjEnd);
	if (subjTokens.some((t, i) => i < subjTokens.length - 1 && t.post.trim() !== '')) return undefined;
	if (
		subjTokens.some((t) => t.tags.has('Conjunction') || (t.tags.has('Preposition') && t === subjTokens[0]))
	) {
		return undefined;
	}
	if (subjTokens.length === 1 && PRONOUN_SUBJECT.test(subjTokens[0]!.text)) return undefined;
	if (
		/^(?:when|while|where|whereas|although|though|if|unless|after|before|until|whether|which|who)$/i.test(
			subjTokens[0]!.text
		)
	) {
		return undefined;
	}
	if (tokens.some((t) => /^(?:not|never|n't)$/i.test(t.text) || /n't$/i.test(t.text))) return undefined;
	const verb = tokens[v]!;
	const first = subjTokens[0]!;
	const subject = lowerFirst(clause.slice(first.start, subjTokens[subjTokens.length - 1]!.end), first);
	const adverbs = subjEnd < v ? clause.slice(tokens[subjEnd]!.start, tokens[v - 1]!.end) + ' ' : '';
	const rest = clause
		.slice(verb.end)
		.replace(/[\s.!?;:,]+$/, '')
		.trimEnd();
	let head: string;
	if (AUX.test(verb.text)) {
		head = `${verb.text.toLowerCase()} ${subject} ${adverbs}`.trimEnd();
		return finish(`${wh} ${head}${rest}`);
	}
	if (verb.tags.has('PastTense')) {
		head = `did ${subject} ${adverbs}${infinitive(verb.text, 'PastTense')}`;
	} else if (verb.tags.has('PresentTense')) {
		const does = /s$/.test(verb.text) ? 'does' : 'do';
		head = `${does} ${subject} ${adverbs}${infinitive(verb.text, 'PresentTense')}`;
	} else return undefined;
	return finish(`${wh} ${head}${rest}`);
}

function finish(q: string): string {
	return q.replace(/\s+/g, ' ').trim() + '?';
}

/** "The agreement" → "the agreement", but "Minsk", "Kremlin critics" keep their capital. */
function lowerFirst(text: string, first: Token): string {
	const common = ['Determiner', 'Pronoun', 'Adverb', 'Preposition', 'Value'].some((t) => first.tags.has(t));
	const plainAdjective = first.tags.has('Adjective') && !first.tags.has('Demonym');
	if (!(common || plainAdjective) || NAME_TAGS.some((t) => first.tags.has(t))) return text;
	return text.charAt(0).toLowerCase() + text.slice(1);
}

/** Tokens of `sentenceTokens` inside [from, to), re-based to the clause's offsets. */
export function clauseTokens(sentenceTokens: Token[], from: number, to: number): Token[] {
	return sentenceTokens
		.filter((t) => t.start >= from && t.end <= to)
		.map((t) => ({ ...t, start: t.start - from, end: t.end - from }));
}
