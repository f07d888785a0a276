import nlp from 'compromise';
import fs from 'fs';
const t = fs.readFileSync('../shared/source/belarus-anti-kremlin-tilt.txt','utf8');
for (const s of ["Belarus effectively agreed to become the Western hub of Xi Jinping's Silk Road project","Minsk hosted negotiations during the Ukraine conflict","Belarus has been forced to diversify its trade linkages","Turkish president Erdogan regards favorable relations with Minsk as the gateway","Russia is in recession"]) {
  const v = nlp(s).verbs().json()[0];
  console.log(s, '=>', JSON.stringify(v.verb), v.text, JSON.stringify(v.terms.map(x=>x.tags)));
}
let big = ''; while (big.split(/\s+/).length < 10000) big += t + '\n\n';
let t0 = performance.now(); const doc = nlp(big); const ss = doc.sentences(); const n = ss.length;
const props = doc.match('#ProperNoun+').out('array').length; const nums = doc.numbers().length;
console.log('10k', big.split(/\s+/).length, n, props, nums, performance.now()-t0);
t0 = performance.now(); const d2 = nlp(t); console.log('1 article', performance.now()-t0);
console.log(JSON.stringify(nlp("Only 18.7% of Belarusians would support armed resistance.").json()[0].terms.map(x=>[x.text,x.pre,x.post,x.tags.join('/'),x.offset])));
