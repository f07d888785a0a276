/**
 * `<html data-ready>`: set once the app has hydrated and the first screen has loaded its data (or shown
 * its error). The home page is prerendered with the shipped decks, so its heading and buttons are on
 * screen before the app runs: browser tests wait for this attribute, which nothing but the running app
 * sets, instead of for something the prerendered HTML already shows.
 */
export function markPageReady(): void {
	if (typeof document !== 'undefined') document.documentElement.dataset.ready = 'true';
}
