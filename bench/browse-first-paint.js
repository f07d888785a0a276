// Click "Browse" on a ready home page → the first rows painted, timed inside the page.
//
// The origin is the click event's own timestamp (when the browser created the input), as a person's tap
// would be counted (INP counts an interaction from its event's timestamp). Timing from the bench's
// `click()` call instead would add Playwright's work before it dispatches the input (finding the link,
// scrolling it into view, waiting two frames for it to be stable: ~50–80 ms on this machine, session 8),
// which no person's tap goes through; that older figure is returned beside it (`fromCallMs`).
// "Painted" is the frame that renders row 2, once its rendering work is done (a task after its
// requestAnimationFrame callback).

/**
 * @param {import('playwright-core').Page} page a page showing home, ready
 * @returns {Promise<{ fromInputMs: number, fromCallMs: number, headingMs: number, rowMs: number }>}
 */
export async function clickBrowseToFirstRows(page) {
	await page.evaluate(() => {
		const w = /** @type {any} */ (window);
		w.__firstRows = new Promise((resolve) => {
			/** @type {{ input?: number, heading?: number, row?: number }} */
			const marks = {};
			addEventListener('click', (e) => (marks.input ??= e.timeStamp), { capture: true, once: true });
			const observer = new MutationObserver(() => {
				const t = performance.now();
				if (!marks.heading && document.querySelector('h1')?.textContent === 'Browse') marks.heading = t;
				if (marks.row || !document.querySelector('[role="row"][aria-rowindex="2"]')) return;
				marks.row = t;
				observer.disconnect();
				requestAnimationFrame(() => setTimeout(() => resolve({ ...marks, painted: performance.now() })));
			});
			observer.observe(document.body, { childList: true, subtree: true });
		});
	});
	const called = await page.evaluate(() => performance.now());
	await page.getByRole('link', { name: 'Browse' }).click();
	const m = await page.evaluate(() => /** @type {any} */ (window).__firstRows);
	return {
		fromInputMs: Math.round(m.painted - m.input),
		fromCallMs: Math.round(m.painted - called),
		headingMs: Math.round((m.heading ?? m.row) - m.input),
		rowMs: Math.round(m.row - m.input)
	};
}

/** @param {number[]} values */
export const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
