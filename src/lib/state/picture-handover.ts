/**
 * The study screen's hand-over from the first card's picture (pwa/first-card-paint.js) to the app's own card,
 * in tasks of their own (issue 13: blocking time). The app's card is rendered behind the picture (the same
 * card, the app hidden); after that frame the picture is dropped (the app's style and layout, painted in the
 * picture's place), and a task later the screen is kept as the next start's picture (serialising it). Each
 * step is skipped when the screen has moved on meanwhile (`current()` false): the newer screen's own
 * hand-over does it then.
 */
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
