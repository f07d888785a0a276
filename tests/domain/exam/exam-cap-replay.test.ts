// Answers given under an exam plan are capped (brought forward to before the exam); the cap is recorded
// in the log, so a card stays the replay of its logs: the local replayer, the sync replayer (another
// device after a pull) and the log's sync document all carry it.
import { describe, expect, it } from 'vitest';
import { answerOutcome } from '$lib/domain/answer';
import { withExamCap } from '$lib/domain/exam/exam-scheduler';
import { createScheduler } from '$lib/domain/fsrs-adapter';
import type { CardRow, ReviewLogRow } from '$lib/domain/model';
import { replaySchedule } from '$lib/domain/replay';
import { replayCardLogs } from '$lib/domain/sync/card-replay';
import { logBody, logFromBody } from '$lib/domain/sync/row-docs';
import { docId, parseSyncBody, type LogBody } from '$lib/domain/sync/sync-docs';
import { newCardSchedule, pickSchedule, Rating } from '$lib/domain/schedule';
import { DEFAULT_SCHEDULER_SETTINGS } from '$lib/domain/scheduler-settings';
import { studyDayOf } from '$lib/domain/study-day';
import { makeCard } from '../../helpers/cards';

const NOW = new Date(2026, 4, 4, 10, 0).getTime();
const TODAY = studyDayOf(NOW, 4);
const DAY = 86_400_000;
const base = createScheduler({ ...DEFAULT_SCHEDULER_SETTINGS, desiredRetention: 0.75 });
const scope = { examDay: TODAY + 40, targetRecall: 0.95, dayCutoffHour: 4, inScope: () => true };
const capped = withExamCap(base, scope);

/** A new card answered Good each time it is due (two answers on its first day), under the plan. */
function answerUnderPlan(): { card: CardRow; logs: ReviewLogRow[] } {
	let card = makeCard({ id: 'd/n#0', ...newCardSchedule(NOW) });
	const logs: ReviewLogRow[] = [];
	let nowMs = NOW;
	while (studyDayOf(nowMs, 4) < scope.examDay - 1 && logs.length < 12) {
		const out = answerOutcome({
			current: card,
			rating: Rating.Good,
			nowMs,
			durationMs: 3000,
			scheduler: capped,
			dayCutoffHour: 4
		});
		card = out.card;
		logs.push({ ...out.log, id: logs.length + 1 });
		nowMs = Math.max(card.dueMs, nowMs + 60_000) + 3_600_000;
	}
	return { card, logs };
}

describe('exam cap in the review log', () => {
	const { card, logs } = answerUnderPlan();
	const cappedLogs = logs.filter((l) => l.cappedDueMs !== undefined);

	it('records the cap on the answers it moved, and only on those', () => {
		expect(cappedLogs.length).toBeGreaterThan(0);
		for (const log of logs) {
			const plain = base.answer(log.cardId, log.before, log.rating, log.reviewedMs).schedule;
			if (log.cappedDueMs === undefined) expect(log.after).toEqual(plain);
			else {
				expect(log.after.dueMs).toBe(log.cappedDueMs);
				expect(log.after.scheduledDays).toBe(log.cappedDays);
				expect(log.cappedDueMs).toBeLessThan(plain.dueMs);
				expect({ ...log.after, dueMs: 0, scheduledDays: 0 }).toEqual({
					...plain,
					dueMs: 0,
					scheduledDays: 0
				});
			}
		}
	});

	it('replays (local replayer, without the plan) into the card as answered, after every answer', () => {
		expect(replaySchedule(base, card.id, card, logs)).toEqual(pickSchedule(card));
		for (const [i, log] of logs.entries())
			expect(replaySchedule(base, card.id, log.after, logs.slice(0, i + 1))).toEqual(log.after);
	});

	it("replays (sync replayer, another device's scheduler) into the card and each log's before/after", () => {
		const replay = replayCardLogs(base, card.id, NOW, logs);
		expect(replay.schedule).toEqual(pickSchedule(card));
		expect(replay.steps).toEqual(logs.map((l) => ({ before: l.before, after: l.after })));
	});

	it("carries the cap in the log's sync document, and refuses a malformed one", () => {
		const log = cappedLogs[0]!;
		const body = logBody(log);
		expect(body).toMatchObject({ cappedDueMs: log.cappedDueMs, cappedDays: log.cappedDays });
		const parsed = parseSyncBody({ _id: docId('log', 'dev-1'), ...body }) as LogBody;
		expect(logFromBody('dev-1', parsed)).toMatchObject({
			cappedDueMs: log.cappedDueMs,
			cappedDays: log.cappedDays
		});
		expect(logBody(logs.find((l) => l.cappedDueMs === undefined)!)).not.toHaveProperty('cappedDueMs');
		for (const bad of [{ cappedDueMs: -1 }, { cappedDueMs: 1.5 }, { cappedDays: -2 }, { cappedDays: 1e9 }])
			expect(parseSyncBody({ _id: docId('log', 'dev-1'), ...body, ...bad })).toBeNull();
	});

	it('leaves an answer replayed later than its cap as the replay gives it (a cap never pushes later)', () => {
		const log = cappedLogs[0]!;
		const plain = base.answer(log.cardId, log.before, log.rating, log.reviewedMs).schedule;
		const late = { ...log, cappedDueMs: plain.dueMs + DAY };
		expect(replayCardLogs(base, card.id, NOW, [...logs.slice(0, logs.indexOf(log)), late]).schedule).toEqual(
			plain
		);
	});
});
