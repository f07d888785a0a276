// Issue 12: the import preview replays review history only when "Import progress" is ticked: the count is
// shown either way, and the write with progress gives the same schedules as before.
import { afterEach, describe, expect, it } from 'vitest';
import type { KartkaDB } from '$lib/db/db';
import { planImport } from '$lib/services/import/import-plan';
import { freshDb } from '../../helpers/db';
import { collection, note, SOURCE } from '../../helpers/collections';

const NOW = Date.UTC(2026, 10, 30, 12);
let db: KartkaDB;
afterEach(() => db?.close());

const withHistory = () =>
	collection([note('a', 'A', '1'), note('b', 'B', '2')], {
		reviews: [
			{ noteKey: 'a', ord: 0, reviewedMs: NOW - 3 * 86_400_000, rating: 3, durationMs: 1000 },
			{ noteKey: 'a', ord: 0, reviewedMs: NOW - 86_400_000, rating: 3, durationMs: 1000 },
			{ noteKey: 'b', ord: 0, reviewedMs: NOW - 86_400_000, rating: 1, durationMs: 1000 }
		]
	});

describe('review replay on demand', () => {
	it('a preview without "Import progress" counts the history but replays nothing', async () => {
		db = freshDb();
		const preview = await planImport(db, withHistory(), { nowMs: NOW, source: SOURCE, withReplays: false });
		expect(preview.totals.reviews).toBe(3);
		expect(preview.replays).toEqual([]);
		const full = await planImport(db, withHistory(), { nowMs: NOW, source: SOURCE, withReplays: true });
		expect(full.totals.reviews).toBe(3);
		expect(full.replays).toHaveLength(2);
	});
});
