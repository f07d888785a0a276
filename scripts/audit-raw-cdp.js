// npm run audit, part 4's second figure (scripts/audit-worker.js): the offline cold start measured without
// Playwright. Playwright's persistent context starts Chromium with its own switches, opens DevTools sessions
// with many domains enabled on every new page and worker, and evaluates its utility scripts in each new
// document: main-thread work in the renderer a phone does not have. Here Chromium is started with the audit's
// flags only and driven over `--remote-debugging-pipe`: ONE session on the tab, no domain enabled, the CPU
// slowed 4x (`Emulation.setCPUThrottlingRate`), the phone's screen, and the same in-page probe as part 4
// (Element Timing of the card's question, put on by a MutationObserver as the card enters the page).
// Offline without DevTools' network emulation: every request goes to a proxy that does not exist (loopback
// included), so only the service worker's cache can answer (`navigator.onLine` stays true, unlike Playwright's).
import { spawn } from 'node:child_process';
import { CHROME, FLAGS, PHONE } from './audit-print.js';

const NO_NETWORK = ['--proxy-server=http://127.0.0.1:9', '--proxy-bypass-list=<-loopback>'];

/** The in-page probe (a string: it is evaluated in each new document). `ready`: the control's label. */
const probe = (/** @type {string} */ ready) => `(() => {
	const w = window;
	const questionOf = (el) => el.closest('main')?.querySelector('.question') ?? el.closest('main')?.querySelector('h1');
	const question = (el) => questionOf(el)?.textContent?.trim() ?? '';
	new PerformanceObserver((list) => {
		for (const entry of list.getEntries())
			if (entry.identifier === 'audit-first-card') w.__cardPaintMs ??= entry.renderTime || entry.startTime;
	}).observe({ type: 'element', buffered: true });
	new MutationObserver((_, observer) => {
		const found = [...document.querySelectorAll('button')].filter((b) => b.textContent?.trim().startsWith(${JSON.stringify(ready)}));
		const picture = found.find((b) => b.closest('#first-card-snapshot'));
		const own = found.find((b) => !b.closest('#first-card-snapshot'));
		if (found.length > 0 && w.__picture === undefined) {
			questionOf(found[0])?.setAttribute('elementtiming', 'audit-first-card');
			w.__picture = picture ? question(picture) : null;
		}
		if (own) {
			observer.disconnect();
			w.__card = question(own);
			requestAnimationFrame((frameMs) => (w.__readyMs = frameMs));
		}
	}).observe(document, { childList: true, subtree: true });
})()`;

/** Waits in the page (one evaluation, no polling from here) for the app's card and the element entry. */
const SEEN = `new Promise((resolve) => {
	const w = window;
	const start = performance.now();
	const check = () => {
		const waitedMs = performance.now() - start;
		if (waitedMs > 30000) resolve({ failed: document.body?.innerText.slice(0, 200) ?? 'no body' });
		else if (w.__readyMs !== undefined && (w.__cardPaintMs !== undefined || waitedMs > 5000)) resolve({ cardPaintMs: w.__cardPaintMs ?? null, readyMs: w.__readyMs, picture: w.__picture ?? null,
			card: w.__card ?? null, fcpMs: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null });
		else setTimeout(check, 100);
	};
	check();
})`;

/** Chromium over a pipe: fd 3 to the browser, fd 4 from it, NUL-separated JSON messages. */
function launchRaw(/** @type {string} */ profile) {
	const proc = spawn(
		CHROME,
		[
			...FLAGS,
			...NO_NETWORK,
			'--remote-debugging-pipe',
			`--user-data-dir=${profile}`,
			`--window-size=${PHONE.viewport.width},${PHONE.viewport.height}`,
			'about:blank'
		],
		{ stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] }
	);
	const toBrowser = /** @type {import('node:stream').Writable} */ (proc.stdio[3]);
	const fromBrowser = /** @type {import('node:stream').Readable} */ (proc.stdio[4]);
	let nextId = 1;
	/** @type {Map<number, { resolve: (v: any) => void, reject: (e: Error) => void }>} */
	const pending = new Map();
	let buffered = '';
	/** @type {Map<string, (params: any) => void>} */
	const listeners = new Map();
	fromBrowser.on('data', (/** @type {Buffer} */ chunk) => {
		buffered += chunk.toString('utf8');
		let end;
		while ((end = buffered.indexOf('\0')) >= 0) {
			const message = JSON.parse(buffered.slice(0, end));
			buffered = buffered.slice(end + 1);
			if (message.id === undefined) listeners.get(message.method)?.(message.params);
			const waiting = message.id === undefined ? undefined : pending.get(message.id);
			if (!waiting) continue;
			pending.delete(message.id);
			if (message.error) waiting.reject(new Error(`${message.error.message} (${message.error.code})`));
			else waiting.resolve(message.result);
		}
	});
	/** @param {string} method @param {object} [params] @param {string} [sessionId] @returns {Promise<any>} */
	const send = (method, params = {}, sessionId = undefined) =>
		new Promise((resolve, reject) => {
			const id = nextId++;
			pending.set(id, { resolve, reject });
			toBrowser.write(`${JSON.stringify({ id, method, params, sessionId })}\0`);
		});
	const exited = new Promise((resolve) => proc.once('exit', resolve));
	const close = async () => {
		await send('Browser.close').catch(() => undefined);
		await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
		if (proc.exitCode === null) proc.kill();
	};
	const on = (/** @type {string} */ method, /** @type {(params: any) => void} */ listener) =>
		listeners.set(method, listener);
	return { send, on, close };
}

