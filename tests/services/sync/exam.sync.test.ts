// Exam plans, practice-test results and class-deck subscriptions between two devices through a real
// pouchdb-server (started on 127.0.0.1 and stopped here): a plan's moved due dates arrive as 'manual'
// logs (cards stay the replay of their logs on both devices), concurrent plan edits end on the latest
// on both, a removal is a tombstone, results are the union and leave with their deck, and a
// subscription made on one device reaches the other (and "Stop updates" too).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardsOfDeck } from '$lib/db/cards-of-decks.repo';
import { addTestResult, getExamPlan, listTestResults } from '$lib/db/exam.repo';
import { recomputeCards } from '$lib/db/sync-replay.repo';
import { dateOfStudyDay } from '$lib/domain/exam/exam-plan';
import type { TestResultRow } from '$lib/domain/exam/test-result';
import { studyDayOf } from '$lib/domain/study-day';
import { deleteDeck, undoDeleteDeck } from '$lib/services/decks/deck-manage.service';
import { removeExamPlan, setExamPlan } from '$lib/services/exam/exam-plan.service';
import { runBrowseAction } from '$lib/services/browse.service';
import {
	checkClassDecks,
	listSubscriptions,
	subscribeToClass,
	unsubscribe
} from '$lib/services/sync/class-deck.service';
import { publishDeck } from '$lib/services/sync/class-publish';
import {
	createDatabase,
	Device,
	snapshot,
	startServer,
	stopServer,
	type SyncServer,
	expectSame,
	twoSyncedDevices
} from './sync-harness';

let server: SyncServer;
const T0 = Date.UTC(2026, 0, 5, 9);
const HOUR = 3_600_000;
const TODAY = studyDayOf(T0, 4);

beforeAll(async () => {
	server = await startServer();
}, 60_000);
afterAll(() => stopServer(server));

const twoDevices = (name: string) => twoSyncedDevices(server, name, 6, T0);

function result(deckId: string, takenMs: number, score: number): TestResultRow {
	return {
		deckId,
		takenMs,
		seed: `s${takenMs}`,
		questionCount: 4,
		score,
		durationMs: 60_000,
		timeLimitMs: null,
		filterLabel: 'All cards',
		byTag: [{ tag: 'exam', correct: 2, total: 4 }],
		missedCardIds: ['p/b1#0']
	};
}

