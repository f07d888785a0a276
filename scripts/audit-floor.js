// npm run audit, part 4's floor (scripts/audit.js): how fast can ANY page's offline cold start be here? The same
// cold start as the raw-CDP figure (scripts/audit-raw-cdp.js: browser restarted, network off, 4x CPU, deep link
// to /study) of a bare page: a copy of the build whose study.html is two elements, the card's question and its
// "Show answer" button, no style, no script, served by the same service worker from its cache. Whatever that
// page takes is the browser's own cost on this machine (starting the renderer, the worker's answer, committing
// the navigation, the first frame), which no change to Kartka's page can remove. Printed beside the app's figure
// (docs/performance.md, session 11), its runs taken between the app's own (scripts/audit-worker.js).
// Alone: node scripts/audit-floor.js [--dir build] [--runs 5]
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { printFloor } from './audit-print.js';
import { rawColdStart } from './audit-raw-cdp.js';
import { studyOnce } from './audit-worker.js';
import { serveBuild } from './serve.js';

/** A card and its button, as the audit's probe finds them (`main .question`, a button "Show answer"). */
const BARE_STUDY_PAGE = `<!doctype html>
<html lang="en">
	<head>
		<meta charset="utf-8" />
		<meta name="viewport" content="width=device-width, initial-scale=1" />
		<title>Study</title>
	</head>
	<body>
		<main><h1 class="question">Which city?</h1><button>Show answer</button></main>
	</body>
</html>
`;

/**
 * The bare page's offline cold starts, one per call of `coldStart` (ms to its card painted), so that the audit
 * can take them between its own runs, at the same load; `close` removes the copy. The build is never changed.
 * @param {{ buildDir: string, studyPath: string }} options
 */
export async function bareStudyPage({ buildDir, studyPath }) {
	const copy = mkdtempSync(join(tmpdir(), 'kartka-floor-build-'));
	const profile = mkdtempSync(join(tmpdir(), 'kartka-floor-'));
	cpSync(buildDir, copy, { recursive: true });
	writeFileSync(join(copy, 'study.html'), BARE_STUDY_PAGE);
	const server = await serveBuild({ dir: copy, quiet: true });
	const close = async () => {
		await server.close();
		rmSync(copy, { recursive: true, force: true });
		rmSync(profile, { recursive: true, force: true });
	};
	try {
		// The first visit: the real home installs the worker, whose cache then holds the bare study page.
		await studyOnce(profile, server.url, studyPath);
	} catch (error) {
		await close();
		throw error;
	}
	const coldStart = async () => {
		const seen = await rawColdStart(profile, new URL(studyPath, server.url).href, 'Show answer');
		return seen.cardPaintMs ?? seen.readyMs;
	};
	return { coldStart, close };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	const argv = process.argv.slice(2);
	const option = (/** @type {string} */ name, /** @type {string} */ fallback) =>
		argv.includes(`--${name}`) ? (argv[argv.indexOf(`--${name}`) + 1] ?? fallback) : fallback;
	const bare = await bareStudyPage({
		buildDir: resolve(option('dir', 'build')),
		studyPath: '/study?deck=belarus-tilt-actors'
	});
	/** @type {number[]} */
	const painted = [];
	try {
		for (let i = 0; i < Number(option('runs', '5')); i++) painted.push(await bare.coldStart());
	} finally {
		await bare.close();
	}
	console.log('Offline cold start of a bare page, 4x CPU, raw CDP');
	printFloor(painted);
}
