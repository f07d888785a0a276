import type { SchemaStep } from '../db';

/**
 * Version 3: exam preparation. `examPlans`: one exam date per deck (see domain/exam/exam-plan.ts).
 * `testResults`: each practice test's score, by deck and date ([deckId+takenMs]: a deck's history in order).
 * New tables only: nothing to move from earlier versions.
 */
export const step: SchemaStep = {
	stores: {
		examPlans: 'deckId',
		testResults: '++id, deckId, [deckId+takenMs]'
	}
};
