#!/usr/bin/env node
// An interleaved A/B(/C…) of the offline cold start → first card painted (issue 13, ≤ 300 ms at 4× CPU) over
// several builds: each build served on its own origin, one first visit each (as the audit's part 4), then the
// cold starts taken build after build, run after run, so the machine's load drifts equally on all
// (each round in another order). Measured
// without Playwright (scripts/audit-raw-cdp.js: Element Timing of the card's question). Prints medians and ranges.
// Usage: flock /work/notes/bench.lock node scripts/ab-offline.js [--runs 7] build-main build …
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { median, range } from './audit-print.js';
import { rawColdStart } from './audit-raw-cdp.js';
import { studyOnce } from './audit-worker.js';
import { serveBuild } from './serve.js';

const argv = process.argv.slice(2);
const runsAt = argv.indexOf('--runs');
const runs = runsAt >= 0 ? Number(argv[runsAt + 1]) : 7;
const dirs = argv.filter((a, i) => !a.startsWith('--') && !(runsAt >= 0 && i === runsAt + 1));
const studyPath = '/study?deck=belarus-tilt-actors';

const builds = [];
try {
	for (const dir of dirs) {
		const server = await serveBuild({ dir: resolve(dir), quiet: true });
		const profile = mkdtempSync(join(tmpdir(), 'kartka-ab-'));
		builds.push({
			dir,
			server,
			profile,
			card: /** @type {number[]} */ ([]),
			ready: /** @type {number[]} */ ([]),
			same: 0
		});
		await studyOnce(profile, server.url, studyPath);
	}
	// Each round starts with another build: the order within a round must not favour one.
	for (let i = 0; i < runs; i++)
		for (const b of [...builds.slice(i % builds.length), ...builds.slice(0, i % builds.length)]) {
			const seen = await rawColdStart(b.profile, new URL(studyPath, b.server.url).href, 'Show answer');
			b.card.push(seen.cardPaintMs ?? seen.readyMs);
			b.ready.push(seen.readyMs);
			if (seen.picture !== null && seen.picture === seen.card) b.same++;
		}
	for (const b of builds)
		console.log(
			`${b.dir.padEnd(24)} first card painted ${median(b.card).toFixed(0)} ms (${range(b.card)}), ` +
				`app's card ${median(b.ready).toFixed(0)} ms, picture = the app's card ${b.same}/${runs}; runs: ${b.card.map((x) => x.toFixed(0)).join(' ')}`
		);
} finally {
	for (const b of builds) {
		await b.server.close();
		rmSync(b.profile, { recursive: true, force: true });
	}
}
