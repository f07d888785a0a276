// Issue 12: an exam date at most two years ahead, enforced where plans are saved (the one choke point),
// with the same rule for the date field; a far-future plan saved before this rule never freezes the screen.
import { afterEach, describe, expect, it } from 'vitest';
import type { KartkaDB } from '$lib/db/db';
import { examDateProblem, latestExamDate, MAX_EXAM_AHEAD_DAYS } from '$lib/domain/exam/exam-date';
import { dateOfStudyDay } from '$lib/domain/exam/exam-plan';
import { studyDayOf } from '$lib/domain/study-day';
import { examPlanView, setExamPlan } from '$lib/services/exam/exam-plan.service';
import { dumpTables, freshDb, seedDeck } from '../../helpers/db';

const NOW = new Date(2026, 10, 30, 12).getTime();
const TODAY = studyDayOf(NOW, 4);
let db: KartkaDB;
afterEach(() => db?.close());

describe('exam date rule', () => {
	it('accepts tomorrow up to two years ahead; refuses the past, typos and far futures', () => {
		expect(examDateProblem(dateOfStudyDay(TODAY + 1), TODAY)).toBeNull();
		expect(examDateProblem(dateOfStudyDay(TODAY + MAX_EXAM_AHEAD_DAYS), TODAY)).toBeNull();
		expect(examDateProblem(dateOfStudyDay(TODAY + MAX_EXAM_AHEAD_DAYS + 1), TODAY)).toMatch(/two years/);
		expect(examDateProblem('2206-01-15', TODAY)).toContain(`until ${latestExamDate(TODAY)}`);
		expect(examDateProblem('+275760-09-13', TODAY)).toMatch(/full date/); // pasted junk
		expect(examDateProblem('2026-02-30', TODAY)).toMatch(/full date/);
		expect(examDateProblem(dateOfStudyDay(TODAY), TODAY)).toMatch(/after today/);
	});
});

describe('setExamPlan (the choke point)', () => {
	it('refuses 2206 with the message and writes nothing', async () => {
		db = freshDb();
		await seedDeck(db, 'd', 5, 0);
		const before = await dumpTables(db);
		await expect(setExamPlan(db, 'd', { examDate: '2206-01-15', tags: [] }, NOW)).rejects.toThrow(
			/two years/
		);
		expect(await dumpTables(db)).toEqual(before);
	});

	it('a stored far-future plan (saved by an older version) gets a bounded forecast asking for a nearer date', async () => {
		db = freshDb();
		await seedDeck(db, 'd', 5, 0);
		await setExamPlan(db, 'd', { examDate: dateOfStudyDay(TODAY + 30), tags: [] }, NOW);
		await db.table('examPlans').update('d', { examDate: '2206-01-15' });
		const view = await examPlanView(db, 'd', NOW, (iso) => iso);
		expect(view.forecast?.days).toEqual([]);
		expect(view.forecast?.feasible).toBe(false);
		expect(view.forecast?.problems.join(' ')).toMatch(/two years/);
	});
});
