/** A practice test's result as stored (schema v3 `testResults`). */
import type { TagScore } from './test-grading';

export interface TestResultRow {
	id?: number;
	deckId: string;
	takenMs: number;
	seed: string;
	questionCount: number;
	/** 0..1 */
	score: number;
	durationMs: number;
	/** Null for an untimed test. */
	timeLimitMs: number | null;
	/** The card filter, in words. */
	filterLabel: string;
	byTag: TagScore[];
	missedCardIds: string[];
}
