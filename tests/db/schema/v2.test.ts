// Version 2 adds the media table: a version-1 database with study data upgrades with every row kept,
// and the new table works (keyed by file name, findable by deck).
import { describe, expect, it } from 'vitest';
import { KartkaDB } from '$lib/db/db';
// Opening an older version needs the ladder (the app loads it only for an older stored database).
import '$lib/db/schema/ladder';
import { mediaOfDeck } from '$lib/db/media.repo';
import { Queue } from '$lib/domain/model';
import { makeCard, makeNote } from '../../helpers/cards';
import { deckRow } from '../../helpers/db';

describe('schema version 2 (media)', () => {
	it('upgrades seeded version-1 data unchanged and adds an empty, working media table', async () => {
		const name = `v2-${crypto.randomUUID()}`;
		const v1 = new KartkaDB(name, 1);
		const card = makeCard({
			id: 'd/n#0',
			deckId: 'd',
			queue: Queue.Review,
			state: 2,
			dueMs: 99,
			stability: 3
		});
		await v1.decks.add(deckRow('d'));
		await v1.notes.add(makeNote('d', 'n', 0));
		await v1.cards.add(card);
		await v1.settings.put({ key: 'scheduler', value: { newCardsPerDay: 5 } });
		const seeded = {
			decks: await v1.decks.toArray(),
			notes: await v1.notes.toArray(),
			cards: await v1.cards.toArray()
		};
		expect(v1.tables.map((t) => t.name)).not.toContain('media');
		v1.close();

		const v2 = new KartkaDB(name, 2);
		await v2.open();
		expect(v2.verno).toBe(2);
		expect(await v2.decks.toArray()).toEqual(seeded.decks);
		expect(await v2.notes.toArray()).toEqual(seeded.notes);
		expect(await v2.cards.toArray()).toEqual(seeded.cards);
		expect((await v2.settings.get('scheduler'))?.value).toEqual({ newCardsPerDay: 5 });
		expect(await v2.media.count()).toBe(0);
		const bytes = new Uint8Array([1, 2, 3]);
		await v2.media.add({
			name: 'a.png',
			mime: 'image/png',
			bytes,
			size: 3,
			sha256: 'x',
			deckIds: ['d', 'e'],
			addedMs: 1
		});
		expect((await mediaOfDeck(v2, 'e')).map((m) => m.name)).toEqual(['a.png']);
		expect([...(await v2.media.get('a.png'))!.bytes]).toEqual([1, 2, 3]);
		v2.close();
	});
});
