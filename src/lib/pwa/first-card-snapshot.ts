/**
 * The study screen's next card, painted before the app has loaded (issue 13: offline cold start → first
 * card ≤ 300 ms on a slow phone). While a card is on screen, the study page saves a copy of what the screen
 * shows (header and study area, as HTML) in localStorage; the next cold start of `/study?deck=` for that deck
 * paints that copy from the prerendered page (first-card-paint.js, inlined into study.html only by
 * src/hooks.server.ts) while the app's code loads, then the app replaces it with the real card.
 *
 * The copy is only a picture: it is `inert` and `aria-hidden` (no click, key or screen reader reaches it),
 * and the page hides the app until the copy is dropped — which happens as soon as the real session has
 * built its queue and shows a card, a summary or an error. So a card is only ever answered from the real
 * state, and a stale copy (answered on another device, a changed deck) is replaced, never answered.
 */

/** localStorage key; first-card-paint.js reads the same key (tests/pwa/first-card-snapshot.test.ts checks). */
export const FIRST_CARD_KEY = 'kartka.firstCard';
/** The element first-card-paint.js paints the copy into, and the class it sets on <html> meanwhile. */
export const SNAPSHOT_ID = 'first-card-snapshot';
/** A card bigger than this is not copied (a long note with tables): the normal start-up shows it. */
export const MAX_SNAPSHOT_CHARS = 40_000;

export interface FirstCardSnapshot {
	deckId: string;
	/** The stylesheets of the page when saved: a build with other CSS (other class names) ignores the copy. */
	css: string[];
	html: string;
}

/**
 * The copy of the screen, or null when it must not be kept: media (blob: URLs die with the page), too
 * large, or no study area on screen.
 */
export function snapshotOf(doc: Document, deckId: string): FirstCardSnapshot | null {
	const header = doc.querySelector('body > div > header');
	const study = doc.querySelector('main.study');
	if (!header || !study || study.querySelector('img, audio, video, iframe, object')) return null;
	const html = `${header.outerHTML}<div>${study.outerHTML}</div>`;
	if (html.length > MAX_SNAPSHOT_CHARS) return null;
	const css = [...doc.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')].map(
		(link) => new URL(link.href, doc.baseURI).pathname
	);
	return { deckId, css, html };
}

/** Saves the screen as the deck's next card (the last session's queue head); storage errors are ignored. */
export function saveFirstCard(deckId: string): void {
	if (typeof document === 'undefined') return;
	const snapshot = snapshotOf(document, deckId);
	try {
		if (snapshot) localStorage.setItem(FIRST_CARD_KEY, JSON.stringify(snapshot));
		else forgetFirstCard(deckId);
	} catch {
		// Storage full or blocked: the next start simply waits for the app.
	}
}

/** The deck's session ended (nothing due): there is no next card to paint ahead of the app. */
export function forgetFirstCard(deckId: string): void {
	try {
		const saved = JSON.parse(localStorage.getItem(FIRST_CARD_KEY) ?? 'null') as FirstCardSnapshot | null;
		if (saved?.deckId === deckId) localStorage.removeItem(FIRST_CARD_KEY);
	} catch {
		localStorage.removeItem(FIRST_CARD_KEY);
	}
}

/** The real screen is ready (card, summary or error): the painted copy goes, the app shows. */
export function dropFirstCardPicture(): void {
	if (typeof document === 'undefined') return;
	document.getElementById(SNAPSHOT_ID)?.remove();
	document.documentElement.classList.remove(SNAPSHOT_ID);
}
