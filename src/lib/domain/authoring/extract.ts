/**
 * The extraction: an article's plain text → ranked candidate cards, each tied to its verbatim sentence.
 * Runs in the authoring worker; bounded by AUTHORING_LIMITS.
 */
import { KartkaError } from '../errors';
import { AUTHORING_LIMITS, type ExtractionResult, type ProgressFn, type Sentence } from './authoring-model';
import { tagParagraph } from './nlp-tools';
import { rankCandidates, type SentenceDrafts } from './rank';
import { sentenceCandidates } from './sentence-candidates';
import { countWords, isHeading, paragraphs } from './sentences';

export function checkArticleText(text: string): void {
	if (text.trim() === '')
		throw new KartkaError(
			'authoring-empty',
			'There is no text to make cards from: paste an article or open a file.'
		);
	if (text.length > AUTHORING_LIMITS.maxChars) {
		throw new KartkaError(
			'authoring-too-long',
			`The text has ${text.length.toLocaleString('en')} characters; the limit is ${AUTHORING_LIMITS.maxChars.toLocaleString('en')}. Split it into parts.`
		);
	}
}

export function extractCandidates(text: string, onProgress: ProgressFn = () => {}): ExtractionResult {
	checkArticleText(text);
	const sentences: Sentence[] = [];
	const drafts: SentenceDrafts[] = [];
	const paras = paragraphs(text);
	let reported = -1;
	paras.forEach((para, p) => {
		const percent = Math.floor((p / paras.length) * 100);
		if (percent >= reported + 5) {
			reported = percent;
			onProgress(p / paras.length, `Reading paragraph ${p + 1} of ${paras.length}`);
		}
		if (isHeading(para.text)) {
			const end = para.start + para.text.length;
			sentences.push({ index: sentences.length, text: para.text, start: para.start, end, heading: true });
			return;
		}
		for (const tagged of tagParagraph(para.text)) {
			const raw = para.text.slice(tagged.start, tagged.start + tagged.length);
			const lead = raw.length - raw.trimStart().length;
			const quote = raw.trim();
			if (!quote) continue;
			const start = para.start + tagged.start + lead;
			const index = sentences.length;
			sentences.push({ index, text: quote, start, end: start + quote.length, heading: false });
			if (quote.length > AUTHORING_LIMITS.maxSentenceChars) continue;
			const tokens = tagged.tokens.map((t) => ({ ...t, start: t.start - lead, end: t.end - lead }));
			const facts = sentenceCandidates(quote, tokens);
			drafts.push({ sentence: index, quote, drafts: facts.drafts, entities: facts.entities });
		}
	});
	onProgress(1, 'Ranking the cards');
	const body = sentences.filter((s) => !s.heading).map((s) => s.text);
	return { sentences, candidates: rankCandidates(drafts, body), words: countWords(text) };
}
