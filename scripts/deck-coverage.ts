/**
 * Deck coverage: extracts from a source article every year, date, period, percentage, money amount,
 * count word next to a noun ("six political prisoners"), other number and capitalized name, and lists
 * the notes that cover each. Dates must be the answer of a note tagged `date`, figures the answer of a
 * note tagged `figure`; a name must appear on a card (front, back, cloze text or extra). Anything
 * uncovered fails, unless the article's allowlist (`<article>.coverage.json`, next to the article)
 * gives a reason; an allowlist entry that is not needed fails too, so that the list stays small.
 *
 * Usage: npm run deck:coverage (prints the table; exits 1 on anything uncovered).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { renderCloze, parseCloze } from '../src/lib/domain/cloze';
import { type DeckFile, type DeckNote, formatDeckErrors, validateDeck } from '../src/lib/domain/deck-format';

export type ItemKind = 'date' | 'period' | 'year' | 'money' | 'percentage' | 'count' | 'number' | 'name';
export interface CoverageItem {
	kind: ItemKind;
	text: string;
	/** For counts: the noun phrase that must appear on the same card ("political prisoners"). */
	noun?: string;
	context: string;
}
export interface AllowEntry {
	item: string;
	reason: string;
}
export interface CoverageRow extends CoverageItem {
	status: 'covered' | 'allowed' | 'uncovered';
	coveredBy: string[];
	reason?: string;
}

const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';
const COUNT_WORDS =
	'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|hundred|thousand|dozen';
/** Words that end a noun phrase after a count word. */
const PHRASE_STOP = new Set(
	'in of to with and or that which who for from by on at as than but after before while per'.split(' ')
);
/** Capitalized only because they open a sentence: never the first word of a name. */
const FUNCTION_WORDS = new Set(
	`the a an on in at of for with without over under after before while when as but and or so if however despite
	instead this that these those there it its his her their many most some only also should would could yet since
	although though because then thus still even such all any each every both neither either not no we they he she
	you i our what which who why how where here during until unless whether`.split(/\s+/)
);
const TITLES = new Set([
	'President',
	'Prime',
	'Minister',
	'Dr',
	'Mr',
	'Mrs',
	'Ms',
	'Sir',
	'General',
	'King',
	'Queen'
]);

/** Patterns in the order they claim text: a span taken by one is masked for the next. */
const PATTERNS: [ItemKind, RegExp][] = [
	['date', new RegExp(`\\b(?:${MONTHS})(?:\\s+\\d{1,2})?(?:,?\\s+\\d{4})?\\b`, 'g')],
	['period', /\b(?:early|mid|late)[-\s](?:1[5-9]|20)\d{2}s?\b/gi],
	[
		'period',
		/\b(?:a few|several|the past few|the last few)\s+(?:days|weeks|months|years)(?:\s+(?:later|ago|earlier))?/gi
	],
	['year', /\b(?:1[5-9]|20)\d{2}s?\b/g],
	['money', /[$€£]\s?\d+(?:[.,]\d+)*(?:\s+(?:million|billion|trillion))?/g],
	['percentage', /\d+(?:\.\d+)?\s?(?:%|per ?cent\b)/g],
	['count', new RegExp(`\\b(?:${COUNT_WORDS})\\s+[a-z][a-z-]*(?:\\s+[a-z][a-z-]*){0,2}`, 'gi')],
	['number', /(?<![\w.-])\d+(?:[.,]\d+)*(?![\w%])/g]
];

function contextOf(text: string, start: number, end: number): string {
	return text
		.slice(Math.max(0, start - 40), Math.min(text.length, end + 40))
		.replace(/\s+/g, ' ')
		.trim();
}