describe('exam preparation syncs', () => {
	it("a plan's moved due dates arrive as manual logs: same cards, each the replay of its logs", async () => {
		const { url, phone, laptop } = await twoDevices('exam-plan');
		for (const [i, id] of ['p/b0#0', 'p/b1#0', 'p/b2#0'].entries()) await phone.answer(id, 4, T0 + i * 1000);
		await phone.sync(url);
		await laptop.sync(url);
		const dueBefore = new Map((await phone.db.cards.toArray()).map((c) => [c.id, c.dueMs]));

		const examDate = dateOfStudyDay(TODAY + 12);
		await setExamPlan(phone.db, 'p', { examDate, tags: [], targetRecall: 0.97 }, T0 + HOUR);
		const manual = await phone.db.reviewLogs.filter((l) => l.kind === 'manual').toArray();
		expect(manual.length).toBeGreaterThan(0);
		const moved = manual[0]!.cardId;
		expect((await phone.db.cards.get(moved))!.dueMs).toBeLessThan(dueBefore.get(moved)!);
		// One manual log per card whose due date the plan moved, and none for the others.
		const changed = (await phone.db.cards.toArray()).filter((c) => c.dueMs !== dueBefore.get(c.id));
		expect(manual.map((l) => l.cardId).sort()).toEqual(changed.map((c) => c.id).sort());
		// This device's cards already equal the replay of their logs (the move is one of them).
		const own = await snapshot(phone.db);
		const ids = (await phone.db.cards.toCollection().primaryKeys()) as string[];
		await phone.db.transaction('rw', phone.db.tables, () => recomputeCards(phone.db, ids));
		expect(await snapshot(phone.db)).toEqual(own);

		await phone.sync(url);
		await laptop.sync(url);
		expect(await getExamPlan(laptop.db, 'p')).toMatchObject({ examDate, targetRecall: 0.97 });
		expect((await laptop.db.cards.get(moved))!.dueMs).toBe((await phone.db.cards.get(moved))!.dueMs);
		await expectSame(phone, laptop);

		// The laptop answers the moved card: on both devices it counts once, after the move.
		await laptop.answer(moved, 3, T0 + 3 * 86_400_000);
		await laptop.sync(url);
		await phone.sync(url);
		await expectSame(phone, laptop);
		phone.close();
		laptop.close();
	});

	it("an answer the plan's cap brought forward has the same due date on the other device (the log carries the cap)", async () => {
		const { url, phone, laptop } = await twoDevices('exam-cap');
		const id = 'p/b0#0';
		await phone.answer(id, 4, T0);
		await setExamPlan(
			phone.db,
			'p',
			{ examDate: dateOfStudyDay(TODAY + 30), tags: [], targetRecall: 0.97 },
			T0 + HOUR
		);
		// Answered when due (as the plan left it), under the plan: the cap brings the next review forward.
		const { card, log } = await phone.answer(id, 3, (await phone.db.cards.get(id))!.dueMs + HOUR);
		expect(log.cappedDueMs).toBe(card.dueMs);
		await phone.sync(url);
		await laptop.sync(url);
		expect((await laptop.db.cards.get(id))!.dueMs).toBe(card.dueMs);
		// Both devices' cards are the replay of their logs (expectSame replays every card again).
		await expectSame(phone, laptop);
		expect((await phone.db.cards.get(id))!.dueMs).toBe(card.dueMs);

		// An answer to the same card arriving from the laptop replays the capped one on both devices too.
		await laptop.answer(id, 3, card.dueMs + HOUR);
		await laptop.sync(url);
		await phone.sync(url);
		await expectSame(phone, laptop);
		phone.close();
		laptop.close();
	});

	it('concurrent plan changes end on the latest on both devices; a removal is a tombstone', async () => {
		const { url, phone, laptop } = await twoDevices('exam-conflict');
		await setExamPlan(phone.db, 'p', { examDate: dateOfStudyDay(TODAY + 20), tags: [] }, T0 + HOUR);
		await setExamPlan(laptop.db, 'p', { examDate: dateOfStudyDay(TODAY + 30), tags: [] }, T0 + 2 * HOUR);
		await phone.sync(url);
		await laptop.sync(url);
		await phone.sync(url);
		expect((await getExamPlan(phone.db, 'p'))?.examDate).toBe(dateOfStudyDay(TODAY + 30));
		await expectSame(phone, laptop);

		// Offline on both: the laptop changes the target, the phone removes the plan later: removed.
		const plan = (await getExamPlan(laptop.db, 'p'))!;
		await setExamPlan(
			laptop.db,
			'p',
			{ examDate: plan.examDate, tags: [], targetRecall: 0.95 },
			T0 + 3 * HOUR,
			plan
		);
		await removeExamPlan(phone.db, 'p', T0 + 4 * HOUR);
		await laptop.sync(url);
		await phone.sync(url);
		await laptop.sync(url);
		expect(await getExamPlan(laptop.db, 'p')).toBeUndefined();
		await expectSame(phone, laptop);

		// And the other way round: a plan set after the removal wins over it.
		await removeExamPlan(phone.db, 'p', T0 + 5 * HOUR);
		await setExamPlan(laptop.db, 'p', { examDate: dateOfStudyDay(TODAY + 9), tags: [] }, T0 + 6 * HOUR);
		await phone.sync(url);
		await laptop.sync(url);
		await phone.sync(url);
		expect((await getExamPlan(phone.db, 'p'))?.examDate).toBe(dateOfStudyDay(TODAY + 9));
		await expectSame(phone, laptop);
		phone.close();
		laptop.close();
	});

	it("a plan limited to tags puts the exam's new cards first on the other device too, and back on removal", async () => {
		const { url, phone, laptop } = await twoDevices('exam-tags');
		await runBrowseAction(phone.db, ['p/b3#0', 'p/b4#0'], { kind: 'add-tags', tags: 'exam' }, T0 + HOUR, 4);
		await setExamPlan(phone.db, 'p', { examDate: dateOfStudyDay(TODAY + 20), tags: ['exam'] }, T0 + 2 * HOUR);
		const first = async (d: Device) =>
			(await cardsOfDeck(d.db, 'p').sortBy('newPosition')).slice(0, 2).map((c) => c.id);
		expect(await first(phone)).toEqual(['p/b3#0', 'p/b4#0']);
		await phone.sync(url);
		await laptop.sync(url);
		expect(await first(laptop)).toEqual(['p/b3#0', 'p/b4#0']);
		await expectSame(phone, laptop);
		await removeExamPlan(phone.db, 'p', T0 + 3 * HOUR);
		await phone.sync(url);
		await laptop.sync(url);
		expect(await first(laptop)).toEqual(['p/b0#0', 'p/b1#0']);
		await expectSame(phone, laptop);
		phone.close();
		laptop.close();
	});

	it('test results are the union of both devices, and leave (and come back) with their deck', async () => {
		const { url, phone, laptop } = await twoDevices('exam-results');
		// Both devices' first result has local id 1: their global ids differ.
		await addTestResult(phone.db, result('p', T0 + HOUR, 0.5));
		await addTestResult(laptop.db, result('p', T0 + 2 * HOUR, 0.75));
		await setExamPlan(laptop.db, 'p', { examDate: dateOfStudyDay(TODAY + 20), tags: [] }, T0 + 2 * HOUR);
		await phone.sync(url);
		await laptop.sync(url);
		await phone.sync(url);
		expect((await listTestResults(phone.db, 'p')).map((r) => r.score)).toEqual([0.75, 0.5]);
		await expectSame(phone, laptop);

		const deleted = await deleteDeck(phone.db, 'p', T0 + 3 * HOUR);
		await phone.sync(url);
		await laptop.sync(url);
		expect(await laptop.db.testResults.count()).toBe(0);
		expect(await getExamPlan(laptop.db, 'p')).toBeUndefined();
		await expectSame(phone, laptop);

		await undoDeleteDeck(phone.db, deleted, T0 + 4 * HOUR);
		await phone.sync(url);
		await laptop.sync(url);
		expect(await laptop.db.testResults.count()).toBe(2);
		expect(await getExamPlan(laptop.db, 'p')).toBeDefined();
		await expectSame(phone, laptop);
		phone.close();
		laptop.close();
	});
});

