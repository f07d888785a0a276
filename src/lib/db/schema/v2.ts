import type { SchemaStep } from '../db';

/**
 * Version 2: media files of imported decks (Anki images and sounds), stored as bytes so that cards
 * show them offline. One row per file name: names are what card HTML refers to (`<img src="x.jpg">`),
 * so they are unique across the collection (an import renames a clashing file, as Anki does).
 * `*deckIds`: the decks that brought the file in (export, backup, clean-up).
 */
export const step: SchemaStep = {
	stores: {
		media: 'name, *deckIds'
	}
};
