// The Browse search language over a fixture collection: queries -> the ids they find, and bad queries ->
// the message naming what is wrong (never an exception).
import { describe, expect, it } from 'vitest';
import { parseSearch } from '$lib/domain/browse/search-query';
import { compileSearch } from '$lib/domain/browse/search-match';
import { ALL_IDS, context, fixtureCollection } from './search-fixture';

const A1 = 'actors/n1#0';
const A2 = 'actors/n2#0';
const C3 = 'causes/n3#0';
const C3r = 'causes/n3#1';
const C41 = 'causes/n4#1';
const C42 = 'causes/n4#2';
const C5 = 'causes/n5#0';
const F6 = 'french/n6#0';
const F7 = 'french/n7#0';
const M8 = 'misc/n8#0';
const M9 = 'misc/n9#0';
const BELARUS = [A1, A2, C3, C3r, C41, C42, C5];

const collection = fixtureCollection();

function run(query: string): string[] {
	const parsed = parseSearch(query);
	if (!parsed.ok) throw new Error(`${query}: ${parsed.message}`);
	const match = compileSearch(parsed.node, context);
	return collection.filter(match).map((c) => c.card.id);
}

const table: [string, string[]][] = [
	// free words: accent- and case-insensitive, over every field
	['', ALL_IDS],
	['*', ALL_IDS],
	['Lukashenka', [A1]],
	['Łukašenka', [A1]],
	['LUKASHENKA', [A1]],
	['satanovsky', [A2]],
	['yevgeny', [A2]], // the source quote is searched too
	['minsk', [A2, C3, C3r, C5]],
	['minsk tilt', [C3, C3r]],
	['ukraine war', [C3, C3r]],
	['president belarus', [A1]],
	['cafe', [C5]],
	['creme', [C5]],
	['sanctions', [C41, C42]],
	['pot*', [C41, C42]],
	['*ash', [A1, C41, C42]],
	['10:30', [M9]],
	['blue or rouge', [F6, F7]],
	['anti-kremlin', []],
	// "exact phrase": case-insensitive, accents kept, never across two fields
	['"war in ukraine"', [C3, C3r]],
	['"ukraine war"', []],
	['"sanctions hit"', [C41, C42]],
	['"hello world"', [M8]],
	['"say \\"hello"', [M8]], // an escaped quote inside a phrase
	['"crème"', [C5]],
	['"creme"', []],
	['"Łukašenka"', [A1]],
	['"lukashenka"', []],
	['"10:30"', [M9]],
	['"tilt? because"', []],
	// deck:
	['deck:misc', [M8, M9]],
	['deck:"Belarus\'s anti-Kremlin tilt"', BELARUS],
	['deck:belarus*', BELARUS],
	['deck:actors', [A1, A2]],
	['deck:*::colours', [F6, F7]],
	['deck:"MAIN ADMIN 1"', [F6, F7]],
	['"deck:main admin 1::learnfrenchwithalexa"', [F6, F7]],
	['deck:*', ALL_IDS],
	['-deck:belarus* -deck:misc', [F6, F7]],
	// tag:
	['tag:actor', [A1, A2]],
	['tag:c*', [C3, C3r, C41, C42, C5, F6, F7]],
	['tag:french', [F6]],
	['tag:basic', []],
	['tag:time OR tag:culture', [C5, M9]],
	['tag:time and tag:culture', []],
	// is:
	['is:due', [A1, C41, F7, M9]],
	['is:new', [C3, C3r, M8]],
	['is:NEW', [C3, C3r, M8]],
	['is:learn', [C41, F7]],
	['is:review', [A1, A2, C42, C5, F6, F7, M9]],
	['is:suspended', [C42, M8]],
	['is:buried', [C5]],
	['is:due -is:learn', [A1, M9]],
	['-(is:new or is:review)', [C41]],
	['-is:suspended deck:misc', [M9]],
	// rated:
	['rated:1', [A1, C41, F7]],
	['rated:3', [A1, A2, C41, F7]],
	['rated:30', [A1, A2, C41, F7, M9]],
	['rated:365', [A1, A2, C41, F6, F7, M9]],
	['rated:1:1', [C41, F7]],
	['rated:3:1', [A2, C41, F7]],
	['rated:30:4', [M9]],
	// prop:
	['prop:due<=0', [A1, C41, C42, C5, F7, M9]],
	['prop:due=0', [A1, C41, F7]],
	['prop:due>=1', [A2, F6]],
	['prop:due<-1', [C5]],
	['prop:ivl>=10', [A1, A2, F6]],
	['prop:ivl<5', [C41, C42, F7, M9]],
	['prop:r<0.8', [C42, C5, F7, M9]],
	['prop:r>=0.9', [A1, C41, F6]],
	['prop:lapses>=2', [A2, F7]],
	['prop:lapses!=0', [A2, F7]],
	['prop:s>50', [F6]],
	['prop:reps>=3', [A1, A2, C42, C5, F6, F7, M9]],
	// combinations: and binds tighter than or, as in Anki
	['tag:cause is:due', [C41]],
	['tag:cause or tag:actor', [A1, A2, C3, C3r, C41, C42]],
	['tag:actor or tag:colour is:due', [A1, A2, F7]],
	['(tag:actor or tag:colour) is:due', [A1, F7]],
	['deck:"Belarus\'s anti-Kremlin tilt" -tag:cause', [A1, A2, C5]],
	['minsk -tilt', [A2, C5]],
	['-minsk -(is:new) prop:r<0.8', [C42, F7, M9]]
];

