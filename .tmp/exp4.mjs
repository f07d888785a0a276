import nlp from 'compromise';
const p = "  Only 18.7% of Belarusians, i.e. U.S. voters, would resist. Dr. Smith said so! And then";
const j = nlp(p).json({offset:true});
for (const s of j) console.log(JSON.stringify(s.offset), JSON.stringify(p.slice(s.offset.start, s.offset.start+s.offset.length)), s.terms.map(t=>t.text+'|'+t.offset.start+'|'+t.offset.length).join(' '));
console.log(nlp('signed').verbs().toInfinitive().text(), nlp('regards').verbs().toInfinitive().text(), nlp('was').verbs().toInfinitive().text());
