// Version 4 from seeded version-3 data: suspended cards get the reason 'update' (only deck updates
// suspended cards before), other cards are untouched, and decks can be read by group.
import { describe, expect, it } from 'vitest';
import { KartkaDB } from '$lib/db/db';
// Opening an older version needs the ladder (the app loads it only for an older stored database).
import '$lib/db/schema/ladder';
import { Queue } from '$lib/domain/model';
import { CardState } from '$lib/domain/schedule';
import { suspensionReason } from '$lib/domain/cards/suspension';
import { makeCard, makeNote } from '../../helpers/cards';
import { deckRow } from '../../helpers/db';

describe('schema v4', () => {
	it('upgrades seeded v3 data', async () => {
		const name = `v4-${crypto.randomUUID()}`;
		const v3 = new KartkaDB(name, 3);
		await v3.decks.bulkAdd([deckRow('a'), deckRow('b')]);
		await v3.notes.bulkAdd([makeNote('a', 'gone', 0, { removed: true }), makeNote('a', 'live', 1)]);
		const suspended = makeCard({
			id: 'a/gone#0',
			deckId: 'a',
			queue: Queue.Suspended,
			state: CardState.Review,
			dueMs: 50,
			stability: 3,
			rev: 4
		});
		const live = makeCard({
			id: 'a/live#0',
			deckId: 'a',
			queue: Queue.Review,
			state: CardState.Review,
			dueMs: 60
		});
		const fresh = makeCard({ id: 'a/live#1', deckId: 'a', ord: 1 });
		await v3.cards.bulkAdd([suspended, live, fresh]);
		await v3.table('examPlans').add({ deckId: 'a', examDate: '2026-06-01' } as never);
		v3.close();

		const v4 = new KartkaDB(name, 4);
		await v4.open();
		expect(v4.verno).toBe(4);
		expect(await v4.cards.get('a/gone#0')).toEqual({ ...suspended, suspendedReason: 'update' });
		expect(suspensionReason((await v4.cards.get('a/gone#0'))!)).toBe('update');
		expect(await v4.cards.get('a/live#0')).toEqual(live);
		expect(await v4.cards.get('a/live#1')).toEqual(fresh);
		expect(await v4.notes.count()).toBe(2);
		expect(await v4.table('examPlans').get('a')).toMatchObject({ examDate: '2026-06-01' });

		await v4.decks.update('b', { group: "Belarus's anti-Kremlin tilt" });
		expect(
			(await v4.decks.where('group').equals("Belarus's anti-Kremlin tilt").toArray()).map((d) => d.id)
		).toEqual(['b']);
		expect(v4.decks.schema.indexes.map((i) => i.name)).toEqual(['group']);
		// The card indexes are those of version 1, unchanged.
		expect(v4.cards.schema.indexes.map((i) => i.name).sort()).toEqual(
			['noteId', 'deckId', '[deckId+queue+dueMs]', '[deckId+queue+newPosition]', '[queue+dueMs]'].sort()
		);
		v4.close();
	});
});
