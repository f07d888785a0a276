/**
 * The Browse search language, modelled on Anki's (documented in docs/search.md). Pure: parses a query
 * into a tree, and answers a bad query with a message naming what is wrong (never throws).
 *
 *   free words      accent- and case-insensitive, over every field ("Lukashenka" finds "Łukašenka"); * wildcard
 *   "exact phrase"  case-insensitive, accents kept
 *   deck:NAME       the deck (or group) and everything under it; * wildcard; deck:"two words"
 *   tag:NAME        * wildcard
 *   is:new|learn|review|due|suspended|buried
 *   rated:N[:R]     answered in the last N study days (with rating R: 1 Again … 4 Easy)
 *   prop:due<=N  prop:ivl>=N  prop:r<0.8  prop:s  prop:d  prop:lapses  prop:reps   (< <= > >= = !=)
 *   -term  (not)    a b (and)    a or b    ( grouping )
 */
import { errorMessage } from '../errors';
import { foldText, lowerText } from '../text-fold';

export type CardStateFilter = 'new' | 'learn' | 'review' | 'due' | 'suspended' | 'buried';
export type CardProperty = 'due' | 'ivl' | 'r' | 's' | 'd' | 'lapses' | 'reps';
export type Comparison = '<' | '<=' | '>' | '>=' | '=' | '!=';

export type SearchNode =
	| { kind: 'all' }
	| { kind: 'and' | 'or'; children: SearchNode[] }
	| { kind: 'not'; child: SearchNode }
	| { kind: 'word'; folded: string; wildcard: RegExp | null }
	| { kind: 'phrase'; lower: string }
	| { kind: 'deck'; pattern: RegExp; raw: string }
	| { kind: 'tag'; pattern: RegExp }
	| { kind: 'is'; state: CardStateFilter }
	| { kind: 'rated'; days: number; rating: number | null }
	| { kind: 'prop'; prop: CardProperty; op: Comparison; value: number };

export type ParseResult = { ok: true; node: SearchNode } | { ok: false; message: string };

export const MAX_QUERY_LENGTH = 1000;
export const MAX_TERMS = 60;
const MAX_DEPTH = 16;
export const MAX_RATED_DAYS = 36_500;

export const STATES: readonly CardStateFilter[] = ['new', 'learn', 'review', 'due', 'suspended', 'buried'];
const PROPS: readonly CardProperty[] = ['due', 'ivl', 'r', 's', 'd', 'lapses', 'reps'];
const PREFIXES = ['deck', 'tag', 'is', 'rated', 'prop'] as const;

type Token =
	| { t: '(' | ')' | 'or' | 'and' | 'not'; at: number }
	| { t: 'term'; text: string; quoted: boolean; at: number };

class QueryError extends Error {}

function fail(message: string): never {
	throw new QueryError(message);
}

/** Splits a query into tokens; quotes may wrap a whole term or the value after a prefix (deck:"a b"). */
function tokenize(query: string): Token[] {
	const tokens: Token[] = [];
	let i = 0;
	const readQuoted = (from: number): [string, number] => {
		let text = '';
		let j = from + 1;
		while (j < query.length && query[j] !== '"') {
			if (query[j] === '\\' && query[j + 1] === '"') j++;
			text += query[j++];
		}
		if (j >= query.length)
			fail(`The quote opened at character ${from + 1} is never closed: add a closing ".`);
		return [text, j + 1];
	};
	while (i < query.length) {
		const c = query[i]!;
		if (/\s/.test(c)) {
			i++;
		} else if (c === '(' || c === ')') {
			tokens.push({ t: c, at: i++ });
		} else if (c === '-') {
			if (i + 1 >= query.length || /[\s)]/.test(query[i + 1]!))
				fail(`"-" at character ${i + 1} must be followed by what to leave out, e.g. -tag:date.`);
			tokens.push({ t: 'not', at: i++ });
		} else if (c === '"') {
			const [text, next] = readQuoted(i);
			tokens.push({ t: 'term', text, quoted: true, at: i });
			i = next;
		} else {
			const at = i;
			let text = '';
			let quoted = false;
			while (i < query.length && !/[\s()]/.test(query[i]!)) {
				if (query[i] === '"') {
					if (!/^[a-z]+:$/i.test(text))
						fail(`A quote inside "${text}" at character ${i + 1}: put the whole phrase in quotes.`);
					const [value, next] = readQuoted(i);
					text += value;
					quoted = true;
					i = next;
					break;
				}
				text += query[i++];
			}
			const word = text.toLowerCase();
			if (!quoted && (word === 'or' || word === 'and')) tokens.push({ t: word, at });
			else tokens.push({ t: 'term', text, quoted, at });
		}
		if (tokens.length > MAX_TERMS * 2) fail(`The search has too many terms (at most ${MAX_TERMS}).`);
	}
	return tokens;
}