/** Title-case lines (headline, section headings, the publisher's header and footer). */
function isHeading(line: string): boolean {
	const t = line.trim();
	return t !== '' && !/[.!?"”]$/.test(t) && t.split(/\s+/).length <= 16;
}

function extractNames(
	line: string,
	lowercaseWords: Set<string>,
	add: (text: string, at: number) => void
): void {
	const tokens = [...line.matchAll(/\S+/g)].map((m) => ({ raw: m[0], at: m.index ?? 0 }));
	let run: { word: string; at: number }[] = [];
	let runStartsSentence = false;
	const flush = () => {
		let words = run;
		while (words.length > 0 && TITLES.has(words[0]!.word)) words = words.slice(1);
		const first = words[0]?.word.toLowerCase();
		if (
			runStartsSentence &&
			first !== undefined &&
			(FUNCTION_WORDS.has(first) || lowercaseWords.has(first))
		) {
			words = words.slice(1);
		}
		if (words.length > 0) add(words.map((w) => w.word).join(' '), words[0]!.at);
		run = [];
	};
	tokens.forEach((token, i) => {
		const sentenceStart = i === 0 || /[.!?:]["')\]]*$/.test(tokens[i - 1]!.raw);
		// An opening bracket or quote starts a new name: "Eurasian Economic Union (EEU)".
		if (/^["'([“]/.test(token.raw)) flush();
		let core = token.raw.replace(/^["'([“]+/, '');
		const endsRun = /[,.;:!?)"”\]]$/.test(core) || /'s\W*$/.test(core);
		core = core.replace(/[,.;:!?)"”\]]+$/, '').replace(/'s$/, '');
		// "anti-Assad", "post-Communist": an adjective made of a name, which stands alone.
		const hyphenated = /^[a-z]+-(.+)$/.exec(core);
		if (hyphenated) {
			flush();
			core = hyphenated[1]!;
		}
		const capitalized = /^[A-Z]/.test(core) && !/^_+$/.test(core);
		if (!capitalized) return flush();
		if (run.length === 0) runStartsSentence = sentenceStart && !hyphenated;
		run.push({ word: core, at: token.at });
		if (endsRun || hyphenated) flush();
	});
	flush();
}

/** Every date, figure and name of an article, deduplicated, in order of first appearance. */
export function extractItems(article: string): CoverageItem[] {
	const items: CoverageItem[] = [];
	const seen = new Set<string>();
	const add = (item: CoverageItem) => {
		const key = `${item.kind}:${item.text}`;
		if (seen.has(key)) return;
		seen.add(key);
		items.push(item);
	};
	const lowercaseWords = new Set(article.match(/\b[a-z]+\b/g) ?? []);
	for (const line of article.split('\n')) {
		let masked = line;
		for (const [kind, pattern] of PATTERNS) {
			for (const m of masked.matchAll(pattern)) {
				const start = m.index ?? 0;
				let text = m[0];
				let noun: string | undefined;
				if (kind === 'date' && !/\d/.test(text)) continue;
				if (kind === 'count') {
					const [count, ...rest] = text.split(/\s+/);
					const stop = rest.findIndex((w) => PHRASE_STOP.has(w.toLowerCase()));
					const phrase = stop === -1 ? rest : rest.slice(0, stop);
					if (phrase.length === 0) continue;
					noun = phrase.join(' ');
					text = `${count} ${noun}`;
				}
				add({ kind, text, ...(noun ? { noun } : {}), context: contextOf(line, start, start + text.length) });
				masked = masked.slice(0, start) + '_'.repeat(text.length) + masked.slice(start + text.length);
			}
		}
		if (!isHeading(line)) {
			extractNames(masked, lowercaseWords, (text, at) =>
				add({ kind: 'name', text, context: contextOf(line, at, at + text.length) })
			);
		}
	}
	return items;
}

/** What a card asks or shows: front and back, or the cloze text with its answers, and extra. */
export function cardTexts(note: DeckNote): string[] {
	if (note.kind !== 'cloze') return [note.front, note.back];
	return [renderCloze(note.text, 0, 'back'), ...(note.extra ? [note.extra] : [])];
}

/** What a student must recall: the back, both sides of a reversible note, or the cloze answers. */
export function answerTexts(note: DeckNote): string[] {
	if (note.kind === 'basic') return [note.back];
	if (note.kind === 'reversible') return [note.front, note.back];
	return parseCloze(note.text).deletions.map((d) => d.answer);
}

function escapeRegExp(s: string): string {
	return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function mentions(texts: string[], item: string, caseSensitive: boolean): boolean {
	const re = new RegExp(
		`(?<![\\p{L}\\p{N}])${escapeRegExp(item)}(?![\\p{L}\\p{N}])`,
		caseSensitive ? 'u' : 'iu'
	);
	return texts.some((t) => re.test(t.replace(/\s+/g, ' ')));
}

function covers(note: DeckNote, item: CoverageItem): boolean {
	switch (item.kind) {
		case 'name':
			return mentions(cardTexts(note), item.text, true);
		case 'date':
		case 'period':
		case 'year':
			return note.tags.includes('date') && mentions(answerTexts(note), item.text, false);
		case 'count': {
			const count = item.text.split(' ')[0]!;
			return (
				note.tags.includes('figure') &&
				mentions(answerTexts(note), count, false) &&
				mentions(cardTexts(note), item.noun ?? '', false)
			);
		}
		default:
			return note.tags.includes('figure') && mentions(answerTexts(note), item.text, false);
	}
}

export function computeCoverage(
	article: string,
	decks: readonly DeckFile[],
	allow: readonly AllowEntry[]
): { rows: CoverageRow[]; staleAllow: AllowEntry[] } {
	const notes = decks.flatMap((d) => d.notes);
	const rows = extractItems(article).map((item): CoverageRow => {
		const coveredBy = notes.filter((n) => covers(n, item)).map((n) => n.id);
		if (coveredBy.length > 0) return { ...item, status: 'covered', coveredBy };
		const allowed = allow.find((a) => a.item === item.text && a.reason.trim() !== '');
		return allowed
			? { ...item, status: 'allowed', coveredBy, reason: allowed.reason }
			: { ...item, status: 'uncovered', coveredBy };
	});
	const needed = new Set(rows.filter((r) => r.status === 'allowed').map((r) => r.text));
	return { rows, staleAllow: allow.filter((a) => !needed.has(a.item)) };
}

export interface ArticleSet {
	articleFile: string;
	article: string;
	decks: DeckFile[];
	allow: AllowEntry[];
}

/** The decks of `decksDir`, grouped by the article file they quote (`source.file`). */
export function loadArticleSets(root: string, decksDir = 'decks'): ArticleSet[] {
	const sets = new Map<string, ArticleSet>();
	for (const name of readdirSync(join(root, decksDir))
		.filter((f) => f.endsWith('.json'))
		.sort()) {
		const result = validateDeck(JSON.parse(readFileSync(join(root, decksDir, name), 'utf8')));
		if (!result.ok) throw new Error(`${decksDir}/${name} is invalid:\n${formatDeckErrors(result.errors)}`);
		const file = result.deck.source.file;
		if (file === undefined) continue;
		let set = sets.get(file);
		if (!set) {
			// Articles are read from the shared source folder beside the checkout (not copied into the
			// repository); their allowlists live in decks/sources/.
			const allowFile = join(
				root,
				decksDir,
				'sources',
				basename(file).replace(/\.[^./]+$/, '') + '.coverage.json'
			);
			const allow = existsSync(allowFile)
				? (JSON.parse(readFileSync(allowFile, 'utf8')).allow as AllowEntry[])
				: [];
			const article = readFileSync(join(root, '..', 'shared', 'source', basename(file)), 'utf8');
			set = { articleFile: file, article, decks: [], allow };
			sets.set(file, set);
		}
		set.decks.push(result.deck);
	}
	return [...sets.values()];
}

function main(): number {
	let failed = false;
	for (const set of loadArticleSets(process.cwd())) {
		const { rows, staleAllow } = computeCoverage(set.article, set.decks, set.allow);
		console.log(`\n${set.articleFile} (decks: ${set.decks.map((d) => d.id).join(', ')})\n`);
		const width = Math.max(...rows.map((r) => r.text.length));
		for (const r of rows) {
			const by =
				r.status === 'covered'
					? r.coveredBy.slice(0, 4).join(', ') + (r.coveredBy.length > 4 ? ` +${r.coveredBy.length - 4}` : '')
					: r.status === 'allowed'
						? `allowed: ${r.reason}`
						: `UNCOVERED (${r.context})`;
			console.log(`${r.kind.padEnd(10)} ${r.text.padEnd(width)}  ${by}`);
		}
		const count = (s: CoverageRow['status']) => rows.filter((r) => r.status === s).length;
		console.log(
			`\n${rows.length} items: ${count('covered')} covered, ${count('allowed')} allowed with a reason, ${count('uncovered')} uncovered`
		);
		for (const a of staleAllow)
			console.log(`STALE allowlist entry "${a.item}": it is covered or no longer found`);
		if (count('uncovered') > 0 || staleAllow.length > 0) failed = true;
	}
	return failed ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
	process.exitCode = main();
}
