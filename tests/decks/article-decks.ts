/** Helpers for the tests of the shipped decks (not a test file itself). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');
/** The article the decks quote, as named in their `source.file`. */
export const ARTICLE_FILE = 'belarus-anti-kremlin-tilt.txt';
/** Read in place from the shared sources beside the checkout (present in CI too), never copied here. */
export const ARTICLE_PATH = join(ROOT, '..', 'shared', 'source', ARTICLE_FILE);
/** Kinds of fact a note can be tagged with; every article note has at least one. */
export const KIND_TAGS = ['date', 'figure', 'actor', 'cause', 'event'] as const;
/** Free tags the article decks may use besides the kinds. */
export const FREE_TAGS = ['thesis', 'term', 'person', 'media', 'timeline', 'warning', 'prediction'];
/** The kind each article deck is about: all its notes carry that tag. */
export const DECK_KIND: Record<string, (typeof KIND_TAGS)[number]> = {
	'belarus-tilt-causes-economy': 'cause',
	'belarus-tilt-causes-mediation': 'cause',
	'belarus-tilt-actors': 'actor',
	'belarus-tilt-events': 'event',
	'belarus-tilt-dates': 'date',
	'belarus-tilt-figures': 'figure'
};

export function deckFileNames(): string[] {
	return readdirSync(join(ROOT, 'decks'))
		.filter((f) => f.endsWith('.json'))
		.sort();
}

export function readDeckJson(name: string): unknown {
	return JSON.parse(readFileSync(join(ROOT, 'decks', name), 'utf8'));
}

export function normalize(text: string): string {
	return text.replace(/\s+/g, ' ').trim();
}

/** A quote may join non-adjacent excerpts with " … "; each excerpt must be verbatim. */
export function quoteExcerpts(quote: string): string[] {
	return quote
		.split(' … ')
		.map(normalize)
		.filter((s) => s !== '');
}

const MONTHS = 'January February March April May June July August September October November December'.split(
	' '
);
const COUNT_WORDS =
	'one two three four five six seven eight nine ten eleven twelve dozen hundred thousand'.split(' ');

/** Numbers, month names and count words of a text: what must be traceable to the source. */
export function factTokens(text: string): string[] {
	const tokens = new Set<string>(text.match(/\d+(?:\.\d+)?/g) ?? []);
	for (const word of text.match(/[A-Za-z]+/g) ?? []) {
		if (MONTHS.includes(word)) tokens.add(word);
		if (COUNT_WORDS.includes(word.toLowerCase())) tokens.add(word.toLowerCase());
	}
	return [...tokens];
}