/** `*` matches any run of characters; everything else literally; the name or anything under it (a::b). */
function namePattern(raw: string, what: string): RegExp {
	const folded = foldText(raw);
	if (folded === '') fail(`"${what}:" needs a name, e.g. ${what}:History*.`);
	const body = folded
		.split('*')
		.map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
		.join('.*');
	return new RegExp(`^${body}(::.*)?$`);
}

function parseNumber(text: string, what: string): number {
	if (!/^-?\d+(\.\d+)?$/.test(text)) fail(`"${text}" in ${what} is not a number.`);
	return Number(text);
}

function prefixed(prefix: string, value: string, raw: string): SearchNode {
	switch (prefix) {
		case 'deck':
			if (value.trim() === '') fail('"deck:" needs a deck name, e.g. deck:History or deck:"Belarus*".');
			return { kind: 'deck', pattern: namePattern(value, 'deck'), raw: value };
		case 'tag':
			if (value.trim() === '') fail('"tag:" needs a tag, e.g. tag:cause.');
			return { kind: 'tag', pattern: namePattern(value, 'tag') };
		case 'is': {
			const state = value.toLowerCase() as CardStateFilter;
			if (!STATES.includes(state))
				fail(
					value === ''
						? `"is:" needs one of: ${STATES.join(', ')}.`
						: `"is:${value}" is not a card state; use one of: ${STATES.join(', ')}.`
				);
			return { kind: 'is', state };
		}
		case 'rated': {
			const m = /^(\d+)(?::(\d+))?$/.exec(value);
			if (!m) fail(`"${raw}": write rated:N with N a number of days, e.g. rated:7 (or rated:7:1 for Again).`);
			const days = Number(m[1]);
			if (days < 1 || days > MAX_RATED_DAYS)
				fail(`"${raw}": the number of days must be between 1 and ${MAX_RATED_DAYS}.`);
			const rating = m[2] === undefined ? null : Number(m[2]);
			if (rating !== null && (rating < 1 || rating > 4))
				fail(`"${raw}": the rating must be 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy).`);
			return { kind: 'rated', days, rating };
		}
		default:
			return parseProp(value, raw);
	}
}

function parseProp(value: string, raw: string): SearchNode {
	const m = /^([a-z]+)(<=|>=|!=|<|>|=)?(.*)$/i.exec(value);
	if (!m || m[1] === '') fail(`"${raw}": write prop:NAME followed by a comparison, e.g. prop:ivl>=10.`);
	const prop = m[1]!.toLowerCase() as CardProperty;
	if (!PROPS.includes(prop)) fail(`"prop:${m[1]}" is not a card property; use one of: ${PROPS.join(', ')}.`);
	const op = m[2] as Comparison | undefined;
	if (!op) fail(`"${raw}" has no comparison: use <, <=, >, >=, = or !=, e.g. prop:${prop}<=3.`);
	if (m[3] === '') fail(`"${raw}" has no number after "${op}".`);
	const number = parseNumber(m[3]!, `"${raw}"`);
	if (prop === 'r' && (number < 0 || number > 1))
		fail(`"${raw}": retrievability is between 0 and 1, e.g. prop:r<0.8.`);
	if (['ivl', 'lapses', 'reps'].includes(prop) && (number < 0 || !Number.isInteger(number)))
		fail(`"${raw}": ${prop} is a whole number of at least 0.`);
	if (prop === 'due' && !Number.isInteger(number))
		fail(`"${raw}": due is a whole number of days from today.`);
	return { kind: 'prop', prop, op, value: number };
}

