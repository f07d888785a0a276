import { infinitive, tagParagraph } from '../src/lib/domain/authoring/nlp-tools';
console.log(infinitive('agreed', 'PastTense'), infinitive('hosted', 'PastTense'));
console.log(tagParagraph("Belarus effectively agreed to become the hub.")[0]!.tokens.map(t=>t.text+':'+[...t.tags].join('/')).join(' '));
