/**
 * Date phrases: what chrono-node finds (full dates, months), plus what it ignores by design: bare years
 * ("in 2011", "the 2010 coup"), decades and their parts ("mid-1990s", "early 2011"), and periods stated
 * relative to the text ("over the past few months", "a few months later"), kept as the text's words.
 */
import { chronoDates } from './nlp-tools';
import { keepLongest, regexSpans, spanAt, type Span } from './span';

const MONTH =
	'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec';
const UNIT = '(?:days|weeks|months|years|decades|centuries)';
const COUNT = '(?:a few|few|several|two|three|four|five|six|seven|eight|nine|ten|\\d+)';
/** Years 1000–2099, alone or as decades; not part of a longer number, a code (Su-24) or an amount. */
const YEAR = `(?<![\\w$€£.,-])(?:(?:early|mid|late)[- ](?:the )?)?(?:1\\d{3}|20\\d{2})(?:s|'s)?(?![\\w%]|[.,]\\d)`;
const PERIODS = [
	new RegExp(`\\b(?:the )?(?:past|last|next|previous|following|coming) (?:${COUNT} )?${UNIT}\\b`, 'gi'),
	new RegExp(`\\b${COUNT} ${UNIT} (?:later|earlier|ago|before|after)\\b`, 'gi'),
	/\b(?:the )?(?:post|pre)-[A-Z][a-z]+ (?:period|era)\b/g,
	/\b(?:the )?(?:(?:early|mid|late)[- ])?(?:\d{1,2}(?:st|nd|rd|th)|(?:twenty-)?(?:first|second|third)|(?:four|fif|six|seven|eigh|nine|ten|eleven|twelf|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twentie)th) century\b/gi
];
/** Quantities after a year-like number make it an amount ("2000 tonnes"), not a year. */
const AMOUNT_AFTER =
	/^\s+(?:people|tonnes|tons|troops|soldiers|km|kilometres|kilometers|miles|units|dollars|euros)\b/i;

/** Single words chrono reads as dates that carry no date a student could learn. */
const VAGUE = /^(?:now|today|tonight|tomorrow|yesterday|then|recently|currently|this|last|next)$/i;

/** A month, a four-digit year or a relative period: "300 to 7" (from "4,300 to 7,900") is none. */
function meaningfulChrono(sentence: string, d: { start: number; end: number; text: string }): boolean {
	if (VAGUE.test(d.text.trim())) return false;
	if (/\d[,.]?$/.test(sentence.slice(0, d.start)) || /^[,.]?\d/.test(sentence.slice(d.end))) return false;
	return (
		/\b\d{4}\b/.test(d.text) ||
		new RegExp(`\\b(?:${MONTH})\\b`).test(d.text) ||
		/\b(?:ago|later|earlier|past|last)\b/i.test(d.text)
	);
}

export function dateSpans(sentence: string): Span[] {
	const spans: Span[] = [];
	for (const d of chronoDates(sentence)) {
		if (!meaningfulChrono(sentence, d)) continue;
		let start = d.start;
		// chrono drops "early"/"late" before a month or year: keep them, they are part of the fact.
		const before = /(?:early|mid|late)[- ]$/i.exec(sentence.slice(Math.max(0, start - 6), start));
		if (before) start -= before[0].length;
		const full = /\d/.test(d.text) && new RegExp(`\\b(?:${MONTH})\\b`).test(d.text);
		spans.push(spanAt(sentence, start, d.end, full ? 1 : 0.7));
	}
	for (const s of regexSpans(sentence, new RegExp(YEAR, 'g'), 0.8)) {
		if (AMOUNT_AFTER.test(sentence.slice(s.end))) continue;
		spans.push(s);
	}
	for (const re of PERIODS) spans.push(...regexSpans(sentence, re, 0.5));
	return keepLongest(trimSpans(sentence, spans));
}

/** "the past few months" → keep "the"; drop trailing punctuation chrono sometimes includes. */
function trimSpans(sentence: string, spans: Span[]): Span[] {
	return spans.map((s) => {
		let end = s.end;
		while (end > s.start && /[\s,.;:]/.test(sentence[end - 1] ?? '')) end--;
		return end === s.end ? s : spanAt(sentence, s.start, end, s.weight);
	});
}
