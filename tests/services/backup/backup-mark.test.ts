// Issue 12: "Last backup" is recorded only after the file was handed to the browser. Making the file writes
// nothing (a failed download leaves the old date), the file itself carries its own date, and a fault at the
// mark leaves every table as it was.
import { afterEach, describe, expect, it } from 'vitest';
import type { KartkaDB } from '$lib/db/db';
import { isQuotaError } from '$lib/domain/errors';
import {
	backupHandedOver,
	createBackup,
	lastBackupMs,
	readBackupFor
} from '$lib/services/backup/backup.service';
import { dumpTables, freshDb, seedDeck } from '../../helpers/db';
import { withFault } from '../../helpers/faults';

const NOW = Date.UTC(2026, 10, 30, 12);
let db: KartkaDB;
afterEach(() => db?.close());

describe('last backup mark', () => {
	it('making the file changes no table; handing it over records the date', async () => {
		db = freshDb();
		await seedDeck(db, 'd', 3, 0);
		const before = await dumpTables(db);
		const file = await createBackup(db, NOW);
		expect(await dumpTables(db)).toEqual(before);
		expect(await lastBackupMs(db)).toBeNull();
		const contents = await readBackupFor(db, file.bytes);
		expect(contents.tables.settings).toContainEqual({ key: 'lastBackupMs', value: NOW });
		await backupHandedOver(db, file);
		expect(await lastBackupMs(db)).toBe(NOW);
	});

	it.each(['QuotaExceededError', 'AbortError'] as const)('%s at the mark: nothing changes', async (kind) => {
		db = freshDb();
		await seedDeck(db, 'd', 2, 0);
		const file = await createBackup(db, NOW);
		const { error, before, after } = await withFault(db, { kind }, () => backupHandedOver(db, file));
		expect(error).toBeDefined();
		expect(isQuotaError(error)).toBe(kind === 'QuotaExceededError');
		expect(after).toEqual(before);
	});
});
