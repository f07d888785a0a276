// Issue 12: start-up recovers. appReady retries after a failure (not "Loading…" for ever), and a shipped
// deck that cannot be written (QuotaExceededError) is skipped, leaves nothing half-written, does not stop
// the other decks, and is installed at the next start.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { KartkaDB } from '$lib/db/db';
import { installBuiltinDecks } from '$lib/services/builtin-decks.service';
import { onceUntilSuccess } from '$lib/state/app-ready';
import { dumpTables, freshDb } from '../helpers/db';
import { injectFault } from '../helpers/faults';

let db: KartkaDB;
afterEach(() => {
	db?.close();
	vi.restoreAllMocks();
});
const shipped = Object.values(__KARTKA_DECKS__);

describe('start-up', () => {
	it('retries after a failure instead of keeping the rejected promise', async () => {
		let calls = 0;
		const ready = onceUntilSuccess(async () => {
			calls++;
			if (calls === 1) throw new Error('database blocked');
		});
		await expect(ready()).rejects.toThrow('database blocked');
		await expect(ready()).resolves.toBeUndefined();
		await ready();
		expect(calls).toBe(2); // shared once it succeeded
	});

	it('shares one start while it runs', async () => {
		let calls = 0;
		const ready = onceUntilSuccess(async () => {
			calls++;
		});
		await Promise.all([ready(), ready(), ready()]);
		expect(calls).toBe(1);
	});

	it('a shipped deck that hits QuotaExceededError is skipped whole, logged, and installed next start', async () => {
		expect(shipped.length).toBeGreaterThan(1);
		db = freshDb();
		const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
		const before = await dumpTables(db);
		// The first deck's transaction fails at commit.
		const fault = injectFault({ kind: 'QuotaExceededError', table: 'decks' });
		let installed: string[];
		try {
			installed = await installBuiltinDecks(db, 1000);
		} finally {
			fault.restore();
		}
		expect(fault.fired).toBe(true);
		expect(warn).toHaveBeenCalledTimes(1);
		const failedId = shipped.map((d) => d.id).find((id) => !installed.includes(id))!;
		expect(installed).toHaveLength(shipped.length - 1);
		// Nothing of the failed deck was written (no deck row, no notes, no cards).
		const after = await dumpTables(db);
		expect(after.decks!.map((d) => (d as { id: string }).id)).not.toContain(failedId);
		expect((after.notes as { deckId: string }[]).filter((n) => n.deckId === failedId)).toEqual([]);
		expect((after.cards as { deckId: string }[]).filter((c) => c.deckId === failedId)).toEqual([]);
		expect(before.decks).toEqual([]);
		// Next start: installed.
		expect(await installBuiltinDecks(db, 2000)).toEqual([failedId]);
	});
});

describe('shipped decks at start-up move forward only', () => {
	it('an older build leaves a newer stored deck alone, and never takes over a user-imported deck', async () => {
		db = freshDb();
		vi.spyOn(console, 'info').mockImplementation(() => {});
		await installBuiltinDecks(db, 1000);
		const [first, second] = shipped;
		// The stored copy of the first deck is newer than this build's file; the second was imported by the user.
		await db.decks.update(first!.id, { version: '999.0.0', contentHash: 'newer-build' });
		await db.decks.update(second!.id, { origin: 'import', contentHash: 'user-file', title: 'My own deck' });
		const before = await dumpTables(db);
		expect(await installBuiltinDecks(db, 2000)).toEqual([]);
		expect(await dumpTables(db)).toEqual(before);
	});
});
