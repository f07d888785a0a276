// The test package builder yields packages the parsers read like Anki's own (so that e2e and benchmark
// files built with it mean something), with images stored and shown by name.
import { afterEach, describe, expect, it } from 'vitest';
import type { KartkaDB } from '$lib/db/db';
import { importBytes } from '$lib/services/import/import.service';
import { freshDb } from '../../helpers/db';
import { buildApkg, RED_PNG } from '../../helpers/apkg-builder';

let db: KartkaDB;
afterEach(() => db?.close());

describe('built Anki packages', () => {
	it('import with their notes, deck name and image', async () => {
		db = freshDb();
		const bytes = await buildApkg({
			deckName: 'Cells',
			notes: [
				{ guid: 'a1', front: '<img src="cell.png">', back: 'A cell', tags: 'bio' },
				{ guid: 'a2', front: 'Nucleus', back: 'Holds DNA' }
			],
			media: [{ name: 'cell.png', bytes: RED_PNG }]
		});
		const { plan } = await importBytes(db, bytes, { fileName: 'cells.apkg', nowMs: 1 });
		expect(plan.decks.map((d) => d.deck.title)).toEqual(['Cells']);
		expect(await db.notes.count()).toBe(2);
		expect((await db.media.get('cell.png'))?.mime).toBe('image/png');
		const first = (await db.notes.toArray()).find((n) => n.position === 0)!;
		expect(first.fields.front).toBe('<img src="cell.png">');
		expect(first.tags).toEqual(['bio']);
	});
});
