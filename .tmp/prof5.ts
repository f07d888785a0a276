import { readFileSync } from 'node:fs';
import { extractCandidates } from '../src/lib/domain/authoring/extract';
const a = readFileSync('../shared/source/belarus-anti-kremlin-tilt.txt', 'utf8');
let t = a; while (t.split(/\s+/).length < 10000) t += '\n\n' + a;
extractCandidates(a);
const t0 = performance.now(); extractCandidates(t); console.log('10k', performance.now() - t0);