function term(token: Extract<Token, { t: 'term' }>): SearchNode {
	const m = /^([a-z]+):([\s\S]*)$/i.exec(token.text);
	if (m) {
		const prefix = m[1]!.toLowerCase();
		if ((PREFIXES as readonly string[]).includes(prefix)) return prefixed(prefix, m[2]!, token.text);
		if (!token.quoted)
			fail(
				`"${m[1]}:" is not a search prefix; use deck:, tag:, is:, rated: or prop: (put text with ":" in quotes).`
			);
	}
	if (token.quoted) {
		const lower = lowerText(token.text);
		if (lower === '') fail(`The quotes at character ${token.at + 1} are empty.`);
		return { kind: 'phrase', lower };
	}
	const folded = foldText(token.text);
	if (folded === '' || /^\*+$/.test(folded)) return { kind: 'all' };
	const wildcard = folded.includes('*')
		? new RegExp(
				folded
					.split('*')
					.map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
					.join('\\S*')
			)
		: null;
	return { kind: 'word', folded, wildcard };
}

class Parser {
	private i = 0;
	constructor(private readonly tokens: Token[]) {}

	parse(): SearchNode {
		if (this.tokens.length === 0) return { kind: 'all' };
		const node = this.or(0);
		const left = this.tokens[this.i];
		if (left) fail(`")" at character ${left.at + 1} closes nothing: remove it or add a "(" before it.`);
		return node;
	}

	private or(depth: number): SearchNode {
		if (depth > MAX_DEPTH) fail(`The search nests brackets too deeply (at most ${MAX_DEPTH}).`);
		const children = [this.and(depth)];
		while (this.tokens[this.i]?.t === 'or') {
			const or = this.tokens[this.i++]!;
			const next = this.tokens[this.i];
			if (!next || next.t === ')' || next.t === 'or')
				fail(`"or" at character ${or.at + 1} needs a term after it.`);
			children.push(this.and(depth));
		}
		return children.length === 1 ? children[0]! : { kind: 'or', children };
	}

	private and(depth: number): SearchNode {
		const children: SearchNode[] = [];
		for (let tok = this.tokens[this.i]; tok && tok.t !== ')' && tok.t !== 'or'; tok = this.tokens[this.i]) {
			if (tok.t === 'and') {
				this.i++;
				const next = this.tokens[this.i];
				if (children.length === 0 || !next || next.t === ')' || next.t === 'or' || next.t === 'and')
					fail(`"and" at character ${tok.at + 1} needs a term on both sides.`);
				continue;
			}
			children.push(this.unary(depth));
		}
		if (children.length === 0) {
			const tok = this.tokens[this.i];
			if (tok?.t === 'or') fail(`"or" at character ${tok.at + 1} needs a term before it.`);
			if (tok?.t === ')') fail(`")" at character ${tok.at + 1} closes nothing or empty brackets.`);
			fail('The search ends where a term was expected.');
		}
		return children.length === 1 ? children[0]! : { kind: 'and', children };
	}

	private unary(depth: number): SearchNode {
		const tok = this.tokens[this.i++]!;
		if (tok.t === 'not') {
			const next = this.tokens[this.i];
			if (!next || (next.t !== 'term' && next.t !== '(' && next.t !== 'not'))
				fail(`"-" at character ${tok.at + 1} must be followed by what to leave out.`);
			return { kind: 'not', child: this.unary(depth + 1) };
		}
		if (tok.t === '(') {
			const inner = this.or(depth + 1);
			if (this.tokens[this.i]?.t !== ')')
				fail(`The bracket opened at character ${tok.at + 1} is never closed: add a ")".`);
			this.i++;
			return inner;
		}
		if (tok.t === 'term') return term(tok);
		fail(`Unexpected "${tok.t}" at character ${tok.at + 1}.`);
	}
}

/** Parses a Browse search; a bad query gives `{ ok: false, message }` naming what is wrong. */
export function parseSearch(query: string): ParseResult {
	if (query.length > MAX_QUERY_LENGTH)
		return { ok: false, message: `The search is too long (at most ${MAX_QUERY_LENGTH} characters).` };
	try {
		return { ok: true, node: new Parser(tokenize(query)).parse() };
	} catch (e) {
		if (e instanceof QueryError) return { ok: false, message: e.message };
		return { ok: false, message: `The search could not be read: ${errorMessage(e)}` };
	}
}
