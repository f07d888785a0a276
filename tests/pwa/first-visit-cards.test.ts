// Issue 13 (LCP of a first visit of /study?deck=…): study.html carries each shipped deck's first card as the
// study screen shows it (src/lib/pwa/first-visit-cards.server.ts), painted by first-card-paint.js when
// nothing of Kartka is stored yet. The picture must be the card the app then shows, and the data inert.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
	FIRST_VISIT_DATA_ID,
	firstVisitDataBlock,
	firstVisitScreen,
	shippedFirstCards
} from '$lib/pwa/first-visit-cards.server';

const painter = readFileSync(new URL('../../src/lib/pwa/first-card-paint.js', import.meta.url), 'utf8');
const appReady = readFileSync(new URL('../../src/lib/state/app-ready.ts', import.meta.url), 'utf8');
const deckFiles = import.meta.glob<unknown>('/decks/*.json', { eager: true, import: 'default' });
const NOW_MS = Date.UTC(2026, 0, 15, 12);

interface DeckFileNote {
	id: string;
	kind: string;
	front?: string;
}
const deckFile = (id: string) =>
	Object.values(deckFiles).find((f) => (f as { id: string }).id === id) as {
		id: string;
		title: string;
		notes: DeckFileNote[];
	};

describe('shippedFirstCards', () => {
	const firsts = shippedFirstCards(deckFiles, NOW_MS);

	it("gives a plain-text deck's first new card in the deck's order, with today's counts", () => {
		const actors = firsts.find((f) => f.deckId === 'belarus-tilt-actors')!;
		const file = deckFile('belarus-tilt-actors');
		expect(actors.deckTitle).toBe(file.title);
		expect(actors.rendered.questionHtml).toBe(file.notes[0]!.front);
		expect(actors.note.id).toContain(file.notes[0]!.id);
		expect(actors.counts).toEqual({ new: Math.min(20, file.notes.length), learning: 0, review: 0 });
	});

	it('leaves out decks whose first question has markup (a cloze: shown once DOMPurify is there)', () => {
		const ids = firsts.map((f) => f.deckId);
		for (const [, file] of Object.entries(deckFiles)) {
			const deck = file as { id: string; notes: DeckFileNote[] };
			expect(ids.includes(deck.id)).toBe(deck.notes[0]!.kind !== 'cloze');
		}
		expect(ids.length).toBeGreaterThan(0);
	});
});

describe('firstVisitScreen', () => {
	const first = shippedFirstCards(deckFiles, NOW_MS)[0]!;
	const html = firstVisitScreen(first, '<header class="h">Kartka</header>');

	it("is the study screen's markup on the question side under the header, as a saved copy is", () => {
		expect(html.startsWith('<header class="h">Kartka</header><div><main class="study')).toBe(true);
		expect(html.endsWith('</main></div>')).toBe(true);
		expect(html).toContain(`<div class="question">${first.rendered.questionHtml}</div>`);
		expect(html).toContain('Show answer');
		expect(html).toContain(`${first.counts.new} new`);
		// The question side only, and no hydration comments.
		expect(html).not.toContain('class="answer');
		expect(html).not.toContain('<!--');
	});
});

describe('firstVisitDataBlock', () => {
	it('is JSON that is never run and that no text in it can close or turn into a comment', () => {
		const screens = { deck: '<p>a</p></script><script>alert(1)</script><!-- x -->' };
		const block = firstVisitDataBlock(screens);
		expect(block.startsWith(`<script type="application/json" id="${FIRST_VISIT_DATA_ID}">`)).toBe(true);
		const inner = block.slice(block.indexOf('>') + 1, -'</script>'.length);
		expect(inner).not.toMatch(/<\/|<!/);
		expect(JSON.parse(inner)).toEqual(screens);
	});
});

describe('first-card painter on a first visit', () => {
	it('reads the data block, and only while no key of Kartka is in localStorage', () => {
		expect(painter).toContain(`'${FIRST_VISIT_DATA_ID}'`);
		// The app marks its start with a key the painter recognises (state/app-ready.ts).
		expect(appReady).toMatch(/localStorage\.setItem\('kartka\.[a-z]+', '1'\)/);
		expect(painter).toMatch(/indexOf\('kartka\.'\) === 0\) return null/);
	});
});
