import { readFileSync } from 'node:fs';
import { tagParagraph, chronoDates, infinitive } from '../src/lib/domain/authoring/nlp-tools';
import { paragraphs } from '../src/lib/domain/authoring/sentences';
const t = readFileSync('../shared/source/belarus-anti-kremlin-tilt.txt', 'utf8');
const ps = paragraphs(t);
let t0 = performance.now(); tagParagraph('Warm up. This is it.'); console.log('warm', performance.now()-t0);
t0 = performance.now(); const tagged = ps.map(p => tagParagraph(p.text)); console.log('tag', performance.now()-t0);
t0 = performance.now(); for (const p of ps) for (const s of p.text.split('. ')) chronoDates(s); console.log('chrono', performance.now()-t0);
t0 = performance.now(); for (let i=0;i<50;i++) infinitive('signed'); console.log('inf x50', performance.now()-t0);
