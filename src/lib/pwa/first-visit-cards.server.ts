/**
 * A first visit's picture of the study screen's first card, made at build time (issue 13: LCP on a first
 * visit of `/study?deck=…`). On a first visit nothing is stored yet, so the first card of a shipped deck is
 * known when the app is built: the first new card in the deck's order, with the default settings (the same
 * queue the installer worker then reads, services/study-start.service.ts). study.html carries, per shipped
 * deck, the screen the app will show for it, rendered by the app's own component (StudyScreen.svelte) and
 * layout header, as inert JSON data (no script: nothing in it runs); first-card-paint.js paints it at the
 * parser's first pause when nothing of Kartka is in localStorage yet, and the app replaces it with its own
 * card as it does the last session's copy (first-card-snapshot.ts). Build-time only, never in the client.
 *
 * Only plain-text questions: a question with markup (a cloze's blanks, HTML) is shown by the app only once
 * DOMPurify has loaded (components/safe-html.svelte.ts), so a picture of it would not be what the app shows.
 */
import { render } from 'svelte/server';
import type { Component } from 'svelte';
import StudyScreen from '$lib/components/StudyScreen.svelte';
import { needsSanitizer } from '$lib/components/safe-html.svelte';
import { renderCard, type RenderedCard } from '$lib/domain/card-render';
import type { NoteRow } from '$lib/domain/model';
import type { QueueCounts } from '$lib/domain/study-queue';
import { freshDecks, SHIPPED_DECK_FILES } from '$lib/services/shipped-decks.server';

/** The id of study.html's JSON data block; first-card-paint.js reads the same (tests/pwa checks). */
export const FIRST_VISIT_DATA_ID = 'kartka-first-visit';

export interface ShippedFirstCard {
	deckId: string;
	deckTitle: string;
	counts: QueueCounts;
	note: NoteRow;
	rendered: RenderedCard;
}

/**
 * The first card the study screen shows for each shipped deck in a collection that has only the shipped
 * decks, unstudied, with the default settings; decks whose first question has markup, or with no card, are
 * left out.
 */
export function shippedFirstCards(deckFiles: Record<string, unknown>, nowMs: number): ShippedFirstCard[] {
	const firstCards: ShippedFirstCard[] = [];
	for (const { deck, notes, queue } of freshDecks(deckFiles, nowMs)) {
		const card = queue.next(nowMs);
		const note = card && notes.find((n) => n.id === card.noteId);
		if (!card || !note) continue;
		const rendered = renderCard(note.kind, note.fields, card.ord);
		if (needsSanitizer(rendered.questionHtml)) continue;
		firstCards.push({ deckId: deck.id, deckTitle: deck.title, counts: queue.counts(), note, rendered });
	}
	return firstCards;
}

/** Svelte's hydration markers: comments the picture does not need. */
const COMMENTS = /<!--[\s\S]*?-->/g;

/**
 * The study screen as the app renders it with `first` on the question side, in the shape of a saved copy
 * (first-card-snapshot.ts `snapshotOf`: the layout's header, then the study area in a `<div>`).
 */
export function firstVisitScreen(first: ShippedFirstCard, headerHtml: string): string {
	const session = {
		status: 'question' as const,
		message: null,
		rendered: first.rendered,
		note: first.note,
		labels: null,
		canUndo: false,
		deckTitle: first.deckTitle,
		counts: first.counts,
		reveal: () => undefined,
		answer: async () => undefined,
		undo: async () => undefined
	};
	const { body } = render(StudyScreen as Component<Record<string, unknown>>, {
		props: { session, editHref: () => '' }
	});
	return `${headerHtml}<div>${body.replace(COMMENTS, '')}</div>`;
}

/**
 * The data block study.html carries: `{ deckId: screen html }`. JSON inside a <script> of a non-script type
 * is never run (so the CSP needs no hash for it). The HTML parser ends such an element only at `</script` and
 * treats `<!--` in it specially: every `</` is written `<\/` and every `<!` `<\u0021` (the same JSON), so no
 * text in it can do either. Other `<` stay as they are (fewer bytes than escaping each).
 */
export function firstVisitDataBlock(screens: Record<string, string>): string {
	const json = JSON.stringify(screens).replace(/<\//g, '<\\/').replace(/<!/g, '<\\u0021');
	return `<script type="application/json" id="${FIRST_VISIT_DATA_ID}">${json}</script>`;
}

/** study.html's data block for the shipped decks (decks/*.json), under the given header (the layout's). */
export function shippedFirstVisitData(headerHtml: string, nowMs: number): string {
	const screens = Object.fromEntries(
		shippedFirstCards(SHIPPED_DECK_FILES, nowMs).map((first) => [
			first.deckId,
			firstVisitScreen(first, headerHtml)
		])
	);
	return firstVisitDataBlock(screens);
}
