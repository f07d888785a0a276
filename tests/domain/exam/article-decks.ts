// The shipped article decks (decks/*.json) as rows, the way the app installs them.
import { readdirSync, readFileSync } from 'node:fs';
import { cardOrdinals } from '$lib/domain/card-render';
import { validateDeck } from '$lib/domain/deck-format';
import { deckFileToRows } from '$lib/domain/deck-rows';
import { factsOf, type Fact } from '$lib/domain/exam/facts';
import { Queue, type CardRow, type DeckRow, type NoteRow } from '$lib/domain/model';
import { newCardSchedule } from '$lib/domain/schedule';

export interface ArticleDeck {
	deck: DeckRow;
	notes: NoteRow[];
	cards: CardRow[];
	facts: Fact[];
}

export function articleDecks(): ArticleDeck[] {
	const dir = new URL('../../../decks/', import.meta.url);
	return readdirSync(dir)
		.filter((f) => f.endsWith('.json'))
		.sort()
		.map((file) => {
			const result = validateDeck(JSON.parse(readFileSync(new URL(file, dir), 'utf8')));
			if (!result.ok) throw new Error(`${file} is not a valid deck`);
			const { deck, notes } = deckFileToRows(result.deck, 'test', 0, 'builtin');
			const cards = notes.flatMap((n) =>
				cardOrdinals(n.kind, n.fields).map((ord): CardRow => ({
					id: `${n.id}#${ord}`,
					noteId: n.id,
					deckId: n.deckId,
					ord,
					queue: Queue.New,
					newPosition: n.position * 1000 + ord,
					rev: 0,
					...newCardSchedule(0)
				}))
			);
			return { deck, notes, cards, facts: factsOf(cards, new Map(notes.map((n) => [n.id, n]))) };
		});
}
