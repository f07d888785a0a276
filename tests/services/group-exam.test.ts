// A deck group's exam: one date for every deck (one transaction), readiness over all of its cards, and a
// test drawing questions from all of its decks, kept under the group.
import { afterEach, describe, expect, it } from 'vitest';
import type { KartkaDB } from '$lib/db/db';
import { applyDeckContent } from '$lib/db/deck-content.repo';
import { getExamPlan, listTestResults } from '$lib/db/exam.repo';
import { answerCard } from '$lib/db/review.repo';
import { NO_FILTER } from '$lib/domain/exam/card-filter';
import { dateOfStudyDay } from '$lib/domain/exam/exam-plan';
import { groupScopeKey } from '$lib/domain/exam/group-study-state';
import { studyDayOf } from '$lib/domain/study-day';
import { schedulingForDeck } from '$lib/services/deck-scheduling.service';
import { setExamPlan } from '$lib/services/exam/exam-plan.service';
import { loadGroupStudyState, setGroupExamDate } from '$lib/services/exam/group-exam.service';
import { buildTest, saveTestResult } from '$lib/services/exam/practice-test.service';
import { groupReadinessView, readinessView } from '$lib/services/exam/readiness.service';
import { articleDecks } from '../domain/exam/article-decks';
import { dumpTables, freshDb } from '../helpers/db';
import { cardsOfDeck } from '$lib/db/cards-of-decks.repo';

const GROUP = "Belarus's anti-Kremlin tilt";
const NOW = new Date(2026, 4, 4, 10, 0).getTime();
const TODAY = studyDayOf(NOW, 4);
let db: KartkaDB;

afterEach(() => db?.close());

async function articleDb(): Promise<string[]> {
	db = freshDb();
	const decks = articleDecks();
	for (const d of decks) await applyDeckContent(db, d.deck, d.notes, { nowMs: 0 });
	expect(decks.every((d) => d.deck.group === GROUP)).toBe(true);
	return decks.map((d) => d.deck.id);
}

describe('group exam date', () => {
	it('sets the same exam plan on every deck of the group, keeping each deck its own topics', async () => {
		const deckIds = await articleDb();
		const tagged = deckIds[0]!;
		const tag = (await db.notes.where('deckId').equals(tagged).first())!.tags[0]!;
		await setExamPlan(db, tagged, { examDate: dateOfStudyDay(TODAY + 5), tags: [tag] }, NOW);
		const examDate = dateOfStudyDay(TODAY + 20);
		expect(await setGroupExamDate(db, GROUP, examDate, NOW)).toBe(deckIds.length);
		for (const id of deckIds) expect((await getExamPlan(db, id))?.examDate).toBe(examDate);
		expect((await getExamPlan(db, tagged))?.tags).toEqual([tag]);
		const loaded = await loadGroupStudyState(db, GROUP, NOW);
		expect(loaded?.examDate).toBe(examDate);
		expect(loaded?.state.examDay).toBe(TODAY + 20);
		// Each deck's own scheduler now carries the exam cap: "Study all" answers with it.
		expect((await schedulingForDeck(db, deckIds[1]!, NOW)).examCap?.examDay).toBe(TODAY + 20);
	});

	it('writes nothing when one deck fails (one transaction for all decks)', async () => {
		const deckIds = await articleDb();
		const before = await dumpTables(db);
		await expect(setGroupExamDate(db, GROUP, dateOfStudyDay(TODAY - 1), NOW)).rejects.toThrow();
		// A failure injected on the last deck's plan, after the others were written.
		db.examPlans.hook('creating', (_key, plan) => {
			if (plan.deckId === deckIds.at(-1)) throw new Error('disk full');
		});
		await expect(setGroupExamDate(db, GROUP, dateOfStudyDay(TODAY + 9), NOW)).rejects.toThrow(/disk full/);
		expect(await dumpTables(db)).toEqual(before);
	});

	it('removes the plan of every deck with an empty date, and says when the decks differ', async () => {
		const deckIds = await articleDb();
		await setGroupExamDate(db, GROUP, dateOfStudyDay(TODAY + 9), NOW);
		await setExamPlan(db, deckIds[2]!, { examDate: dateOfStudyDay(TODAY + 30), tags: [] }, NOW);
		const differing = await loadGroupStudyState(db, GROUP, NOW);
		expect(differing?.examDate).toBeNull();
		// The group's readiness is taken on the earliest exam morning.
		expect(differing?.state.plan?.examDate).toBe(dateOfStudyDay(TODAY + 9));
		await setGroupExamDate(db, GROUP, '', NOW);
		expect(await db.examPlans.count()).toBe(0);
		expect((await loadGroupStudyState(db, GROUP, NOW))?.examDate).toBe('');
	});

	it('refuses a group with no decks', async () => {
		await articleDb();
		await expect(setGroupExamDate(db, 'No such group', dateOfStudyDay(TODAY + 9), NOW)).rejects.toThrow(
			/no decks/
		);
		expect(await loadGroupStudyState(db, 'No such group', NOW)).toBeNull();
	});
});

describe('group readiness', () => {
	it("covers every card of the group, each predicted with its own deck's scheduler", async () => {
		const deckIds = await articleDb();
		// Study one card in two decks, the second deck with a much lower desired retention.
		await db.decks.update(deckIds[1]!, { settings: { desiredRetention: 0.7 } });
		for (const id of deckIds.slice(0, 2)) {
			const card = (await cardsOfDeck(db, id).first())!;
			const { scheduler } = await schedulingForDeck(db, id, NOW);
			await answerCard(db, {
				shown: card,
				rating: 3,
				nowMs: NOW - 86_400_000,
				durationMs: 1,
				scheduler,
				dayCutoffHour: 4
			});
		}
		const group = (await groupReadinessView(db, GROUP, NOW))!;
		const total = await db.cards.count();
		expect(group.readiness.overall.cards).toBe(total);
		expect(group.state.deckId).toBe(groupScopeKey(GROUP));
		for (const id of deckIds.slice(0, 2)) {
			const single = await readinessView(db, id, NOW);
			const card = single.weakest[0]!;
			expect(group.weakest.find((w) => w.cardId === card.cardId)?.recall).toBeCloseTo(card.recall, 10);
		}
		expect(await groupReadinessView(db, 'No such group', NOW)).toBeNull();
	});
});

describe('group test', () => {
	it('draws questions from more than one deck and keeps the result under the group', async () => {
		const deckIds = await articleDb();
		const key = groupScopeKey(GROUP);
		const request = { deckId: key, group: GROUP, filter: NO_FILTER, count: 20, seed: '123456' };
		const test = await buildTest(db, request, NOW);
		const decksAsked = new Set(test.questions.flatMap((q) => q.sources.map((s) => s.cardId.split('/')[0])));
		expect(decksAsked.size).toBeGreaterThan(1);
		expect([...decksAsked].every((d) => deckIds.includes(d!))).toBe(true);
		// The same request gives the same test.
		expect(await buildTest(db, request, NOW)).toEqual(test);
		await saveTestResult(db, {
			deckId: key,
			seed: request.seed,
			takenMs: NOW,
			durationMs: 1000,
			timeLimitMs: null,
			filterLabel: test.filterLabel,
			report: {
				questionCount: 20,
				score: 0.5,
				points: 10,
				byTag: [],
				byQuestion: [],
				missed: [],
				missedCardIds: []
			}
		});
		expect(await listTestResults(db, key)).toHaveLength(1);
		expect((await groupReadinessView(db, GROUP, NOW))?.results).toHaveLength(1);
		expect(await listTestResults(db, deckIds[0]!)).toHaveLength(0);
	});
});
