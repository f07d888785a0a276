/**
 * "Create deck": the accepted candidates become a Kartka deck through the same path as any deck file
 * (validated by the deck format, planned, written in one transaction by the import repo).
 */
import type { KartkaDB } from '$lib/db/db';
import { authoredDeck, type AuthoredDeckInput } from '$lib/domain/authoring/authored-deck';
import { KartkaError } from '$lib/domain/errors';
import { ImportError } from '$lib/domain/import/import-model';
import { parseImportText } from '$lib/domain/import/parse-import';
import { commitImport } from '$lib/services/import/import.service';
import { planImport } from '$lib/services/import/import-plan';

export async function createAuthoredDeck(
	db: KartkaDB,
	input: AuthoredDeckInput
): Promise<{ deckId: string; notes: number }> {
	if (input.candidates.length === 0) {
		throw new KartkaError('authoring-nothing-selected', 'Select at least one card to create a deck.');
	}
	const deck = authoredDeck(input);
	try {
		const coll = parseImportText(JSON.stringify(deck), { fileName: `${deck.id}.json` });
		const plan = await planImport(db, coll, {
			nowMs: input.nowMs,
			source: { kind: 'text', name: deck.title },
			asNewDeck: true
		});
		const result = await commitImport(db, plan);
		const deckId = result.decks[0]?.deckId ?? deck.id;
		return { deckId, notes: deck.notes.length };
	} catch (e) {
		// The deck format names the note and field; say it in the words of the review screen.
		if (e instanceof ImportError && e.code === 'deck-schema') {
			throw new KartkaError(
				'authoring-invalid-card',
				e.message.replace(
					/^"[^"]*" is not a valid Kartka deck:\n/,
					'Some cards need fixing before the deck can be made:\n'
				)
			);
		}
		throw e;
	}
}
