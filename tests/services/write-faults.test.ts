/**
 * Issue 12, fault injection at every write site (fake-indexeddb): QuotaExceededError and AbortError at the
 * first and at a later write of each user action. After each: the action failed with an error the app can
 * name (isQuotaError for a full disk), and EVERY table equals its state before the action.
 * Sites: answer, undo, import, undo import, restore, backup mark, shipped-deck install (one deck; the
 * start-up's skip-and-retry is in builtin-decks-recovery.test.ts), exam plan (set and remove), settings (global and deck).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { KartkaDB } from '$lib/db/db';
import { answerCard, undoAnswer } from '$lib/db/review.repo';
import { saveDeckOverrides } from '$lib/db/deck-settings.repo';
import { saveGlobalSettings } from '$lib/db/settings.repo';
import { isQuotaError } from '$lib/domain/errors';
import { dateOfStudyDay } from '$lib/domain/exam/exam-plan';
import { createScheduler } from '$lib/domain/fsrs-adapter';
import { Rating } from '$lib/domain/schedule';
import { DEFAULT_SCHEDULER_SETTINGS } from '$lib/domain/scheduler-settings';
import { studyDayOf } from '$lib/domain/study-day';
import { removeExamPlan, setExamPlan } from '$lib/services/exam/exam-plan.service';
import {
	backupHandedOver,
	createBackup,
	readBackupFor,
	restoreBackup
} from '$lib/services/backup/backup.service';
import { installBuiltinDecks } from '$lib/services/builtin-decks.service';
import { importCommitted, prepareImportUndo, undoImport } from '$lib/services/import/import-undo';
import { planImport } from '$lib/services/import/import-plan';
import { commitImport } from '$lib/services/import/import.service';
import { freshDb, seedDeck } from '../helpers/db';
import { injectFault, withFault, type FaultKind } from '../helpers/faults';
import { collection, note, SOURCE } from '../helpers/collections';
import { cardsOfDeck } from '$lib/db/cards-of-decks.repo';

const NOW = new Date(2026, 10, 30, 12).getTime();
const scheduler = createScheduler({ ...DEFAULT_SCHEDULER_SETTINGS, fuzz: false });
let db: KartkaDB;
afterEach(() => db?.close());

async function answerFirst(target: KartkaDB, nowMs = NOW) {
	const shown = (await target.cards.toCollection().first())!;
	return answerCard(target, {
		shown,
		rating: Rating.Good,
		nowMs,
		durationMs: 1000,
		scheduler,
		dayCutoffHour: 4
	});
}

const importable = () =>
	collection([note('a', '<img src="x.png">', 'A'), note('b', 'B', 'b')], {
		media: [{ name: 'x.png', mime: 'image/png', bytes: new Uint8Array([137, 80, 78, 71]) }],
		reviews: [{ noteKey: 'a', ord: 0, reviewedMs: NOW - 86_400_000, rating: 3, durationMs: 2000 }]
	});

/** The first shipped deck, removed again after a full install: the next start installs it (and only it). */
async function withOneShippedDeckPending(d: KartkaDB): Promise<string> {
	await installBuiltinDecks(d, NOW);
	const id = Object.values(__KARTKA_DECKS__)[0]!.id;
	await d.transaction('rw', d.decks, d.notes, d.cards, async () => {
		await d.decks.delete(id);
		await d.notes.where('deckId').equals(id).delete();
		await cardsOfDeck(d, id).delete();
	});
	return id;
}

/** The start-up skips a deck it cannot write (and logs why): the logged error is what the fault made. */
async function installPending(d: KartkaDB, id: string): Promise<void> {
	let logged: unknown;
	const warn = vi.spyOn(console, 'warn').mockImplementation((_message, error) => (logged = error));
	try {
		const installed = await installBuiltinDecks(d, NOW);
		if (!installed.includes(id)) throw logged ?? new Error(`Shipped deck ${id} was not installed.`);
	} finally {
		warn.mockRestore();
	}
}

