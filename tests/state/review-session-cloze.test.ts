// The study screen's first card never waits for the cloze parser: a plain card is rendered as it is put on
// screen; a cloze card once its renderer (loaded with the first cloze card) is there (issue 13).
import { afterEach, describe, expect, it } from 'vitest';
import type { KartkaDB } from '$lib/db/db';
import { applyDeckContent } from '$lib/db/deck-content.repo';
import { saveGlobalSettings } from '$lib/db/settings.repo';
import { ReviewSession } from '$lib/state/review-session.svelte';
import { makeNote } from '../helpers/cards';
import { deckRow, freshDb } from '../helpers/db';

const NOW = Date.UTC(2026, 10, 28, 12);
let db: KartkaDB;

afterEach(() => db?.close());

async function studying(kind: 'basic' | 'cloze') {
	db = freshDb();
	const fields: Record<string, string> =
		kind === 'cloze'
			? { text: 'Minsk hosted the {{c1::2014–15}} talks.', extra: '' }
			: { front: 'Q', back: 'A' };
	await applyDeckContent(db, deckRow('d'), [makeNote('d', 'n0', 0, { kind, fields })], { nowMs: 0 });
	await saveGlobalSettings(db, { fuzz: false });
	const session = new ReviewSession(db, 'd', () => NOW);
	await session.start();
	return session;
}

describe('ReviewSession rendering', () => {
	it('renders a plain card as it shows it', async () => {
		const session = await studying('basic');
		expect(session.status).toBe('question');
		expect(session.rendered).toEqual({ questionHtml: 'Q', answerHtml: 'A', extraHtml: '' });
	});

	it('renders a cloze card once the cloze renderer has loaded, blank on the question side', async () => {
		const session = await studying('cloze');
		expect(session.card?.id).toBe('d/n0#1');
		await expect.poll(() => session.rendered).not.toBeNull();
		expect(session.rendered?.questionHtml).toBe(
			'Minsk hosted the <mark class="cloze" aria-label="blank">[…]</mark> talks.'
		);
		expect(session.rendered?.answerHtml).toBe('Minsk hosted the <mark class="cloze">2014–15</mark> talks.');
	});
});
