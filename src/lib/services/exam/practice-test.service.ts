/** Building a test from a deck's own cards (or a deck group's), and saving its result. */
import type { KartkaDB } from '$lib/db/db';
import { addTestResult } from '$lib/db/exam.repo';
import type { TestResultRow } from '$lib/domain/exam/test-result';
import { describeFilter, type CardFilter } from '$lib/domain/exam/card-filter';
import { factsOf } from '$lib/domain/exam/facts';
import type { TestReport } from '$lib/domain/exam/test-grading';
import { generateTest } from '$lib/domain/exam/test-generator';
import type { GeneratedTest, QuestionFormat } from '$lib/domain/exam/test-model';
import { Queue } from '$lib/domain/model';
import { chooseCards } from '$lib/domain/exam/deck-study-state';
import { loadDeckStudyState } from './deck-study-state.service';
import { loadGroupStudyState } from './group-exam.service';
import { KartkaError } from '$lib/domain/errors';

export interface TestRequest {
	/** The deck, or for a group test the group's scope key (groupScopeKey): what the result is saved under. */
	deckId: string;
	/** A test across a deck group ("Take a test" on a group): questions from all of its decks. */
	group?: string;
	filter: CardFilter;
	count: number;
	seed: string;
	formats?: QuestionFormat[];
}

/** The test for a request. The same deck content, filter, count and seed always give the same test. */
export async function buildTest(
	db: KartkaDB,
	request: TestRequest,
	nowMs: number
): Promise<GeneratedTest & { filterLabel: string }> {
	const state = request.group
		? (await loadGroupStudyState(db, request.group, nowMs))?.state
		: await loadDeckStudyState(db, request.deckId, nowMs);
	if (!state) throw new KartkaError('group-empty', 'This group has no decks.');
	const chosen = chooseCards(state, request.filter);
	// Distractors come from the whole deck (not only the chosen cards), for enough answers of each kind.
	const pool = factsOf(
		state.cards.filter((c) => c.queue !== Queue.Suspended),
		state.notes
	);
	const facts = factsOf(chosen, state.notes);
	const test = generateTest(facts, pool, {
		seed: request.seed,
		count: request.count,
		...(request.formats ? { formats: request.formats } : {})
	});
	return { ...test, filterLabel: describeFilter(request.filter) };
}

export interface FinishedTest {
	deckId: string;
	seed: string;
	takenMs: number;
	durationMs: number;
	timeLimitMs: number | null;
	filterLabel: string;
	report: TestReport;
}

export function saveTestResult(db: KartkaDB, done: FinishedTest): Promise<number> {
	const row: TestResultRow = {
		deckId: done.deckId,
		takenMs: done.takenMs,
		seed: done.seed,
		questionCount: done.report.questionCount,
		score: done.report.score,
		durationMs: done.durationMs,
		timeLimitMs: done.timeLimitMs,
		filterLabel: done.filterLabel,
		byTag: done.report.byTag,
		missedCardIds: done.report.missedCardIds
	};
	return addTestResult(db, row);
}
