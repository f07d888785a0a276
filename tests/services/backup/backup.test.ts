// Full backup → wipe → restore gives back every row of every table; a damaged or crafted backup is
// refused with a clear message and changes nothing.
import { afterEach, describe, expect, it } from 'vitest';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { KartkaDB } from '$lib/db/db';
import { answerCard } from '$lib/db/review.repo';
import { createScheduler } from '$lib/domain/fsrs-adapter';
import { Rating } from '$lib/domain/schedule';
import { DEFAULT_SCHEDULER_SETTINGS } from '$lib/domain/scheduler-settings';
import { planImport } from '$lib/services/import/import-plan';
import { commitImport } from '$lib/services/import/import.service';
import {
	BackupError,
	backupHandedOver,
	createBackup,
	lastBackupMs,
	readBackupFor,
	restoreBackup
} from '$lib/services/backup/backup.service';
import { dumpTables, freshDb, seedDeck } from '../../helpers/db';
import { collection, note, SOURCE } from '../../helpers/collections';

const NOW = Date.UTC(2026, 10, 28, 12);
let db: KartkaDB;
afterEach(() => db?.close());

async function richCollection(target: KartkaDB) {
	await seedDeck(target, 'shipped', 3, 2);
	const coll = collection(
		[note('a', '<img src="cell.png">', 'Cell'), note('b', 'B', '2', { tags: ['t'], explanation: 'why' })],
		{
			media: [{ name: 'cell.png', mime: 'image/png', bytes: new Uint8Array([137, 80, 78, 71, 13, 10]) }],
			reviews: [{ noteKey: 'a', ord: 0, reviewedMs: NOW - 86_400_000, rating: 3, durationMs: 3000 }]
		}
	);
	await commitImport(target, await planImport(target, coll, { nowMs: NOW, source: SOURCE }), {
		importProgress: true
	});
	const scheduler = createScheduler(DEFAULT_SCHEDULER_SETTINGS);
	for (const id of ['shipped/b0#0', 'shipped/r0#1']) {
		const shown = (await target.cards.get(id))!;
		await answerCard(target, {
			shown,
			rating: Rating.Hard,
			nowMs: NOW,
			durationMs: 2000,
			scheduler,
			dayCutoffHour: 4
		});
	}
	// An answer an exam plan's cap brought forward records the cap in its log: a backup keeps it.
	const last = (await target.reviewLogs.orderBy('id').last())!;
	await target.reviewLogs.update(last.id!, {
		cappedDueMs: last.after.dueMs,
		cappedDays: last.after.scheduledDays
	});
	await target.settings.put({ key: 'scheduler', value: { desiredRetention: 0.87 } });
	await target.decks.update('shipped', { settings: { newCardsPerDay: 7 } });
}

async function rezip(
	bytes: Uint8Array,
	edit: (files: Record<string, Uint8Array>) => void
): Promise<Uint8Array> {
	const files = unzipSync(bytes);
	edit(files);
	return zipSync(files);
}

describe('backup and restore', () => {
	it('export → wipe → restore yields identical rows in every table, media bytes included', async () => {
		db = freshDb();
		await richCollection(db);
		const backup = await createBackup(db, NOW + 60_000);
		await backupHandedOver(db, backup);
		const atBackup = await dumpTables(db);
		expect(atBackup.media).toHaveLength(1);
		expect(atBackup.reviewLogs!.length).toBe(3);
		expect(
			(atBackup.reviewLogs as { cappedDueMs?: number }[]).filter((l) => l.cappedDueMs !== undefined)
		).toHaveLength(1);
		expect(backup.fileName).toMatch(/^kartka-backup-\d{4}-\d\d-\d\d-\d{4}\.zip$/);
		expect(await lastBackupMs(db)).toBe(NOW + 60_000);

		await Promise.all(db.tables.map((t) => t.clear()));
		expect(Object.values(await dumpTables(db)).every((rows) => rows.length === 0)).toBe(true);

		const contents = await readBackupFor(db, backup.bytes);
		expect(contents.counts).toMatchObject({ decks: 2, notes: 7, media: 1, reviewLogs: 3 });
		await restoreBackup(db, contents);
		expect(await dumpTables(db)).toEqual(atBackup);
	});

	it('restores into a fresh database too (a new phone)', async () => {
		db = freshDb();
		await richCollection(db);
		const backup = await createBackup(db, NOW);
		await backupHandedOver(db, backup);
		const expected = await dumpTables(db);
		db.close();
		db = freshDb();
		await restoreBackup(db, await readBackupFor(db, backup.bytes));
		expect(await dumpTables(db)).toEqual(expected);
	});

	const damaged: [string, (b: Uint8Array) => Promise<Uint8Array>, RegExp][] = [
		['not a zip', async () => strToU8('hello'), /not a readable zip/],
		['a zip without a manifest', async () => zipSync({ 'a.txt': strToU8('x') }), /no kartka-backup\.json/],
		[
			'another format',
			(b) => rezip(b, (f) => (f['kartka-backup.json'] = strToU8('{"format":"other"}'))),
			/not a Kartka backup/
		],
		[
			'a newer app',
			(b) =>
				rezip(b, (f) => {
					const m = JSON.parse(strFromU8(f['kartka-backup.json']!));
					f['kartka-backup.json'] = strToU8(JSON.stringify({ ...m, schemaVersion: 99 }));
				}),
			/newer version of Kartka/
		],
		[
			'a missing table file',
			(b) => rezip(b, (f) => delete f['tables/cards/0.json']),
			/"tables\/cards\/0\.json" is missing/
		],
		['broken JSON', (b) => rezip(b, (f) => (f['tables/notes/0.json'] = strToU8('[{'))), /not valid JSON/],
		[
			'an impossible card state',
			(b) =>
				rezip(b, (f) => {
					const cards = JSON.parse(strFromU8(f['tables/cards/0.json']!));
					cards[1].state = 9;
					f['tables/cards/0.json'] = strToU8(JSON.stringify(cards));
				}),
			/table "cards", row 2, field "state"/
		],
		[
			'a javascript: link as deck source',
			(b) =>
				rezip(b, (f) => {
					const decks = JSON.parse(strFromU8(f['tables/decks/0.json']!));
					decks[0].source.url = 'javascript:alert(1)';
					f['tables/decks/0.json'] = strToU8(JSON.stringify(decks));
				}),
			/table "decks", row 1, field "source\.url"/
		],
		[
			'a dropped row',
			(b) =>
				rezip(b, (f) => {
					const logs = JSON.parse(strFromU8(f['tables/reviewLogs/0.json']!));
					f['tables/reviewLogs/0.json'] = strToU8(JSON.stringify(logs.slice(1)));
				}),
			/holds 2 of 3 rows/
		],
		[
			'a truncated media file',
			(b) => rezip(b, (f) => (f['media/0'] = new Uint8Array([1]))),
			/media file "cell\.png" is missing or truncated/
		]
	];

	it.each(damaged)('refuses %s with a clear message and changes nothing', async (_name, corrupt, message) => {
		db = freshDb();
		await richCollection(db);
		const good = await createBackup(db, NOW);
		await seedDeck(db, 'later', 1, 0);
		const before = await dumpTables(db);
		const bad = await corrupt(good.bytes);
		const attempt = readBackupFor(db, bad).then((c) => restoreBackup(db, c));
		await expect(attempt).rejects.toThrow(BackupError);
		await expect(readBackupFor(db, bad)).rejects.toThrow(message);
		expect(await dumpTables(db)).toEqual(before);
	});
});
