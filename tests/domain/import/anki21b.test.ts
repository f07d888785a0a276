import { describe, expect, it } from 'vitest';
import { parseImport } from '$lib/domain/import/parse-import';
import { ankiFixture, buildAnki21b, collectionOf, toModernSchema, zip, zstd } from './anki-builders';

/** The notes as the user sees them (key, kind, fields, tags, deck). */
const view = (c: Awaited<ReturnType<typeof parseImport>>) =>
	c.notes.map(({ key, kind, fields, tags, deckName }) => ({ key, kind, fields, tags, deckName }));

describe('modern Anki packages (collection.anki21b, zstd)', () => {
	it('reads a zstd-compressed legacy collection and prefers it over the dummy collection.anki2 beside it', async () => {
		const apkg = await buildAnki21b({
			collection: collectionOf(ankiFixture('update3.apkg')),
			dummyLegacy: collectionOf(ankiFixture('update1.apkg'))
		});
		const col = await parseImport(apkg, { fileName: 'deck.apkg' });
		expect(col.format).toBe('apkg-anki21b');
		expect(col.notes.map((n) => n.fields.front)).toEqual(['goodbye']); // update3's note, not the dummy's "hello"
	});

	it('reads the modern schema (notetypes/fields/templates/decks, protobuf configs) exactly like the legacy one', async () => {
		const legacy = await parseImport(ankiFixture('templates.apkg'), { fileName: 'templates.apkg' });
		const modern = await parseImport(
			await buildAnki21b({ collection: await toModernSchema(collectionOf(ankiFixture('templates.apkg'))) }),
			{ fileName: 'templates.apkg' }
		);
		expect(modern.format).toBe('apkg-anki21b');
		expect(modern.notes).toHaveLength(48);
		expect(view(modern)).toEqual(view(legacy));
		expect(modern.reviews).toEqual(legacy.reviews);
		expect(modern.title).toBe('1-TEMPLATES');
		// Deck names are stored with \x1f between levels in the modern tables.
		expect(modern.notes.filter((n) => n.deckName === '1-TEMPLATES::Anatomy')).toHaveLength(16);
	});

	it('maps stock note types to our kinds from the modern tables too', async () => {
		const modern = await parseImport(
			await buildAnki21b({ collection: await toModernSchema(collectionOf(ankiFixture('update2.apkg'))) }),
			{
				fileName: 'u.apkg'
			}
		);
		expect(modern.notes[0]).toMatchObject({ key: 'cU1%zNUzk1', kind: 'basic' });
	});

	it('decodes the zstd protobuf media map and the zstd-compressed media files', async () => {
		const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
		const apkg = await buildAnki21b({
			collection: await toModernSchema(collectionOf(ankiFixture('media.apkg'))),
			media: [
				{ name: 'foo.wav', bytes: new TextEncoder().encode('abc\n') },
				{ name: 'picture one.png', bytes: png },
				{ name: '../escape.png', bytes: png }
			]
		});
		const col = await parseImport(apkg, { fileName: 'media.apkg' });
		expect(col.notes[0]!.fields.front).toBe('[sound:foo.wav]');
		expect(col.media.map((m) => [m.name, m.mime, [...m.bytes]])).toEqual([
			['foo.wav', 'audio/wav', [...new TextEncoder().encode('abc\n')]],
			['picture one.png', 'image/png', [...png]]
		]);
		expect(col.warnings.map((w) => w.message)).toEqual([
			expect.stringContaining('"../escape.png" has an unusable name')
		]);
	});

	it('prefers collection.anki21 over collection.anki2, and names a .colpkg as such', async () => {
		const files = {
			'collection.anki2': collectionOf(ankiFixture('update1.apkg')),
			'collection.anki21': collectionOf(ankiFixture('update3.apkg')),
			media: new TextEncoder().encode('{}')
		};
		const apkg = await parseImport(zip(files), { fileName: 'x.apkg' });
		expect(apkg.format).toBe('apkg-anki21');
		expect(apkg.notes[0]!.fields.front).toBe('goodbye');
		const colpkg = await parseImport(zip(files), { fileName: 'backup.colpkg' });
		expect(colpkg.format).toBe('colpkg');
	});

	it('refuses a zstd frame that declares an enormous size before allocating it', async () => {
		// A frame header claiming 2^40 bytes of content (FCS flag 3: 8-byte size), then garbage.
		const frame = new Uint8Array([0x28, 0xb5, 0x2f, 0xfd, 0xc0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0]);
		const apkg = zip({ 'collection.anki21b': frame, media: await zstd(new Uint8Array()) }, 0);
		await expect(parseImport(apkg, { fileName: 'big.apkg' })).rejects.toMatchObject({ code: 'zip-bomb' });
	});
});
