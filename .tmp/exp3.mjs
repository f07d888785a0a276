import fs from 'fs';
const t = fs.readFileSync('../shared/source/belarus-anti-kremlin-tilt.txt','utf8');
let big = ''; while (big.split(/\s+/).length < 10000) big += t + '\n\n';
for (const v of ['one','two','three']) {
  const nlp = (await import('compromise/'+v)).default;
  nlp('warm up text. Another one.');
  let t0 = performance.now(); const doc = nlp(big); const t1 = performance.now();
  const j = doc.json({offset:true, terms:{tags:true}}); const t2=performance.now();
  console.log(v, (t1-t0).toFixed(0), (t2-t1).toFixed(0), j.length);
}
const nlp = (await import('compromise/three')).default;
let t0=performance.now(); const d=nlp(big); let t1=performance.now(); d.numbers().length; let t2=performance.now(); d.people().length; let t3=performance.now();
console.log('tag',t1-t0,'numbers',t2-t1,'people',t3-t2);
const j=nlp("Igor Sechin, the head of Rosneft, said Lukashenka's lobby in Kiev met Erdogan.").json({offset:true})[0].terms.map(x=>x.text+':'+x.tags.join('/')+'@'+JSON.stringify(x.offset));console.log(j.join(' '));
