// Home is prerendered WITH content (issue 13): the shipped decks' titles and counts are in the HTML, so the
// first paint shows the deck list; the app hydrates it and then shows the database's own figures.
import { listedDeckSummaries } from '$lib/services/shipped-decks.server';

export const ssr = true;

export function load() {
	return { shipped: listedDeckSummaries(Date.now()) };
}
