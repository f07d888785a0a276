// Version 9 from seeded data of the version before it: the reviewLogs `reviewedMs` index is gone, every
// row is unchanged, and the reads by time that used it (statistics of all decks, Browse's rated:N) give
// the same logs, in time order, by walking [deckId+reviewedMs] deck by deck.
import { describe, expect, it } from 'vitest';
import { KartkaDB } from '$lib/db/db';
import { SCHEMA_LADDER } from '$lib/db/schema/ladder';
import { answersSince } from '$lib/db/browse.repo';
import { logsSinceAllDecks } from '$lib/db/logs-by-time.repo';
import { reviewLogsSince } from '$lib/db/stats.repo';
import { syncRevsTable } from '$lib/db/sync-tracking.repo';
import type { ReviewLogRow } from '$lib/domain/model';
import { makeCard } from '../../helpers/cards';

const versions = [...SCHEMA_LADDER.keys()];
const before = versions[versions.indexOf(9) - 1]!;

function log(deckId: string, cardNo: number, reviewedMs: number, kind: ReviewLogRow['kind'] = 'review') {
	const card = makeCard({ id: `${deckId}/n${cardNo}#0`, noteId: `${deckId}/n${cardNo}`, deckId });
	return {
		cardId: card.id,
		noteId: card.noteId,
		deckId,
		rating: 3,
		kind,
		reviewedMs,
		studyDay: Math.floor(reviewedMs / 86_400_000),
		durationMs: 5,
		before: card,
		after: card,
		afterRev: 0,
		uid: `dev-${deckId}-${cardNo}-${reviewedMs}`
	} as ReviewLogRow;
}

describe('schema v9', () => {
	it(`upgrades seeded v${before} data: rows unchanged, reviewedMs index dropped, reads by time unchanged`, async () => {
		const name = `v9-${crypto.randomUUID()}`;
		const old = new KartkaDB(name, before);
		// Three decks (ids chosen so that a number-like and a prefix id sort around each other).
		const logs = [
			log('b', 1, 500),
			log('a', 1, 100),
			log('a2', 2, 300),
			log('b', 2, 50),
			log('a', 3, 700, 'manual'),
			log('a2', 1, 300)
		];
		await old.reviewLogs.bulkAdd(logs);
		await syncRevsTable(old).put({ docId: 'log:dev-a-100', rev: '1-x', history: ['x'] });
		expect(old.reviewLogs.schema.indexes.map((i) => i.name)).toContain('reviewedMs');
		old.close();

		const v9 = new KartkaDB(name, 9);
		await v9.open();
		expect(v9.verno).toBe(9);
		const indexes = ['cardId', '[deckId+studyDay]', '[deckId+reviewedMs]', 'uid'].sort();
		expect(v9.reviewLogs.schema.indexes.map((i) => i.name).sort()).toEqual(indexes);
		const store = v9.backendDB().transaction('reviewLogs', 'readonly').objectStore('reviewLogs');
		expect([...store.indexNames].sort()).toEqual(indexes);
		const stored = await v9.reviewLogs.orderBy(':id').toArray();
		expect(stored).toEqual(logs.map((l, i) => ({ ...l, id: i + 1 })));
		expect(await syncRevsTable(v9).toArray()).toEqual([
			{ docId: 'log:dev-a-100', rev: '1-x', history: ['x'] }
		]);

		// In time order; equal times by local id, as the dropped index gave them.
		const since = (fromMs: number) =>
			logsSinceAllDecks(v9, fromMs).then((r) => r.map((l) => (l as { uid?: string }).uid));
		expect(await since(-Infinity)).toEqual(
			[...stored]
				.sort((a, b) => a.reviewedMs - b.reviewedMs || a.id! - b.id!)
				.map((l) => (l as { uid?: string }).uid)
		);
		expect(await since(300)).toEqual(['dev-a2-2-300', 'dev-a2-1-300', 'dev-b-1-500', 'dev-a-3-700']);
		expect(await since(701)).toEqual([]);
		expect((await reviewLogsSince(v9, 100)).map((l) => l.reviewedMs)).toEqual([100, 300, 300, 500, 700]);
		expect((await reviewLogsSince(v9, 0, 'b')).map((l) => l.reviewedMs)).toEqual([50, 500]);
		// rated:N leaves manual changes out.
		const answers = await answersSince(v9, 100);
		expect([...answers.keys()].sort()).toEqual(['a/n1#0', 'a2/n1#0', 'a2/n2#0', 'b/n1#0']);
		v9.close();

		const empty = new KartkaDB(`v9-empty-${crypto.randomUUID()}`, 9);
		expect(await logsSinceAllDecks(empty, 0)).toEqual([]);
		empty.close();
	});
});
