/**
 * Figures: amounts of money, percentages, numbers with their unit, and counted things
 * ("six political prisoners": the card hides "six"). Years and dates are not figures (see date-spans).
 */
import type { Token } from './nlp-tools';
import { keepLongest, overlaps, regexSpans, spanAt, type Span } from './span';

const NUM = '\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?';
const SCALE = '(?:\\s?(?:thousand|million|billion|trillion|bn|mn|m|k)\\b)?';
const NOT_INSIDE = '(?<![\\w.,-])';
const MONEY = [
	new RegExp(`${NOT_INSIDE}(?:US\\$|\\$|€|£|¥)\\s?(?:${NUM})${SCALE}`, 'g'),
	new RegExp(
		`${NOT_INSIDE}(?:${NUM})(?:\\s(?:thousand|million|billion|trillion))?\\s(?:dollars|euros|pounds|roubles|rubles|yuan|yen)\\b`,
		'gi'
	)
];
const PERCENT = new RegExp(
	`${NOT_INSIDE}(?:${NUM})\\s?(?:%|percent\\b|per cent\\b|percentage points?\\b)`,
	'gi'
);
const UNITS =
	'km|kilometres|kilometers|miles|metres|meters|m2|km2|square kilometres|square miles|hectares|kg|kilograms|tonnes|tons|barrels|litres|liters|degrees|hours|minutes|seconds|days|weeks|months|years|MW|GW|kWh|bcm|cubic metres';
const MEASURE = new RegExp(
	`${NOT_INSIDE}(?:${NUM})(?:\\s(?:thousand|million|billion))?\\s(?:${UNITS})\\b`,
	'g'
);
const PLAIN = new RegExp(
	`${NOT_INSIDE}(?:${NUM})(?:\\s(?:thousand|million|billion|trillion))?(?![\\w%-])`,
	'g'
);
/** Word numbers worth a card; "one" and "a few" are too often not figures at all. */
const WORD_NUMBER =
	/^(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|hundreds|thousand|thousands|million|millions|billion|dozen|dozens|half)$/i;

/** Shares in words: "a third", "two fifths", "almost half". */
const FRACTION =
	/\b(?:(?:almost|nearly|about|roughly|over|more than|less than) )?(?:a|one|two|three|four) (?:third|quarter|fifth|tenth)s?\b|\b(?:almost|nearly|about|roughly|over|more than|less than|by) half\b/gi;

/** Figures in a sentence; `dates` are excluded (a year is a date, not a figure). */
export function figureSpans(sentence: string, tokens: Token[], dates: Span[]): Span[] {
	const spans: Span[] = [];
	for (const re of MONEY) spans.push(...regexSpans(sentence, re, 1));
	spans.push(...regexSpans(sentence, PERCENT, 1));
	spans.push(...regexSpans(sentence, MEASURE, 0.9));
	for (const f of regexSpans(sentence, FRACTION, 0.8)) {
		// "by half": the figure is "half"; "almost half" keeps its qualifier.
		spans.push(
			f.text.toLowerCase().startsWith('by ') ? { ...f, start: f.start + 3, text: f.text.slice(3) } : f
		);
	}
	for (const s of regexSpans(sentence, PLAIN, 0.6)) {
		// A bare number counts when a noun follows it ("42 jets") or it is written as an amount
		// ("4,300", "2.5"); not small numbers in lists of codes.
		const after = tokens.find((t) => t.start >= s.end);
		if (/[,.]\d/.test(s.text) || (after && (after.tags.has('Noun') || after.tags.has('Adjective'))))
			spans.push(s);
	}
	for (let i = 0; i < tokens.length; i++) {
		const t = tokens[i]!;
		if (!WORD_NUMBER.test(t.text) || !t.tags.has('Value')) continue;
		const next = tokens[i + 1];
		if (next && (next.tags.has('Noun') || next.tags.has('Adjective'))) {
			spans.push(spanAt(sentence, t.start, t.end, 0.7));
		}
	}
	return keepLongest(spans.filter((s) => !dates.some((d) => overlaps(d, s))));
}
