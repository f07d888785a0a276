import two from 'compromise/two';
import three from 'compromise/three';
import fs from 'fs';
const a = fs.readFileSync('../shared/source/belarus-anti-kremlin-tilt.txt','utf8');
const paras = a.split('\n').filter(s=>s.trim());
two('warm up. ok.').json({offset:true}); three('warm up. ok.').json({offset:true});
const r = {two:0, three:0};
for (let k=0;k<4;k++) for (const [n,f] of [['two',two],['three',three]]) { const t0=performance.now(); for (const p of paras) f(p).json({offset:true}); r[n]+=performance.now()-t0; }
console.log(r);
const s = "Belarusian president Alexander Lukashenka's decision angered Vladimir Putin, the Kremlin and the EU in May 2015 by 20%.";
const tg = (f) => f(s).json({offset:true})[0].terms.map(t=>t.text+':'+t.tags.join('/')).join(' ');
console.log(tg(two) === tg(three), tg(two));
