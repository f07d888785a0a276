import { tagParagraph } from '../src/lib/domain/authoring/nlp-tools';
import { sentenceCandidates } from '../src/lib/domain/authoring/sentence-candidates';
import { dateSpans } from '../src/lib/domain/authoring/date-spans';
const s = "In May 2015, Belarus effectively agreed to become the Western hub of Xi Jinping's Silk Road project by accepting $15.7 billion of Chinese investment in infrastructure and the potash industry.";
const t = tagParagraph(s)[0]!;
console.log(dateSpans(s));
console.log(JSON.stringify(sentenceCandidates(s, t.tokens).drafts, null, 1).slice(0, 1500));
