import { describe, expect, it } from 'vitest';
import { computeCoverage, extractItems, loadArticleSets } from '../../scripts/deck-coverage';
import { ARTICLE_FILE, ROOT } from './article-decks';

describe('coverage extractor', () => {
	const sample = [
		'A Headline About Things',
		'On January 1, 2016, President Petro Poroshenko met the Eurasian Economic Union (EEU) in June 2014. ' +
			'Growth was 0.3%, in 2016 (weak growth), after $15.7 billion of investment in the mid-1990s and early 2011. ' +
			'Over the past few months, six political prisoners in Kiev were freed; a few months later, the 2010 coup. ' +
			"Many regard Xi Jinping's Silk Road as anti-Assad. The Russian state media and 42 jets."
	].join('\n');
	const items = extractItems(sample).map((i) => `${i.kind}:${i.text}`);

	it('finds dates, periods, years, figures and counts with their noun', () => {
		expect(items).toEqual(
			expect.arrayContaining([
				'date:January 1, 2016',
				'date:June 2014',
				'year:2016',
				'year:2010',
				'percentage:0.3%',
				'money:$15.7 billion',
				'period:mid-1990s',
				'period:early 2011',
				'period:the past few months',
				'period:a few months later',
				'count:six political prisoners',
				'number:42'
			])
		);
	});

	it('finds names, dropping titles, sentence-initial words and possessives, and skips headings', () => {
		const names = items.filter((i) => i.startsWith('name:')).map((i) => i.slice(5));
		expect(names).toEqual([
			'Petro Poroshenko',
			'Eurasian Economic Union',
			'EEU',
			'Kiev',
			'Xi Jinping',
			'Silk Road',
			'Assad',
			'Russian'
		]);
	});
});

describe('coverage of the article by its decks', () => {
	const sets = loadArticleSets(ROOT);
	const set = sets.find((s) => s.articleFile === ARTICLE_FILE);

	it('has the article and its decks', () => {
		expect(set?.decks.length).toBe(6);
	});

	const { rows, staleAllow } = computeCoverage(set?.article ?? '', set?.decks ?? [], set?.allow ?? []);

	it('extracts the article’s facts', () => {
		const texts = rows.map((r) => r.text);
		for (const expected of [
			'1994',
			'May 2015',
			'20%',
			'18.7%',
			'$15.7 billion',
			'six political prisoners',
			'Yevgeny Satanovsky',
			'Belarus Segodnya',
			'mid-1990s'
		]) {
			expect(texts).toContain(expected);
		}
	});

	it('leaves nothing uncovered', () => {
		expect(
			rows.filter((r) => r.status === 'uncovered').map((r) => `${r.kind} "${r.text}": ${r.context}`)
		).toEqual([]);
	});

	it('keeps the allowlist small, reasoned and needed', () => {
		expect(set?.allow.every((a) => a.reason.trim().length > 20)).toBe(true);
		expect(rows.filter((r) => r.status === 'allowed').length).toBeLessThanOrEqual(5);
		expect(staleAllow).toEqual([]);
	});
});
