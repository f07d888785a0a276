// Issue 12: restore validates settings, exam plans and test results like every other row: a backup with
// out-of-range values is refused with the table, row and field, and nothing changes.
import { afterEach, describe, expect, it } from 'vitest';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { KartkaDB } from '$lib/db/db';
import { putSetting } from '$lib/db/settings.repo';
import { dateOfStudyDay } from '$lib/domain/exam/exam-plan';
import { studyDayOf } from '$lib/domain/study-day';
import { createBackup, readBackupFor, restoreBackup } from '$lib/services/backup/backup.service';
import { setExamPlan } from '$lib/services/exam/exam-plan.service';
import { dumpTables, freshDb, seedDeck } from '../../helpers/db';

const NOW = new Date(2026, 10, 30, 12).getTime();
let db: KartkaDB;
afterEach(() => db?.close());

/** A real backup of a small collection with settings, an exam plan and a test result. */
async function backupBytes(): Promise<Uint8Array> {
	const source = freshDb();
	await seedDeck(source, 'd', 4, 0);
	await putSetting(source, 'scheduler', { dayCutoffHour: 5, desiredRetention: 0.9 });
	await setExamPlan(source, 'd', { examDate: dateOfStudyDay(studyDayOf(NOW, 4) + 20), tags: [] }, NOW);
	await source.table('testResults').add({
		deckId: 'd',
		takenMs: NOW,
		seed: 's',
		questionCount: 10,
		score: 0.8,
		durationMs: 60_000,
		timeLimitMs: null,
		filterLabel: 'All cards',
		byTag: [],
		missedCardIds: []
	});
	const file = await createBackup(source, NOW);
	source.close();
	return file.bytes;
}

/** Rewrites the rows of `table` in the backup zip. */
function tamper(
	bytes: Uint8Array,
	table: string,
	edit: (rows: Record<string, unknown>[]) => void
): Uint8Array {
	const files = unzipSync(bytes);
	const manifest = JSON.parse(strFromU8(files['kartka-backup.json']!)) as { files: Record<string, string[]> };
	const entry = manifest.files[table]![0]!;
	const rows = JSON.parse(strFromU8(files[entry]!)) as Record<string, unknown>[];
	edit(rows);
	files[entry] = strToU8(JSON.stringify(rows));
	return zipSync(files);
}

const sched = (rows: Record<string, unknown>[]) =>
	rows.find((r) => r.key === 'scheduler')!.value as Record<string, unknown>;

describe('restore validates every table', () => {
	it('accepts the untouched backup', async () => {
		db = freshDb();
		const contents = await readBackupFor(db, await backupBytes());
		await restoreBackup(db, contents);
		expect(await db.table('examPlans').count()).toBe(1);
	});

	it.each([
		[
			'settings',
			(r: Record<string, unknown>[]) => (sched(r).dayCutoffHour = 99),
			/settings.*value\.dayCutoffHour/
		],
		['settings', (r: Record<string, unknown>[]) => (sched(r).desiredRetention = 5), /desiredRetention/],
		['settings', (r: Record<string, unknown>[]) => (sched(r).learningSteps = ['-1m']), /learningSteps/],
		['examPlans', (r: Record<string, unknown>[]) => (r[0]!.targetRecall = 3), /examPlans.*targetRecall/],
		['examPlans', (r: Record<string, unknown>[]) => (r[0]!.examDate = 'soon'), /examPlans.*examDate/],
		['testResults', (r: Record<string, unknown>[]) => (r[0]!.score = 12), /testResults.*score/],
		[
			'decks',
			(r: Record<string, unknown>[]) => (r[0]!.settings = { reviewsPerDay: -5 }),
			/decks.*settings\.reviewsPerDay/
		]
	])('refuses %s with an out-of-range value, and changes nothing', async (table, edit, message) => {
		const bytes = tamper(await backupBytes(), table, edit);
		db = freshDb();
		await seedDeck(db, 'mine', 2, 0);
		const before = await dumpTables(db);
		await expect(readBackupFor(db, bytes)).rejects.toThrow(message);
		expect(await dumpTables(db)).toEqual(before);
	});
});
