/**
 * The study screen's hand-over from the first card's picture (pwa/first-card-paint.js) to the app's own card,
 * in tasks of their own (issue 13: blocking time). The app's card is rendered behind the picture (the same
 * card, the app hidden); after that frame the picture is dropped (the app's style and layout, painted in the
 * picture's place), and a task later the screen is kept as the next start's picture (serialising it). Each
 * step is skipped when the screen has moved on meanwhile (`current()` false): the newer screen's own
 * hand-over does it then.
 */
import { dropFirstCardPicture, forgetFirstCard, saveFirstCard } from '$lib/pwa/first-card-snapshot';
import { afterPaint } from './after-paint';

export async function handOverPicture(
	current: () => boolean,
	drop: () => void,
	keep: (() => void) | null
): Promise<void> {
	await afterPaint();
	if (!current()) return;
	drop();
	if (!keep) return;
	await new Promise((resolve) => setTimeout(resolve));
	if (current()) keep();
}

/**
 * The study page's hand-over for the screen it shows now (called by its effect on every status or card
 * change): the picture goes once the real screen is ready; a deck's card on screen is kept as the next
 * start's picture, a finished deck's is forgotten (src/lib/pwa/first-card-snapshot.ts). A group keeps none.
 */
export function handOverStudyScreen(
	session: { readonly status: string; readonly card: unknown },
	deckId: string,
	group: string | null
): void {
	const { status, card } = session;
	if (status === 'loading') return;
	const keep =
		group || (status !== 'question' && status !== 'done')
			? null
			: () => (status === 'question' ? saveFirstCard(deckId) : forgetFirstCard(deckId));
	void handOverPicture(() => session.status === status && session.card === card, dropAndFocus, keep);
}

function dropAndFocus(): void {
	const unfocused = !document.activeElement || document.activeElement === document.body;
	dropFirstCardPicture();
	// The card's next control (StudyCard's focus) could not take the focus while the app was hidden behind the
	// picture: it takes it now that the app shows.
	if (unfocused) document.querySelector<HTMLElement>('main.study .controls :is(.r3, .show)')?.focus();
}