describe('class-deck subscriptions sync', () => {
	it("a subscription made on the phone reaches the laptop, which downloads the deck; 'Stop updates' too", async () => {
		const classUrl = `${server.url}/class-sync-sub`;
		const deck = {
			format: 'kartka-deck',
			formatVersion: 1,
			id: 'bio-1',
			title: 'Biology 1',
			description: 'Class deck',
			version: '1.0.0',
			source: { title: 'Lecture notes', url: 'https://example.org/lecture' },
			language: 'en',
			license: 'CC-BY-4.0',
			notes: [{ id: 'n1', kind: 'basic', front: 'Cell?', back: 'Unit of life' }]
		};
		await publishDeck(JSON.stringify(deck), { url: classUrl, nowMs: T0 });
		const url = await createDatabase(server, 'class-subs');
		const phone = new Device('phone');
		const laptop = new Device('laptop');
		await subscribeToClass(phone.db, classUrl, { nowMs: () => T0 });
		const [sub] = await listSubscriptions(phone.db);
		await phone.sync(url);
		await laptop.sync(url);
		expect((await listSubscriptions(laptop.db)).map((s) => s.url)).toEqual([sub!.url]);
		// The laptop checks it with its own checkpoint, as if it had subscribed itself.
		await checkClassDecks(laptop.db, { nowMs: () => T0 + HOUR });
		expect((await listSubscriptions(laptop.db))[0]!.decks.map((d) => d.version)).toEqual(['1.0.0']);
		expect(await cardsOfDeck(laptop.db, 'bio-1').count()).toBe(1);

		await unsubscribe(phone.db, sub!.url, T0 + 2 * HOUR);
		await phone.sync(url);
		await laptop.sync(url);
		expect(await listSubscriptions(laptop.db)).toEqual([]);
		// The decks stay, with their progress.
		expect(await laptop.db.decks.get('bio-1')).toBeDefined();

		// Subscribing again later on the laptop wins over the older "Stop updates".
		await subscribeToClass(laptop.db, classUrl, { nowMs: () => T0 + 3 * HOUR });
		await laptop.sync(url);
		await phone.sync(url);
		expect((await listSubscriptions(phone.db)).map((s) => s.url)).toEqual([sub!.url]);
		phone.close();
		laptop.close();
	});
});
