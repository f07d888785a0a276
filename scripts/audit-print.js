// What the parts of npm run audit share (scripts/audit.js, scripts/audit-worker.js): the browser, how a
// figure is printed beside its target, and whether any target was missed (the exit code).

// The browser and its flags are the browser tests' (scripts/chromium.js).
export { CHROMIUM_PATH as CHROME, CHROMIUM_ARGS as FLAGS, PHONE } from './chromium.js';

let missed = false;

/** @param {string} label @param {string} value @param {string} [note] */
export function print(label, value, note = '') {
	console.log(`  ${label.padEnd(52)} ${value.padStart(12)}${note ? `   ${note}` : ''}`);
}

export const median = (/** @type {number[]} */ xs) =>
	[...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

/** "met" or "MISSED" beside a target; a miss makes the audit exit 1. @param {boolean} ok @param {string} target */
export function verdict(ok, target) {
	if (!ok) missed = true;
	return `${ok ? 'met' : 'MISSED'} (target ${target})`;
}

/** A check without a printed target failed (e.g. a stale offline picture). */
export function markMissed() {
	missed = true;
}

export const anyMissed = () => missed;

/** The spread of a figure's runs, printed beside its median. @param {number[]} xs */
export function range(xs) {
	return `min ${Math.min(...xs).toFixed(0)}, max ${Math.max(...xs).toFixed(0)} ms`;
}

/** The offline cold start's floor (scripts/audit-floor.js), under the app's figures. @param {number[]} painted */
export function printFloor(painted) {
	print(
		'    … a bare page, the same cold start (the floor)',
		`${median(painted).toFixed(0)} ms`,
		`${range(painted)}: the browser's own cost here, for any page`
	);
}
