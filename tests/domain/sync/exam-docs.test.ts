// Exam plans, test results and class-deck subscriptions as sync documents: the merge rule of each kind
// (any order of versions gives the same result), a plan's moved due dates as manual logs, and what a
// server document must look like to be accepted.
import { describe, expect, it } from 'vitest';
import { mergeVersions } from '$lib/domain/sync/conflict-rules';
import { parseSyncBody } from '$lib/domain/sync/sync-docs';
import {
	examBody,
	examTombstone,
	isClassDatabaseUrl,
	planFromBody,
	resultBody,
	resultFromBody,
	type ClassDeckSubBody,
	type ExamBody
} from '$lib/domain/sync/exam-docs';
import { examMoveLogs } from '$lib/domain/exam/exam-move-logs';
import type { TestResultRow } from '$lib/domain/exam/test-result';
import { replayCardLogs } from '$lib/domain/sync/card-replay';
import { createScheduler } from '$lib/domain/fsrs-adapter';
import { DEFAULT_SCHEDULER_SETTINGS } from '$lib/domain/scheduler-settings';
import { pickSchedule } from '$lib/domain/schedule';
import { makeCard } from '../../helpers/cards';

const plan = {
	deckId: 'd',
	examDate: '2026-12-14',
	tags: ['b', 'a'],
	targetRecall: 0.9,
	startDay: 5,
	updatedMs: 7
};
const permutations = <T>(xs: T[]): T[][] =>
	xs.length <= 1
		? [xs]
		: xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((p) => [x, ...p]));

describe('exam plan documents', () => {
	it('round-trip a plan, with the change time as its updatedMs', () => {
		const body = examBody(plan, 100, 'dev');
		expect(planFromBody(body)).toEqual({ ...plan, updatedMs: 100 });
		expect(parseSyncBody({ _id: 'exam:d', ...body })).toEqual(body);
	});

	it('the latest change wins whatever the order, the device id breaks a tie, a removal is a change', () => {
		const a = examBody(plan, 100, 'a');
		const b = examBody({ ...plan, examDate: '2026-12-20' }, 200, 'b');
		const removed = examTombstone('d', 150, 'c');
		for (const order of permutations<ExamBody>([a, b, removed])) expect(mergeVersions(order)).toEqual(b);
		const laterRemoval = examTombstone('d', 300, 'a');
		for (const order of permutations<ExamBody>([a, b, laterRemoval]))
			expect(mergeVersions(order)).toEqual(laterRemoval);
		const tie = examBody({ ...plan, targetRecall: 0.95 }, 200, 'c');
		for (const order of permutations<ExamBody>([a, b, tie])) expect(mergeVersions(order)).toEqual(tie);
	});

	it('refuses malformed plans: a date that is not a date, a target out of range, the wrong id kind', () => {
		const body = examBody(plan, 100, 'dev');
		expect(parseSyncBody({ _id: 'exam:d', ...body, examDate: 'soon' })).toBeNull();
		expect(parseSyncBody({ _id: 'exam:d', ...body, targetRecall: 1.5 })).toBeNull();
		expect(parseSyncBody({ _id: 'note:d/x', ...body })).toBeNull();
		expect(parseSyncBody({ _id: 'exam:d', ...body, tags: Array(501).fill('t') })).toBeNull();
	});
});

describe('test result documents', () => {
	const row: TestResultRow = {
		id: 3,
		deckId: 'd',
		takenMs: 10,
		seed: 's',
		questionCount: 2,
		score: 0.5,
		durationMs: 1000,
		timeLimitMs: null,
		filterLabel: 'All',
		byTag: [{ tag: 't', correct: 1, total: 2 }],
		missedCardIds: ['d/x#0']
	};

	it('round-trip without the local id, keyed by the global one', () => {
		const body = resultBody(row);
		expect(parseSyncBody({ _id: 'result:dev-3', ...body })).toEqual(body);
		const { id: _local, ...rest } = row;
		expect(resultFromBody('dev-3', body)).toEqual({ ...rest, uid: 'dev-3' });
	});

	it('immutable: identical copies are one; a score out of range is refused', () => {
		const body = resultBody(row);
		expect(mergeVersions([body, { ...body }])).toEqual(body);
		expect(parseSyncBody({ _id: 'result:dev-3', ...body, score: 2 })).toBeNull();
	});
});

describe('class-deck subscription documents', () => {
	const sub = (subscribed: boolean, changedMs: number, changedBy = 'a'): ClassDeckSubBody => ({
		kind: 'classdeck',
		url: 'https://couch.example.org/class-1/',
		subscribed,
		changedMs,
		changedBy
	});

	it('the latest of subscribe and "Stop updates" wins, in any order', () => {
		for (const order of permutations([sub(true, 1), sub(false, 2), sub(true, 3, 'b')]))
			expect(mergeVersions(order)).toEqual(sub(true, 3, 'b'));
		for (const order of permutations([sub(true, 1), sub(false, 4)]))
			expect(mergeVersions(order)).toEqual(sub(false, 4));
	});

	it('accepts only addresses a person could subscribe to (https, or http on this computer)', () => {
		expect(isClassDatabaseUrl('https://couch.example.org/class-1/')).toBe(true);
		expect(isClassDatabaseUrl('http://127.0.0.1:5984/class/')).toBe(true);
		expect(isClassDatabaseUrl('http://couch.example.org/class/')).toBe(false);
		expect(isClassDatabaseUrl('https://kim:pw@couch.example.org/class/')).toBe(false);
		expect(isClassDatabaseUrl('javascript:alert(1)')).toBe(false);
		const id = 'classdeck:http://evil.example/x/';
		expect(parseSyncBody({ _id: id, ...sub(true, 1), url: 'http://evil.example/x/' })).toBeNull();
	});
});

describe("an exam plan's moved due dates", () => {
	it('become manual logs whose replay gives the moved card, and only for moved cards', () => {
		const scheduler = createScheduler(DEFAULT_SCHEDULER_SETTINGS);
		const created = makeCard({ id: 'd/a#0', noteId: 'd/a', deckId: 'd' });
		const answered = scheduler.answer(created.id, pickSchedule(created), 4, 1000).schedule;
		const card = { ...created, ...answered, queue: 2 as const, rev: 1 };
		const other = makeCard({ id: 'd/b#0', noteId: 'd/b', deckId: 'd' });
		const moved = { ...card, dueMs: card.dueMs - 86_400_000, scheduledDays: 3, rev: 2 };
		const reordered = { ...other, newPosition: -5 };
		const logs = examMoveLogs([card, other], [moved, reordered], 5000, 4);
		expect(logs).toHaveLength(1);
		expect(logs[0]).toMatchObject({ cardId: 'd/a#0', kind: 'manual', reviewedMs: 5000, afterRev: 2 });
		const answerLog = {
			rating: 4 as const,
			kind: 'review' as const,
			reviewedMs: 1000,
			after: answered,
			uid: 'x-1'
		};
		const { schedule } = replayCardLogs(scheduler, card.id, created.dueMs, [
			answerLog,
			{ ...logs[0]!, uid: 'x-2' }
		]);
		expect(schedule).toEqual(pickSchedule(moved));
	});
});
