/**
 * Resolves once the browser has painted what the page shows now (issue 13: the study screen's first card is
 * painted before the scheduler, the summary and undo are fetched and evaluated, so none of it delays the
 * card's frame). rAF runs just before the next frame; the timer after it, once it is painted. A page whose
 * frames stall (hidden meanwhile) goes on after `maxWaitMs`.
 */
export function afterPaint(maxWaitMs = 100): Promise<void> {
	if (typeof requestAnimationFrame === 'undefined') return Promise.resolve();
	return new Promise<void>((resolve) => {
		const fallback = setTimeout(resolve, maxWaitMs);
		requestAnimationFrame(() =>
			setTimeout(() => {
				clearTimeout(fallback);
				resolve();
			}, 0)
		);
	});
}
