#!/usr/bin/env node
// Where the offline cold start's time goes (issue 13: offline first card ≤ 300 ms at 4× CPU): the audit's cold
// start (scripts/audit-worker.js: one first visit, then the browser started again offline), driven without
// Playwright (scripts/audit-raw-cdp.js) and traced. Prints, per run, the renderer main thread's tasks from
// navigation start to the card's paint with what each spent its time on, and the service worker's answer.
// Not a figure of the audit (tracing slows the renderer): for finding the cost, docs/performance.md session 10.
// Usage: flock /work/notes/bench.lock node scripts/trace-offline.js [--dir build] [--runs 3] [--out /tmp/x]
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { rawColdStart } from './audit-raw-cdp.js';
import { studyOnce } from './audit-worker.js';
import { serveBuild } from './serve.js';

const argv = process.argv.slice(2);
const option = (/** @type {string} */ name, /** @type {string} */ fallback) =>
	argv.includes(`--${name}`) ? (argv[argv.indexOf(`--${name}`) + 1] ?? fallback) : fallback;
const runs = Number(option('runs', '3'));
const out = option('out', '');
const CATEGORIES = [
	'devtools.timeline',
	'disabled-by-default-devtools.timeline',
	'loading',
	'navigation',
	'blink.user_timing',
	'ServiceWorker',
	'toplevel',
	'v8.execute',
	'__metadata'
];
/** Events inside a task worth naming (the rest is summed into the task). */
const NAMED = new Set([
	'ParseHTML',
	'EvaluateScript',
	'v8.compile',
	'FunctionCall',
	'UpdateLayoutTree',
	'Layout',
	'PrePaint',
	'Paint',
	'Layerize',
	'Commit',
	'RunMicrotasks',
	'TimerFire',
	'FireAnimationFrame',
	'HitTest',
	'ScheduleStyleRecalculation'
]);

const server = await serveBuild({ dir: resolve(option('dir', 'build')), quiet: true });
const profile = mkdtempSync(join(tmpdir(), 'kartka-trace-'));
const studyPath = '/study?deck=belarus-tilt-actors';
try {
	await studyOnce(profile, server.url, studyPath);
	for (let i = 0; i < runs; i++) {
		const seen = await rawColdStart(profile, new URL(studyPath, server.url).href, 'Show answer', CATEGORIES);
		const trace = /** @type {any[]} */ (seen.trace ?? []);
		if (out) writeFileSync(`${out}-${i}.json`, JSON.stringify({ traceEvents: trace }));
		console.log(
			`\nrun ${i + 1}: card painted ${seen.cardPaintMs?.toFixed(0)} ms, FCP ${seen.fcpMs?.toFixed(0)} ms, ` +
				`app's card ${seen.readyMs.toFixed(0)} ms (picture ${seen.picture === seen.card ? 'the same card' : 'NOT the card'})`
		);
		summarize(trace, seen.cardPaintMs ?? seen.readyMs);
	}
} finally {
	await server.close();
	rmSync(profile, { recursive: true, force: true });
}

/** @param {any[]} events @param {number} untilMs */
function summarize(events, untilMs) {
	const nav = events.find(
		(e) => e.name === 'navigationStart' && String(e.args?.data?.documentLoaderURL ?? '').includes('/study')
	);
	if (!nav) return console.log('  no navigationStart in the trace');
	const at = (/** @type {number} */ ts) => ((ts - nav.ts) / 1000).toFixed(0).padStart(5);
	const end = nav.ts + (untilMs + 30) * 1000;
	const main = events.filter((e) => e.pid === nav.pid && e.tid === nav.tid);
	for (const e of events.filter(
		(e) => e.cat?.includes('ServiceWorker') && e.ph !== 'E' && e.ts >= nav.ts - 50e3 && e.ts < end
	))
		console.log(`  ${at(e.ts)} ms  [sw] ${e.name}${e.dur ? ` ${(e.dur / 1000).toFixed(1)} ms` : ''}`);
	const tasks = main.filter(
		(e) => e.ph === 'X' && e.cat?.includes('toplevel') && e.ts >= nav.ts && e.ts < end && e.dur > 2000
	);
	for (const task of tasks) {
		/** @type {Map<string, number>} */
		const inside = new Map();
		for (const e of main)
			if (e.ph === 'X' && NAMED.has(e.name) && e.ts >= task.ts && e.ts + e.dur <= task.ts + task.dur) {
				const label =
					e.name === 'EvaluateScript' || e.name === 'ParseHTML'
						? `${e.name}@${e.args?.beginData?.startLine ?? e.args?.data?.lineNumber ?? ''}`
						: e.name;
				inside.set(label, (inside.get(label) ?? 0) + e.dur / 1000);
			}
		const parts = [...inside]
			.sort((a, b) => b[1] - a[1])
			.slice(0, 6)
			.map(([n, ms]) => `${n} ${ms.toFixed(1)}`);
		console.log(
			`  ${at(task.ts)} ms  task ${(task.dur / 1000).toFixed(1).padStart(6)} ms  ${parts.join(', ')}`
		);
	}
	for (const e of main.filter(
		(e) =>
			e.ph !== 'X' &&
			e.ts >= nav.ts &&
			e.ts < end &&
			/Paint|Candidate|responseEnd|commit|domLoading|FrameCommittedInBrowser/i.test(e.name)
	))
		console.log(`  ${at(e.ts)} ms  mark ${e.name}`);
}
