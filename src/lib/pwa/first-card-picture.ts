/**
 * Dropping the study screen's painted copy of its next card (first-card-paint.js) once the real screen is
 * ready, and keeping the card on screen as the next start's copy (first-card-snapshot.ts). Apart from the
 * snapshot code so that the first card loads only the drop (issue 13: home + study ≤ 90 kB): the copy is
 * saved from a module loaded once the screen shows a card, which the service worker installs with the study
 * screen (pwa/study-shell.server.ts).
 */

/** The element first-card-paint.js paints the copy into, and the class it sets on <html> meanwhile. */
export const SNAPSHOT_ID = 'first-card-snapshot';

/** The real screen is ready (card, summary or error): the painted copy goes, the app shows. */
export function dropFirstCardPicture(): void {
	if (typeof document === 'undefined') return;
	document.getElementById(SNAPSHOT_ID)?.remove();
	document.documentElement.classList.remove(SNAPSHOT_ID);
}

/**
 * The screen shows a card (`question`: kept as the deck's next start's copy) or the session ended (`done`:
 * nothing to paint next time). The copy is taken once its code has loaded, and only if the screen still shows
 * what it showed when asked (`stillShown`): a card revealed or answered meanwhile is saved by its own call.
 */
export function keepFirstCard(deckId: string, status: 'question' | 'done', stillShown: () => boolean): void {
	import('./first-card-snapshot')
		.then(({ saveFirstCard, forgetFirstCard }) => {
			if (!stillShown()) return;
			if (status === 'question') saveFirstCard(deckId);
			else forgetFirstCard(deckId);
		})
		// Not installed (offline, evicted): the next start waits for the app, as without a copy.
		.catch(() => undefined);
}