/**
 * One offline cold start in the profile the first visit left: the tab's first navigation is the deep link.
 *
 * `traceCategories`: a Chrome trace of the whole start is recorded (scripts/trace-offline.js; not in the audit's
 * figures: tracing costs the renderer time too) and returned as `trace`.
 *
 * @param {string} profile @param {string} url @param {string} ready @param {string[]} [traceCategories]
 * @returns {Promise<{ cardPaintMs: number | null, readyMs: number, picture: string | null, card: string | null, fcpMs: number | null, trace?: object[] }>}
 */
export async function rawColdStart(profile, url, ready, traceCategories) {
	const browser = launchRaw(profile);
	/** @type {object[]} */
	const trace = [];
	/** @type {Promise<void> | undefined} */
	let traced;
	try {
		/** @type {{ targetInfos: { targetId: string, type: string }[] }} */
		let targets = { targetInfos: [] };
		for (let i = 0; i < 50 && !targets.targetInfos.some((t) => t.type === 'page'); i++) {
			targets = await browser.send('Target.getTargets');
			if (!targets.targetInfos.some((t) => t.type === 'page')) await new Promise((r) => setTimeout(r, 100));
		}
		const tab = targets.targetInfos.find((t) => t.type === 'page');
		if (!tab) throw new Error('raw CDP: no tab');
		const { sessionId } = await browser.send('Target.attachToTarget', {
			targetId: tab.targetId,
			flatten: true
		});
		const send = (/** @type {string} */ method, /** @type {object} */ params = {}) =>
			browser.send(method, params, sessionId);
		await send('Emulation.setCPUThrottlingRate', { rate: 4 });
		await send('Emulation.setDeviceMetricsOverride', {
			width: PHONE.viewport.width,
			height: PHONE.viewport.height,
			deviceScaleFactor: PHONE.deviceScaleFactor,
			mobile: PHONE.isMobile
		});
		await send('Emulation.setTouchEmulationEnabled', { enabled: PHONE.hasTouch });
		await send('Page.enable');
		await send('Page.addScriptToEvaluateOnNewDocument', { source: probe(ready) });
		if (traceCategories) {
			browser.on('Tracing.dataCollected', ({ value }) => trace.push(...value));
			traced = new Promise((resolve) => browser.on('Tracing.tracingComplete', () => resolve()));
			await browser.send('Tracing.start', {
				transferMode: 'ReportEvents',
				traceConfig: { includedCategories: traceCategories }
			});
		}
		await send('Page.navigate', { url });
		// Asked once the study page is surely committed (the figure is ~0.5 s); a page not there yet is asked again.
		for (let i = 0; i < 60; i++) {
			await new Promise((r) => setTimeout(r, 1000));
			const { result } = await send('Runtime.evaluate', {
				expression: `location.href === ${JSON.stringify(url)} ? ${SEEN} : null`,
				awaitPromise: true,
				returnByValue: true
			});
			if (!result.value) continue;
			if (result.value.failed !== undefined) throw new Error(`raw CDP: no card: ${result.value.failed}`);
			if (!traced) return result.value;
			await browser.send('Tracing.end');
			await traced;
			return { ...result.value, trace };
		}
		throw new Error('raw CDP: the app never showed its card');
	} finally {
		await browser.close();
	}
}
