import { readFileSync } from 'node:fs';
import { extractCandidates } from '../src/lib/domain/authoring/extract';
const t = readFileSync(process.argv[2] ?? '../shared/source/belarus-anti-kremlin-tilt.txt', 'utf8');
const t0 = performance.now();
const r = extractCandidates(t);
console.error('ms', performance.now() - t0, 'cands', r.candidates.length, 'sentences', r.sentences.filter(s=>!s.heading).length);
for (const c of r.candidates) console.log(c.kind, c.score, c.sentence, '|', c.note.kind === 'cloze' ? c.note.text : c.note.front + ' => ' + c.note.back);
