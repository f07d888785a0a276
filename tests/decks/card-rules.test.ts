// The card-writing rules of the article decks (docs/deck-notes.md): short answers, no look-alike
// prompts, claims in explanations backed by a quote or marked as commentary, a timeline of ordering
// cards only, and retired note ids never reused.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateDeck, type DeckFile, type DeckNote } from '../../src/lib/domain/deck-format';
import {
	ARTICLE_FILE,
	ARTICLE_PATH,
	deckFileNames,
	normalize,
	quoteExcerpts,
	readDeckJson
} from './article-decks';
import {
	answers,
	COMMENTARY_MARK,
	contentWords,
	deliberatePairs,
	dice,
	isClaim,
	MAX_ANSWER_WORDS,
	prompts,
	quotedPassages,
	retiredIds,
	sentences,
	SIMILARITY_THRESHOLD,
	splitExplanation,
	wordCount
} from './card-rules';

const article = normalize(readFileSync(ARTICLE_PATH, 'utf8'));
const articleDecks: DeckFile[] = deckFileNames().flatMap((name) => {
	const result = validateDeck(readDeckJson(name));
	return result.ok && result.deck.source.file === ARTICLE_FILE ? [result.deck] : [];
});
const notes: [string, string, DeckNote][] = articleDecks.flatMap((d) =>
	d.notes.map((n): [string, string, DeckNote] => [d.id, n.id, n])
);
const noteIds = new Set(notes.map(([, id]) => id));

describe('the measures behind the rules', () => {
	it('count the words of an answer, ignoring markup and lone punctuation', () => {
		expect(wordCount('Deep and Comprehensive <b>Free</b> Trade Area — (DCFTA).')).toBe(7);
	});

	it('score the look-alike prompts of the review above the threshold, template prompts below', () => {
		const score = (a: string, b: string) => dice(contentWords(a), contentWords(b));
		const lookAlike = score(
			"How did the Kremlin react to Ukraine's entry into Europe's free trade area?",
			"How did Putin respond to Ukraine's entry into Europe's free trade area?"
		);
		expect(lookAlike).toBeGreaterThanOrEqual(SIMILARITY_THRESHOLD);
		const template = score(
			'What does the figure 18.7% measure in the article?',
			'What does the figure 62% measure in the article?'
		);
		expect(template).toBeLessThan(SIMILARITY_THRESHOLD);
		expect(score('Why is Russia in recession?', 'Why is Russia in recession?')).toBe(1);
		expect(contentWords("In [...], Belarus's hub")).toEqual(['belarus', 'hub']);
	});

	it('split an explanation at the commentary mark and find claims and quotes', () => {
		const { text, commentary } = splitExplanation(
			'It did so "by accepting $15.7 billion". Commentary: so it could grow.'
		);
		expect(text).toBe('It did so "by accepting $15.7 billion".');
		expect(commentary).toBe('so it could grow.');
		expect(sentences('One "quoted." Two in 2016. three')).toEqual(['One "quoted."', 'Two in 2016. three']);
		expect(isClaim('Two in 2016.')).toBe(true);
		expect(isClaim('It was done because of sanctions.')).toBe(true);
		expect(isClaim('Its aim was ties with oligarchs.')).toBe(false);
		expect(quotedPassages('A “curly one” and "a straight one".')).toEqual(['curly one', 'a straight one']);
	});
});

describe('article decks: one fact per card', () => {
	it.each(notes)(
		`%s/%s answers in at most ${MAX_ANSWER_WORDS} words (a cloze: per blank)`,
		(_d, _id, note) => {
			const long = answers(note).filter((a) => wordCount(a) > MAX_ANSWER_WORDS);
			expect(long).toEqual([]);
		}
	);
});

describe('article decks: no look-alike prompts', () => {
	const pairs = deliberatePairs();
	const listed = (a: string, b: string) =>
		pairs.some((p) => (p.a === a && p.b === b) || (p.a === b && p.b === a));
	const cards = notes.flatMap(([, id, note]) =>
		prompts(note).map((p) => ({ id, card: `${id}#${p.ord}`, text: p.text, words: contentWords(p.text) }))
	);

	it(`have no two prompts of different notes with a word similarity of ${SIMILARITY_THRESHOLD} or more, unless listed as deliberate`, () => {
		const found: string[] = [];
		for (const [i, a] of cards.entries()) {
			for (const b of cards.slice(i + 1)) {
				if (a.id === b.id || listed(a.id, b.id)) continue;
				const score = dice(a.words, b.words);
				if (score >= SIMILARITY_THRESHOLD)
					found.push(`${score.toFixed(2)} ${a.card} "${a.text}" ~ ${b.card} "${b.text}"`);
			}
		}
		expect(found).toEqual([]);
	});

	it('list deliberate pairs of existing notes, each with a reason (docs/deck-notes.md)', () => {
		expect(pairs.length).toBeGreaterThan(0);
		for (const p of pairs) {
			expect(
				[p.a, p.b].filter((id) => !noteIds.has(id)),
				`pair ${p.a} / ${p.b}`
			).toEqual([]);
			expect(p.reason.length, `pair ${p.a} / ${p.b} needs a reason`).toBeGreaterThan(15);
		}
	});
});

describe('article decks: explanations', () => {
	const explained = notes.filter(([, , n]) => n.explanation !== undefined);

	it.each(explained)(
		'%s/%s backs each claim sentence with a quote from its source, or marks it as commentary',
		(_d, _id, note) => {
			const explanation = note.explanation ?? '';
			expect(explanation.split(COMMENTARY_MARK).length, 'one commentary mark at most').toBeLessThanOrEqual(2);
			const { text, commentary } = splitExplanation(explanation);
			if (explanation.includes(COMMENTARY_MARK)) expect(commentary, 'empty commentary').not.toBe('');
			const quote = normalize(note.source?.quote ?? '');
			const excerpts = quoteExcerpts(quote);
			const unbacked = sentences(text).filter(
				(s) =>
					isClaim(s) &&
					!quotedPassages(s).some((q) => wordCount(q) >= 3 && excerpts.some((e) => e.includes(normalize(q))))
			);
			expect(unbacked).toEqual([]);
			for (const q of quotedPassages(explanation)) {
				expect(article.includes(normalize(q)), `quoted but not in the article: "${q}"`).toBe(true);
			}
		}
	);
});

describe('article decks: the timeline', () => {
	it('asks only the order of events ("which came first?"), which no other card asks', () => {
		const timeline = notes.filter(([, , n]) => n.tags.includes('timeline'));
		expect(timeline.length).toBeGreaterThan(0);
		for (const [, id, note] of timeline) {
			expect(note.kind, id).toBe('basic');
			if (note.kind === 'basic') expect(note.front, id).toMatch(/^Which came first: .+, or .+\?$/);
		}
	});
});

describe('retired note ids (docs/deck-notes.md)', () => {
	const retired = retiredIds();
	const pinned = JSON.parse(
		readFileSync(join(import.meta.dirname, 'note-ids.snapshot.json'), 'utf8')
	) as string[];

	it('are never reused: a reused id would attach a retired fact’s history to a new one', () => {
		expect(retired.length).toBeGreaterThan(0);
		const current = notes.map(([deck, id]) => `${deck}/${id}`);
		expect(retired.filter((r) => current.includes(r.id) || pinned.includes(r.id))).toEqual([]);
		for (const r of retired) expect(r.reason.length, r.id).toBeGreaterThan(15);
	});
});
