/**
 * Actors: names of people, organizations and places that act in the sentence (followed by what they
 * did or said, or named as the agent: "ratified by President Petro Poroshenko"), and their roles from
 * appositions ("Igor Sechin, the head of Rosneft, …") or titles ("Turkish president Erdogan").
 */
import type { Token } from './nlp-tools';

export type ActorType = 'person' | 'organization' | 'place';

export interface ActorSpan {
	start: number;
	end: number;
	text: string;
	type: ActorType;
	/** The name is the subject of a verb or the agent of a passive. */
	acts: boolean;
	/** Its role as the sentence gives it, verbatim ("the head of Rosneft"), if any. */
	role?: string;
	weight: number;
}

const ROLE_NOUNS =
	/^(?:president|prime|minister|chancellor|premier|king|queen|leader|head|chief|director|chairman|chairwoman|chair|spokesman|spokeswoman|spokesperson|secretary|governor|mayor|ambassador|general|commander|analyst|dictator|founder|ceo|professor|author|editor|economist|historian|scientist|journalist|senator|deputy|envoy|official|adviser|advisor|monarch|emperor|pope|bishop|judge|writer|poet|composer|inventor|engineer|chemist|physicist|biologist|explorer|captain|admiral|colonel|mp)$/i;
const ORG_WORDS =
	/\b(?:Union|Party|Bank|Ministry|Council|Agency|Company|Corporation|Corp|Inc|Ltd|University|Committee|Commission|Parliament|Assembly|Congress|Senate|Organization|Organisation|Association|Institute|Fund|Group|Kremlin|Army|Navy|Court|Area|Office|Service|Times|News|Post|Segodnya|Media|Foundation|Federation|League|Alliance)\b/;
const CONNECTORS = /^(?:of|and|the|for|de|al|von|van|bin|da)$/;
const NAME_TAGS = ['ProperNoun', 'Person', 'Organization', 'Place', 'Acronym'];
const POSSESSIVE = /(?:'s|’s|'|’)$/;

function capitalized(word: string): boolean {
	return /^\p{Lu}/u.test(word);
}

function nameLike(tokens: Token[], i: number): boolean {
	const t = tokens[i]!;
	if (!capitalized(t.text) || ROLE_NOUNS.test(t.text)) return false;
	// "post-Communist", "anti-Kremlin": a capital inside a lowercase compound is not a name.
	if (tokens[i - 1]?.post === '-' || t.pre.includes('-')) return false;
	if (NAME_TAGS.some((tag) => t.tags.has(tag))) return !t.tags.has('Demonym') || nextIsName(tokens, i);
	if (i === 0 || t.tags.has('Pronoun') || t.tags.has('Demonym') || t.tags.has('Date')) return false;
	// A capitalized adjective is a name only inside a longer name ("Deep and Comprehensive Free Trade Area").
	if (t.tags.has('Adjective')) return nextIsName(tokens, i);
	return true;
}

function nextIsName(tokens: Token[], i: number): boolean {
	const t = tokens[i]!;
	const n = tokens[i + 1];
	if (!n || POSSESSIVE.test(t.text) || n.pre.trim() !== '') return false;
	// "Al-Assad": a hyphen joins a name; any other punctuation ends it.
	if (t.post === '-') return capitalized(n.text);
	if (t.post.trim() !== '') return false;
	if (CONNECTORS.test(n.text)) return capitalized(tokens[i + 2]?.text ?? '');
	return capitalized(n.text) && !ROLE_NOUNS.test(n.text);
}

function typeOf(run: Token[], text: string, titled: boolean): ActorType {
	if (titled || run.some((t) => t.tags.has('Person'))) return 'person';
	if (run.some((t) => t.tags.has('Place')) && !ORG_WORDS.test(text)) return 'place';
	return 'organization';
}

function isVerbAt(tokens: Token[], i: number): boolean {
	for (let j = i; j < tokens.length; j++) {
		const t = tokens[j]!;
		if (t.tags.has('Adverb')) continue;
		return t.tags.has('Verb') && !t.tags.has('Gerund');
	}
	return false;
}

/** Role before the name: "Prominent Russian political analyst Yevgeny Satanovsky". */
function titleBefore(sentence: string, tokens: Token[], first: number): string | undefined {
	const prev = tokens[first - 1];
	if (!prev || prev.post.trim() !== '' || !ROLE_NOUNS.test(prev.text)) return undefined;
	let from = first - 1;
	while (from > 0 && first - from < 6) {
		const t = tokens[from - 1]!;
		if (t.post.trim() !== '' || POSSESSIVE.test(t.text)) break;
		if (!(t.tags.has('Adjective') || t.tags.has('Noun') || ROLE_NOUNS.test(t.text))) break;
		if (t.tags.has('Determiner') || t.tags.has('Preposition')) break;
		from--;
	}
	return sentence.slice(tokens[from]!.start, prev.end);
}

