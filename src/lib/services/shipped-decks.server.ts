/**
 * The shipped decks as the home screen lists them on a first visit, computed at build time (the home page
 * is prerendered with them, issue 13): title, cards, and today's counts of a collection that has only
 * these decks, unstudied, with the default settings. The running app replaces them with the database's
 * figures once it has started. Server-only: the deck files are read into the build, never the client.
 */
import { mergeDeckContent } from '$lib/domain/deck-merge';
import { deckFileToRows, looksLikeDeckFile } from '$lib/domain/deck-rows';
import type { CardRow, DeckRow, NoteRow } from '$lib/domain/model';
import { DEFAULT_SCHEDULER_SETTINGS } from '$lib/domain/scheduler-settings';
import { endOfStudyDayAt } from '$lib/domain/study-day';
import { StudyQueue } from '$lib/domain/study-queue';
import type { DeckSummary } from './deck-summary.service';

/** decks/*.json, read into the build. */
export const SHIPPED_DECK_FILES = import.meta.glob<unknown>('/decks/*.json', {
	eager: true,
	import: 'default'
});

export interface FreshDeck {
	deck: DeckRow;
	notes: NoteRow[];
	cards: CardRow[];
	/** Today's queue of the deck in a collection that has only these decks, unstudied, default settings. */
	queue: StudyQueue;
}

/**
 * Each deck file as a first visit finds it: its rows as the installer writes them and today's queue (new
 * cards by their position in the deck, as loadQueueInput reads them). Home's counts and the study page's
 * first-visit picture (pwa/first-visit-cards.server.ts) both come from it.
 */
export function freshDecks(files: Record<string, unknown>, nowMs: number): FreshDeck[] {
	const settings = DEFAULT_SCHEDULER_SETTINGS;
	return Object.entries(files).map(([path, file]) => {
		if (!looksLikeDeckFile(file)) throw new Error(`${path} is not a Kartka deck file`);
		const { deck, notes } = deckFileToRows(file, '', nowMs, 'builtin');
		const cards = mergeDeckContent([], [], notes, { nowMs }).cardPuts;
		const fresh = [...cards].sort((a, b) => a.newPosition - b.newPosition);
		const queue = new StudyQueue({
			nowMs,
			endOfDayMs: endOfStudyDayAt(nowMs, settings.dayCutoffHour),
			settings,
			learning: [],
			review: [],
			fresh,
			newStudiedToday: 0,
			reviewsDoneToday: 0,
			notesStudiedToday: new Set()
		});
		return { deck, notes, cards, queue };
	});
}

export function shippedDeckSummaries(nowMs: number): DeckSummary[] {
	const byTitle = new Intl.Collator(undefined, { numeric: true }).compare;
	return freshDecks(SHIPPED_DECK_FILES, nowMs)
		.map(({ deck, cards, queue }) => ({ deck, counts: queue.counts(), totalCards: cards.length }))
		.sort((a, b) => byTitle(a.deck.title, b.deck.title));
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
