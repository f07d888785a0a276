import { tagParagraph } from '../src/lib/domain/authoring/nlp-tools';
import { whQuestion, clauseTokens } from '../src/lib/domain/authoring/questions';
const s = "In May 2015, Belarus effectively agreed to become the Western hub of Xi Jinping's Silk Road project by accepting $15.7 billion of Chinese investment.";
const t = tagParagraph(s)[0]!;
console.log(t.tokens.slice(0,8).map(t=>t.text+':'+[...t.tags].join('/')).join(' '));
const from = 13; const text = s.slice(from);
console.log(whQuestion('When', text, clauseTokens(t.tokens, from, s.length)));
