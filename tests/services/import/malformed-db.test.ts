// Every input of the malformed corpus (tests/fixtures/import/malformed, built by the parsers' side) goes
// through the import service with its most destructive options (delete missing notes, import progress)
// into a collection with decks, progress, media and settings: each is refused with its code and leaves
// every table exactly as it was.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KartkaDB } from '$lib/db/db';
import { answerCard } from '$lib/db/review.repo';
import { createScheduler } from '$lib/domain/fsrs-adapter';
import { ImportError } from '$lib/domain/import/import-model';
import { Rating } from '$lib/domain/schedule';
import { DEFAULT_SCHEDULER_SETTINGS } from '$lib/domain/scheduler-settings';
import { importBytes } from '$lib/services/import/import.service';
import { ImportSession } from '$lib/state/import-session.svelte';
import { dumpTables, freshDb, seedDeck } from '../../helpers/db';
import { buildApkg, RED_PNG } from '../../helpers/apkg-builder';

const DIR = 'tests/fixtures/import/malformed';
const manifest = JSON.parse(readFileSync(`${DIR}/manifest.json`, 'utf8')) as { file: string; code: string }[];
const NOW = Date.UTC(2026, 10, 28, 12);

let db: KartkaDB;
let before: Record<string, unknown[]>;

beforeAll(async () => {
	db = freshDb();
	await seedDeck(db, 'shipped', 4, 2);
	// An imported deck named like most corpus files' decks ("Default"), with an image and a studied card.
	const apkg = await buildApkg({
		notes: [
			{ guid: 'keep1', front: '<img src="cell.png">', back: 'cell' },
			{ guid: 'keep2', front: 'two', back: 'zwei' }
		],
		media: [{ name: 'cell.png', bytes: RED_PNG }]
	});
	await importBytes(db, apkg, { fileName: 'default.apkg', nowMs: NOW });
	const scheduler = createScheduler(DEFAULT_SCHEDULER_SETTINGS);
	for (const id of ['shipped/b0#0', 'shipped/r1#1']) {
		await answerCard(db, {
			shown: (await db.cards.get(id))!,
			rating: Rating.Good,
			nowMs: NOW,
			durationMs: 900,
			scheduler,
			dayCutoffHour: 4
		});
	}
	await db.settings.put({ key: 'scheduler', value: { newCardsPerDay: 15 } });
	before = await dumpTables(db);
	expect(before.media).toHaveLength(1);
});
afterAll(() => db?.close());

describe('malformed inputs through the import service', () => {
	it('the corpus has at least 30 inputs', () => {
		expect(manifest.length).toBeGreaterThanOrEqual(30);
	});

	it.each(manifest.map((m) => [m.file, m.code] as const))(
		'%s is refused (%s) and every table is unchanged',
		async (file, code) => {
			const bytes = new Uint8Array(readFileSync(`${DIR}/${file}`));
			const outcome = await importBytes(db, bytes, {
				fileName: file,
				nowMs: NOW + 1000,
				missing: 'delete',
				importProgress: true
			}).then(
				() => 'imported',
				(e: unknown) => e
			);
			expect(outcome).toBeInstanceOf(ImportError);
			expect((outcome as ImportError).code).toBe(code);
			expect(await dumpTables(db)).toEqual(before);
		}
	);

	it.each(manifest.slice(0, 12).map((m) => [m.file] as const))(
		'the import screen shows the message for %s and writes nothing',
		async (file) => {
			const session = new ImportSession(db, { clock: () => NOW });
			await session.openFile(new File([readFileSync(`${DIR}/${file}`)], file));
			expect(session.plan).toBeNull();
			expect(session.error).toBeTruthy();
			await session.confirm(); // nothing to confirm
			expect(await dumpTables(db)).toEqual(before);
		}
	);
});
