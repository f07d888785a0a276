/**
 * A deck group's exam: its date (an exam plan on every deck of the group, written in ONE transaction by
 * the single-deck `setExamPlan`, each deck keeping its own topics and target), and the group's study
 * state for readiness and tests (domain/exam/group-study-state.ts merges the decks' states).
 */
import type { KartkaDB } from '$lib/db/db';
import { deleteExamPlan, examPlanTables, getExamPlan } from '$lib/db/exam.repo';
import type { DeckStudyState } from '$lib/domain/exam/deck-study-state';
import { groupScopeKey, mergeDeckStudyStates, sharedExamDate } from '$lib/domain/exam/group-study-state';
import { decksOfGroup } from '../group-study.service';
import { loadDeckStudyState } from './deck-study-state.service';
import { ExamPlanError, setExamPlan } from './exam-plan.service';

export interface GroupStudyState {
	/** The decks' states merged (deckId is the group's scope key). */
	state: DeckStudyState;
	deckIds: string[];
	/** The exam date all decks share; '' when none has one, null when they differ. */
	examDate: string | null;
}

/** The group's merged study state; null when the group has no deck. Reads only. */
export async function loadGroupStudyState(
	db: KartkaDB,
	group: string,
	nowMs: number
): Promise<GroupStudyState | null> {
	const decks = await decksOfGroup(db, group);
	if (decks.length === 0) return null;
	const states = await Promise.all(decks.map((d) => loadDeckStudyState(db, d.id, nowMs)));
	return {
		state: mergeDeckStudyStates(groupScopeKey(group), states),
		deckIds: decks.map((d) => d.id),
		examDate: sharedExamDate(states)
	};
}

/**
 * Sets the exam date of every deck in the group, in one transaction: a date refused for one deck (not
 * ahead, too far) writes nothing. Each deck keeps its own topics and target; '' removes every plan.
 */
export async function setGroupExamDate(
	db: KartkaDB,
	group: string,
	examDate: string,
	nowMs: number
): Promise<number> {
	const decks = await decksOfGroup(db, group);
	if (decks.length === 0) throw new ExamPlanError('This group has no decks.');
	await db.transaction('rw', [...examPlanTables(db), db.settings, db.decks], async () => {
		for (const deck of decks) {
			if (examDate === '') {
				await deleteExamPlan(db, deck.id, nowMs);
				continue;
			}
			const previous = (await getExamPlan(db, deck.id)) ?? null;
			await setExamPlan(db, deck.id, { examDate, tags: previous?.tags ?? [] }, nowMs, previous);
		}
	});
	return decks.length;
}