describe('search: queries and the cards they find', () => {
	it('has a table of at least 40 queries', () => expect(table.length).toBeGreaterThanOrEqual(40));

	it.each(table)('%s', (query, expected) => {
		expect(run(query).sort()).toEqual([...expected].sort());
	});
});

const bad: [string, RegExp][] = [
	['"unclosed', /quote opened at character 1 is never closed/],
	['(tag:cause', /bracket opened at character 1 is never closed/],
	['tag:cause)', /"\)" at character 10 closes nothing/],
	['is:bogus', /"is:bogus" is not a card state; use one of: new, learn, review, due, suspended, buried/],
	['is:', /"is:" needs one of/],
	['deck:', /"deck:" needs a deck name/],
	['tag:', /"tag:" needs a tag/],
	['rated:x', /write rated:N/],
	['rated:0', /between 1 and 36500/],
	['rated:3:9', /rating must be 1 \(Again\)/],
	['prop:foo>1', /"prop:foo" is not a card property/],
	['prop:ivl', /"prop:ivl" has no comparison/],
	['prop:ivl>=', /has no number after ">="/],
	['prop:ivl>=abc', /"abc" in "prop:ivl>=abc" is not a number/],
	['prop:r<1.5', /retrievability is between 0 and 1/],
	['prop:ivl>=-2', /ivl is a whole number/],
	['prop:due<=1.5', /due is a whole number of days/],
	['foo:bar', /"foo:" is not a search prefix/],
	['or tag:cause', /"or" at character 1 needs a term before it/],
	['tag:cause or', /"or" at character 11 needs a term after it/],
	['-', /"-" at character 1 must be followed/],
	['()', /closes nothing or empty brackets/],
	['""', /quotes at character 1 are empty/],
	['and tag:x', /"and" at character 1 needs a term on both sides/],
	['a"b', /quote inside "a"/],
	['x'.repeat(1001), /too long \(at most 1000 characters\)/],
	['a '.repeat(130), /too many terms/],
	['('.repeat(20) + 'a' + ')'.repeat(20), /nests brackets too deeply/]
];

describe('search: bad queries get a message, never an exception', () => {
	it('has at least 15 bad queries', () => expect(bad.length).toBeGreaterThanOrEqual(15));

	it.each(bad)('%s', (query, message) => {
		const parsed = parseSearch(query);
		expect(parsed.ok).toBe(false);
		if (!parsed.ok) expect(parsed.message).toMatch(message);
	});

	it('never throws on arbitrary input', () => {
		const alphabet = [
			'a',
			' ',
			'"',
			'(',
			')',
			'-',
			':',
			'or',
			'deck',
			'is',
			'prop',
			'<',
			'=',
			'1',
			'*',
			'\\'
		];
		let seed = 7;
		for (let n = 0; n < 2000; n++) {
			let q = '';
			for (let k = 0; k < 12; k++) {
				seed = (seed * 1103515245 + 12345) % 2 ** 31;
				q += alphabet[seed % alphabet.length];
			}
			const parsed = parseSearch(q);
			if (parsed.ok) expect(() => collection.filter(compileSearch(parsed.node, context))).not.toThrow();
			else expect(parsed.message.length).toBeGreaterThan(10);
		}
	});
});

describe('rated: windows', () => {
	it('finds the longest rated:N window of a search (the answers Browse loads)', async () => {
		const { ratedWindowDays } = await import('$lib/domain/browse/search-match');
		const days = (q: string) => {
			const p = parseSearch(q);
			return p.ok ? ratedWindowDays(p.node) : NaN;
		};
		expect(days('minsk')).toBe(0);
		expect(days('rated:3 or (tag:x -rated:30:1)')).toBe(30);
	});
});
