// Property: devices that answer, undo, edit, suspend, import, run Browse's bulk actions (Delete included)
// and their Undo, set and remove exam plans and save test results at random, syncing at random moments
// through a real pouchdb-server and losing their connection at random (before a request, or after the
// server did the work but before the answer arrived), end identical after a full sync, and every card
// equals the replay of its own logs. A seeded PRNG makes each run reproducible: the steps, and the
// device ids (crypto.getRandomValues is seeded for the test), which decide ties.
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { applyDeckContent } from '$lib/db/deck-content.repo';
import { undoAnswer } from '$lib/db/review.repo';
import { CardChangedError } from '$lib/domain/errors';
import { settingsForDeck } from '$lib/db/settings.repo';
import { editNoteFields, setCardSuspended } from '$lib/db/sync-edits.repo';
import type { SyncedLogRow } from '$lib/db/sync-tracking.repo';
import { createScheduler } from '$lib/domain/fsrs-adapter';
import { pickSchedule, RATINGS } from '$lib/domain/schedule';
import { replayCardLogs } from '$lib/domain/sync/card-replay';
import type { SyncedCardRow } from '$lib/domain/sync/row-docs';
import { runBrowseAction, undoBrowseAction } from '$lib/services/browse.service';
import { addTestResult } from '$lib/db/exam.repo';
import { dateOfStudyDay } from '$lib/domain/exam/exam-plan';
import { studyDayOf } from '$lib/domain/study-day';
import { removeExamPlan, setExamPlan } from '$lib/services/exam/exam-plan.service';
import type { BrowseAction } from '$lib/domain/browse/browse-action';
import type { UndoRecord } from '$lib/db/browse.repo';
import { deckRow, sampleNotes } from '../../helpers/db';
import { createDatabase, Device, snapshot, startServer, stopServer, type SyncServer } from './sync-harness';

function prng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

let server: SyncServer;
beforeAll(async () => {
	server = await startServer();
}, 60_000);
afterAll(() => stopServer(server));

const STEPS = 520;