/** Each write site: how to prepare a database, and the action to break. */
const SITES: {
	name: string;
	prepare: (db: KartkaDB) => Promise<unknown>;
	act: (db: KartkaDB, prepared: unknown) => Promise<unknown>;
}[] = [
	{ name: 'answer', prepare: (d) => seedDeck(d, 'd', 3, 1), act: (d) => answerFirst(d) },
	{
		name: 'undo',
		prepare: async (d) => {
			await seedDeck(d, 'd', 3, 1);
			return (await answerFirst(d)).log.id;
		},
		act: (d, logId) => undoAnswer(d, logId as number)
	},
	{
		name: 'import (new deck with history and media)',
		prepare: (d) => seedDeck(d, 'd', 2, 0),
		act: async (d) => {
			await commitImport(d, await planImport(d, importable(), { nowMs: NOW, source: SOURCE }), {
				importProgress: true
			});
		}
	},
	{
		name: 'undo import',
		prepare: async (d) => {
			await seedDeck(d, 'd', 2, 1);
			const plan = await planImport(d, importable(), { nowMs: NOW, source: SOURCE });
			const undo = await prepareImportUndo(d, plan);
			await commitImport(d, plan, { importProgress: true });
			return importCommitted(d, undo);
		},
		act: (d, undo) => undoImport(d, undo as Awaited<ReturnType<typeof importCommitted>>)
	},
	{
		name: 'backup mark',
		prepare: async (d) => {
			await seedDeck(d, 'd', 2, 0);
			return createBackup(d, NOW);
		},
		act: (d, file) => backupHandedOver(d, file as Awaited<ReturnType<typeof createBackup>>)
	},
	{
		name: 'shipped-deck install',
		prepare: withOneShippedDeckPending,
		act: (d, id) => installPending(d, id as string)
	},
	{
		name: 'restore',
		prepare: async (d) => {
			const other = freshDb();
			await seedDeck(other, 'theirs', 4, 0);
			const file = await createBackup(other, NOW);
			other.close();
			await seedDeck(d, 'mine', 2, 1);
			return readBackupFor(d, file.bytes);
		},
		act: (d, contents) => restoreBackup(d, contents as Awaited<ReturnType<typeof readBackupFor>>)
	},
	{
		name: 'exam plan (set)',
		prepare: (d) => seedDeck(d, 'd', 4, 0),
		act: (d) => setExamPlan(d, 'd', { examDate: dateOfStudyDay(studyDayOf(NOW, 4) + 20), tags: [] }, NOW)
	},
	{
		name: 'exam plan (remove)',
		prepare: async (d) => {
			await seedDeck(d, 'd', 4, 0);
			await setExamPlan(d, 'd', { examDate: dateOfStudyDay(studyDayOf(NOW, 4) + 20), tags: [] }, NOW);
		},
		act: (d) => removeExamPlan(d, 'd')
	},
	{
		name: 'settings',
		prepare: (d) => seedDeck(d, 'd', 1, 0),
		act: (d) => saveGlobalSettings(d, { newCardsPerDay: 5, dayCutoffHour: 3 })
	},
	{
		name: 'deck settings',
		prepare: (d) => seedDeck(d, 'd', 1, 0),
		act: (d) => saveDeckOverrides(d, 'd', { newCardsPerDay: 7 })
	}
];

/** How many writes the action makes (a fault that never fires just counts them). */
async function countWrites(site: (typeof SITES)[number]): Promise<number> {
	const d = freshDb();
	const prepared = await site.prepare(d);
	const counter = injectFault({ kind: 'AbortError', atWrite: Number.MAX_SAFE_INTEGER });
	try {
		await site.act(d, prepared);
	} finally {
		counter.restore();
		d.close();
	}
	return counter.writes;
}

describe.each(SITES)('write site: $name', (site) => {
	it('fails whole at its first and at its last write, for a full disk and for an abort', async () => {
		const writes = await countWrites(site);
		expect(writes).toBeGreaterThan(0);
		for (const atWrite of [...new Set([1, writes])]) {
			for (const kind of ['QuotaExceededError', 'AbortError'] as FaultKind[]) {
				db?.close();
				db = freshDb();
				const prepared = await site.prepare(db);
				const { error, before, after } = await withFault(db, { kind, atWrite }, () => site.act(db, prepared));
				const where = `${kind} at write ${atWrite} of ${writes}`;
				expect(error, `${where}: the action must fail`).toBeDefined();
				// The import names a full disk in its own words (ImportError 'storage-full'); the others pass it on.
				const full = isQuotaError(error) || (error as { code?: string }).code === 'storage-full';
				expect(full, where).toBe(kind === 'QuotaExceededError');
				expect(after, where).toEqual(before);
			}
		}
	});
});
