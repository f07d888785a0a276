// npm run audit, part 1's second blocking-time figure: Lighthouse's total blocking time is simulated from its
// own unthrottled trace, each main-thread task's WALL time × 4 (the CPU slowdown), minus 50 ms. On this 2-core
// machine the page's main thread shares the cores with Chromium's browser process (which also serves
// Lighthouse's DevTools session), the compositor, the service worker's install and the deck installer's worker,
// so a task often waits for a core: in one traced study visit the tasks after the first paint took 541 ms of
// wall time for 219 ms of CPU. A phone has its own cores for those threads. This counts the same tasks, from the
// same trace, by the main thread's own CPU time (`tdur`) × 4 − 50 ms: printed BESIDE Lighthouse's figure, not
// instead of it (docs/performance.md, session 10).
import { median, print } from './audit-print.js';

/** @param {number} ms */
const blocking = (ms) => Math.max(0, 4 * ms - 50);

/**
 * @param {any[]} traceEvents a Lighthouse run's trace (`artifacts.Trace.traceEvents`)
 * @returns {{ wallMs: number, cpuMs: number } | null} after the first contentful paint, to the trace's end
 */
export function blockingFromTrace(traceEvents) {
	const mains = traceEvents.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
	/** The page's renderer: the main thread that painted the first contentful paint. */
	const fcp = traceEvents.find(
		(e) => e.name === 'firstContentfulPaint' && mains.some((m) => m.pid === e.pid && m.tid === e.tid)
	);
	if (!fcp) return null;
	let wallMs = 0;
	let cpuMs = 0;
	for (const e of traceEvents) {
		if (e.ph !== 'X' || e.name !== 'RunTask' || e.pid !== fcp.pid || e.tid !== fcp.tid || e.ts < fcp.ts)
			continue;
		wallMs += blocking(e.dur / 1000);
		cpuMs += blocking((e.tdur ?? e.dur) / 1000);
	}
	return { wallMs, cpuMs };
}

/** Beside Lighthouse's TBT: the same trace's tasks by wall time and by CPU time (scripts/audit-cpu-tbt.js). */
export function printBlockingByCpu(/** @type {({ wallMs: number, cpuMs: number } | null)[]} */ traced) {
	const found = traced.filter((t) => t !== null);
	if (found.length === 0) return console.log('    … (no trace to count the tasks by CPU time)');
	const cpu = median(found.map((t) => t.cpuMs));
	print(
		'    … its trace, tasks after FCP by wall time × 4',
		`${median(found.map((t) => t.wallMs)).toFixed(0)} ms`
	);
	print(
		"    … the same tasks by the main thread's CPU time × 4",
		`${cpu.toFixed(0)} ms`,
		`${cpu <= 150 ? 'within' : 'over'} 150 ms (not the target's measure: see scripts/audit-cpu-tbt.js)`
	);
}