describe('sync convergence property', () => {
	// (Seed 11 became 13 with schema v11: a bulk suspension no longer bumps the card's rev, so some undos
	// that were refused now go through and that run made only 1 Delete, under the 3 asked for below.)
	it.each([7, 2026, 13])(
		'three devices converge and every card equals its log replay (seed %i)',
		async (seed) => {
			const random = prng(seed);
			// Device ids come from crypto.getRandomValues: seeded too, so a failure reproduces exactly.
			const idRandom = prng(seed + 1000);
			const realRandomValues = crypto.getRandomValues;
			crypto.getRandomValues = (<T extends ArrayBufferView | null>(array: T): T => {
				if (!(array instanceof Uint8Array)) return realRandomValues.call(crypto, array as never) as T;
				for (let i = 0; i < array.length; i++) array[i] = Math.floor(idRandom() * 256);
				return array;
			}) as typeof crypto.getRandomValues;
			onTestFinished(() => {
				crypto.getRandomValues = realRandomValues;
			});
			const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
			const url = await createDatabase(server, `converge-${seed}`);
			const devices = [new Device('phone'), new Device('laptop'), new Device('tablet')];
			const undo = new Map<Device, number[]>(devices.map((d) => [d, []]));
			let clock = Date.UTC(2026, 1, 1);
			let imports = 0;
			const counts = {
				answer: 0,
				undo: 0,
				edit: 0,
				suspend: 0,
				bulk: 0,
				bulkUndo: 0,
				delete: 0,
				deleteUndo: 0,
				plan: 0,
				result: 0,
				import: 0,
				sync: 0,
				cut: 0
			};
			const bulkUndo = new Map<Device, UndoRecord>();
			// A device's last Delete, undone later even after other actions (a person who changes their mind).
			const deleteUndo = new Map<Device, UndoRecord>();

			// A bulk action over 1-3 random cards (Delete: every card of one note).
			const bulk = async (device: Device, cards: SyncedCardRow[]) => {
				const decks = (await device.db.decks.toCollection().primaryKeys()) as string[];
				const actions: BrowseAction[] = [
					{ kind: 'suspend' },
					{ kind: 'unsuspend' },
					{ kind: 'forget' },
					{ kind: 'set-due', days: '2-9' },
					{ kind: 'move', deckId: pick(decks) },
					{ kind: 'add-tags', tags: pick(['exam', 'hard']) },
					{ kind: 'remove-tags', tags: 'exam' },
					{ kind: 'delete' },
					{ kind: 'delete' }
				];
				const action = pick(actions);
				const first = pick(cards);
				const ids =
					action.kind === 'delete'
						? cards.filter((c) => c.noteId === first.noteId).map((c) => c.id)
						: [first, pick(cards), pick(cards)].slice(0, 1 + Math.floor(random() * 3)).map((c) => c.id);
				const { record } = await runBrowseAction(device.db, [...new Set(ids)], action, clock, 4);
				bulkUndo.set(device, record);
				counts.bulk++;
				if (action.kind === 'delete') {
					counts.delete++;
					deleteUndo.set(device, record);
				}
			};

			// A connection that fails at random: before the request, or after the server did the work.
			const flaky: typeof fetch = async (input, init) => {
				const roll = random();
				if (roll < 0.08) throw new TypeError('network down');
				const response = await fetch(input, init);
				if (roll < 0.12) {
					await response.body?.cancel();
					throw new TypeError('connection lost before the answer');
				}
				return response;
			};

			const importDeck = async (device: Device) => {
				const id = `i${imports++}`;
				await applyDeckContent(device.db, deckRow(id), sampleNotes(id, 3, 1), { nowMs: clock });
				counts.import++;
			};
			await importDeck(devices[0]!);

			for (let step = 0; step < STEPS; step++) {
				clock += 1000 + Math.floor(random() < 0.7 ? random() * 3_600_000 : random() * 5 * 86_400_000);
				const device = pick(devices);
				const roll = random();
				const cards = (await device.db.cards.toArray()) as SyncedCardRow[];
				// As in the app, suspended cards are not shown, so not answered.
				const studyable = cards.filter((c) => c.queue !== -1);
				if (roll < 0.45 && studyable.length) {
					const { log } = await device.answer(pick(studyable).id, pick(RATINGS), clock);
					undo.get(device)!.push(log.id!);
					counts.answer++;
				} else if (roll < 0.55) {
					const logId = undo.get(device)!.pop();
					if (logId === undefined) continue;
					try {
						await undoAnswer(device.db, logId, clock);
						counts.undo++;
					} catch (error) {
						// A sync replayed the card since: only the card's newest answer can be undone.
						if (!(error instanceof CardChangedError) && !/already gone|no longer stored/.test(String(error)))
							throw error;
					}
				} else if (roll < 0.63) {
					const notes = await device.db.notes.toArray();
					if (!notes.length) continue;
					const note = pick(notes);
					await editNoteFields(device.db, note.id, { ...note.fields, front: `edit ${step}` }, clock);
					counts.edit++;
				} else if (roll < 0.7 && cards.length) {
					await setCardSuspended(device.db, pick(cards).id, random() < 0.5, clock);
					counts.suspend++;
				} else if (roll < 0.75 && cards.length) {
					await bulk(device, cards);
				} else if (roll < 0.77) {
					const fromDelete = random() < 0.5 && deleteUndo.has(device);
					const record = (fromDelete ? deleteUndo : bulkUndo).get(device);
					if (!record) continue;
					bulkUndo.delete(device);
					deleteUndo.delete(device);
					try {
						await undoBrowseAction(device.db, record, clock);
						counts.bulkUndo++;
						if (record.action === 'delete') counts.deleteUndo++;
					} catch (error) {
						// A sync or an answer changed one of its cards since: refused, as in the app.
						if (!String(error).includes('can no longer be undone')) throw error;
					}
				} else if (roll < 0.785) {
					// An exam plan (whole deck: its due-date moves travel as manual logs) set or removed.
					const decks = (await device.db.decks.toCollection().primaryKeys()) as string[];
					if (!decks.length) continue;
					const deckId = pick(decks);
					const ahead = 2 + Math.floor(random() * 30);
					if (random() < 0.3) await removeExamPlan(device.db, deckId, clock);
					else {
						const examDate = dateOfStudyDay(studyDayOf(clock, 4) + ahead);
						await setExamPlan(device.db, deckId, { examDate, tags: [], targetRecall: 0.95 }, clock);
					}
					counts.plan++;
				} else if (roll < 0.8) {
					const decks = (await device.db.decks.toCollection().primaryKeys()) as string[];
					if (!decks.length) continue;
					await addTestResult(device.db, {
						deckId: pick(decks),
						takenMs: clock,
						seed: `s${step}`,
						questionCount: 4,
						score: Math.floor(random() * 5) / 4,
						durationMs: 30_000,
						timeLimitMs: null,
						filterLabel: 'All cards',
						byTag: [],
						missedCardIds: []
					});
					counts.result++;
				} else if (roll < 0.82) {
					await importDeck(device);
				} else {
					try {
						await device.sync(url, { batchSize: 1 + Math.floor(random() * 40), fetch: flaky });
						counts.sync++;
					} catch (error) {
						expect(String(error)).toMatch(/Server unreachable/);
						counts.cut++;
					}
				}
			}

			// Full sync: every device twice round the ring, on a good connection.
			for (let round = 0; round < 2; round++) for (const d of devices) await d.sync(url);
			expect(counts.answer).toBeGreaterThan(150);
			expect(counts.bulk).toBeGreaterThan(10);
			expect(counts.delete).toBeGreaterThan(2);
			expect(counts.deleteUndo).toBeGreaterThan(0);
			expect(counts.plan).toBeGreaterThan(2);
			expect(counts.result).toBeGreaterThan(2);
			expect(counts.cut).toBeGreaterThan(5);
			const [first, ...others] = await Promise.all(devices.map((d) => snapshot(d.db)));
			for (const other of others) expect(other).toEqual(first);
			expect(first!.logs.length).toBeGreaterThan(100);

			for (const device of devices) {
				for (const card of (await device.db.cards.toArray()) as SyncedCardRow[]) {
					const logs = (await device.db.reviewLogs
						.where('cardId')
						.equals(card.id)
						.toArray()) as SyncedLogRow[];
					const scheduler = createScheduler(await settingsForDeck(device.db, card.deckId));
					const { schedule } = replayCardLogs(scheduler, card.id, card.createdMs ?? card.dueMs, logs);
					expect(pickSchedule(card)).toEqual(schedule);
				}
				device.close();
			}
			console.log(`seed ${seed}:`, JSON.stringify(counts));
		},
		300_000
	);
});
