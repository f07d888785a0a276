/**
 * The shipped decks as the home screen lists them on a first visit, computed at build time (the home page
 * is prerendered with them, issue 13): title, cards, and today's counts of a collection that has only
 * these decks, unstudied, with the default settings. The running app replaces them with the database's
 * figures once it has started. Server-only: the deck files are read into the build, never the client.
 */
import { mergeDeckContent } from '$lib/domain/deck-merge';
import { deckFileToRows, looksLikeDeckFile } from '$lib/domain/deck-rows';
import { DEFAULT_SCHEDULER_SETTINGS } from '$lib/domain/scheduler-settings';
import { endOfStudyDayAt } from '$lib/domain/study-day';
import { StudyQueue } from '$lib/domain/study-queue';
import type { DeckSummary } from './deck-summary.service';

const deckFiles = import.meta.glob<unknown>('/decks/*.json', { eager: true, import: 'default' });

export function shippedDeckSummaries(nowMs: number): DeckSummary[] {
	const settings = DEFAULT_SCHEDULER_SETTINGS;
	const byTitle = new Intl.Collator(undefined, { numeric: true }).compare;
	const summaries: DeckSummary[] = [];
	for (const [path, file] of Object.entries(deckFiles)) {
		if (!looksLikeDeckFile(file)) throw new Error(`${path} is not a Kartka deck file`);
		const { deck, notes } = deckFileToRows(file, '', nowMs, 'builtin');
		const cards = mergeDeckContent([], [], notes, { nowMs }).cardPuts;
		const fresh = [...cards].sort((a, b) => a.newPosition - b.newPosition);
		const counts = new StudyQueue({
			nowMs,
			endOfDayMs: endOfStudyDayAt(nowMs, settings.dayCutoffHour),
			settings,
			learning: [],
			review: [],
			fresh,
			newStudiedToday: 0,
			reviewsDoneToday: 0,
			notesStudiedToday: new Set()
		}).counts();
		summaries.push({ deck, counts, totalCards: cards.length });
	}
	return summaries.sort((a, b) => byTitle(a.deck.title, b.deck.title));
}

/**
 * The shipped decks as the prerendered home page carries them in its data (the inline script the app
 * hydrates from). Home lists a deck's title, group and counts; the long texts of its row (description,
 * licence, source: ~5 kB of the page's ~8 kB script for six decks) would only be parsed and compiled on the
 * way to the first paint (issue 13), so they are left empty. The app replaces these rows with the
 * database's, which have them, once it has started.
 */
export function listedDeckSummaries(nowMs: number): DeckSummary[] {
	return shippedDeckSummaries(nowMs).map(({ deck, counts, totalCards }) => ({
		deck: { ...deck, description: '', license: '', source: { title: '' } },
		counts,
		totalCards
	}));
}