/** Role after the name: "X, the country's state media outlet, …" (closed by a comma or the sentence end). */
function appositionAfter(sentence: string, tokens: Token[], last: number): string | undefined {
	const t = tokens[last]!;
	const next = tokens[last + 1];
	if (t.post.trim() !== ',' || !next || !/^(?:the|a|an)$/i.test(next.text)) return undefined;
	for (let j = last + 1; j < tokens.length && j - last <= 12; j++) {
		const post = tokens[j]!.post.trim();
		if (post === ',' || (j === tokens.length - 1 && /^[.!]/.test(post))) {
			if (j === last + 1) return undefined;
			const role = sentence.slice(next.start, tokens[j]!.end);
			return role.trim();
		}
		if (post !== '') return undefined;
	}
	return undefined;
}

export function actorSpans(sentence: string, tokens: Token[]): ActorSpan[] {
	const out: ActorSpan[] = [];
	for (let i = 0; i < tokens.length; i++) {
		if (!nameLike(tokens, i)) continue;
		let j = i;
		while (j + 1 < tokens.length && nextIsName(tokens, j)) {
			j += CONNECTORS.test(tokens[j + 1]!.text) ? 2 : 1;
		}
		const run = tokens.slice(i, j + 1);
		const first = run[0]!;
		const last = run[run.length - 1]!;
		const endTrim = POSSESSIVE.exec(last.text)?.[0].length ?? 0;
		const start = first.start;
		const end = last.start + last.text.length - endTrim;
		const text = sentence.slice(start, end).replace(/[.,;:]+$/, '');
		if (text.length < 2 || /^[A-Z]$/.test(text)) {
			i = j;
			continue;
		}
		const single = run.length === 1 && (first.tags.has('Adjective') || first.tags.has('Demonym'));
		if (single) {
			i = j;
			continue;
		}
		const title = titleBefore(sentence, tokens, i);
		const type = typeOf(run, text, title !== undefined);
		const prevWord = tokens[i - 1]?.text.toLowerCase();
		const acts =
			(!POSSESSIVE.test(last.text) && isVerbAt(tokens, j + 1)) ||
			prevWord === 'by' ||
			(appositionAfter(sentence, tokens, j) !== undefined && isVerbAfterApposition(tokens, j));
		const role = title ?? appositionAfter(sentence, tokens, j);
		const weight = type === 'person' ? 1 : type === 'organization' ? 0.9 : 0.6;
		out.push({ start, end: start + text.length, text, type, acts, role, weight });
		i = j;
	}
	return out;
}

function isVerbAfterApposition(tokens: Token[], last: number): boolean {
	for (let j = last + 1; j < tokens.length; j++) {
		if (tokens[j]!.post.trim() === ',') return isVerbAt(tokens, j + 1);
	}
	return false;
}

/** "Who is X?" for a person, "What is X?" for anything else. */
export function roleQuestion(actor: ActorSpan): string {
	return `${actor.type === 'person' ? 'Who' : 'What'} is ${actor.text}?`;
}

/** "Deep and Comprehensive Free Trade Area (DCFTA)": the acronym and what it stands for. */
export function acronyms(sentence: string): Array<{ acronym: string; expansion: string; start: number }> {
	const out: Array<{ acronym: string; expansion: string; start: number }> = [];
	const re = /((?:\p{Lu}[\p{L}-]*\s+(?:(?:and|of|for|the)\s+)?){2,9})\((\p{Lu}{2,8})\)/gu;
	for (let m = re.exec(sentence); m; m = re.exec(sentence)) {
		const words = m[1]!.trim().split(/\s+/);
		const acronym = m[2]!;
		// Keep only as many words as the acronym has capitals for (drops "Europe's" before the name).
		const capitals = words.filter((w) => capitalized(w));
		const take = capitals.length - acronym.length;
		let skip = 0;
		for (let k = 0, seen = 0; k < words.length && seen < take; k++) {
			if (capitalized(words[k]!)) seen++;
			skip = k + 1;
		}
		const expansion = words.slice(skip).join(' ');
		if (expansion) out.push({ acronym, expansion, start: m.index });
	}
	return out;
}
