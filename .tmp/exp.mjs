import nlp from 'compromise';
import * as chrono from 'chrono-node';
import fs from 'fs';
const t = fs.readFileSync('../shared/source/belarus-anti-kremlin-tilt.txt','utf8');
const paras = t.split(/\n+/).filter(Boolean);
let i=0;
for (const p of paras.slice(0,40)) {
  const doc = nlp(p);
  for (const s of doc.sentences().out('array')) {
    const d = nlp(s);
    console.log(++i, s.slice(0,100));
    console.log('  P:', d.people().out('array'), 'O:', d.organizations().out('array'), 'Pl:', d.places().out('array'));
    console.log('  N:', d.numbers().out('array'), d.money().out('array'), d.percentages().out('array'));
    console.log('  D:', chrono.en.parse(s, new Date(2020,0,1)).map(r=>r.text));
  }
}
