import nlp from 'compromise/two';
import fs from 'fs';
const a = fs.readFileSync('../shared/source/belarus-anti-kremlin-tilt.txt','utf8');
const paras = a.split('\n').filter(s=>s.trim());
nlp('warm up. ok.').json({offset:true});
const r = {json:0, docs:0, tagonly:0};
for (let k=0;k<3;k++) {
 let t0=performance.now(); for (const p of paras) nlp(p).json({offset:true}); r.json+=performance.now()-t0;
 t0=performance.now(); for (const p of paras) { const d=nlp(p); d.compute('offset'); for (const s of d.docs) for (const t of s) t.offset; } r.docs+=performance.now()-t0;
 t0=performance.now(); for (const p of paras) nlp(p); r.tagonly+=performance.now()-t0;
}
console.log(r);
