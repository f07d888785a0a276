/** The readiness view of a deck or a deck group: predicted recall on the exam morning per tag, the weakest cards, past tests. */
import type { KartkaDB } from '$lib/db/db';
import { listTestResults } from '$lib/db/exam.repo';
import type { TestResultRow } from '$lib/domain/exam/test-result';
import { factOf } from '$lib/domain/exam/facts';
import { computeReadiness, type Readiness } from '$lib/domain/exam/readiness';
import { DEFAULT_TARGET_RECALL } from '$lib/domain/exam/exam-plan';
import { recallMomentMs, type DeckStudyState } from '$lib/domain/exam/deck-study-state';
import { loadDeckStudyState } from './deck-study-state.service';
import { loadGroupStudyState } from './group-exam.service';

interface WeakCard {
	cardId: string;
	prompt: string;
	answer: string;
	recall: number;
}

export interface ReadinessView {
	state: DeckStudyState;
	readiness: Readiness;
	/** The weakest studied cards, with their text. */
	weakest: WeakCard[];
	results: TestResultRow[];
}

export async function readinessView(
	db: KartkaDB,
	deckId: string,
	nowMs: number,
	weakestCount = 10
): Promise<ReadinessView> {
	const [state, results] = await Promise.all([
		loadDeckStudyState(db, deckId, nowMs),
		listTestResults(db, deckId)
	]);
	return readinessOf(state, results, weakestCount);
}

/** A group's readiness: every card of its decks, each with its deck's scheduler; the group's tests. */
export async function groupReadinessView(
	db: KartkaDB,
	group: string,
	nowMs: number,
	weakestCount = 10
): Promise<ReadinessView | null> {
	const loaded = await loadGroupStudyState(db, group, nowMs);
	if (!loaded) return null;
	const results = await listTestResults(db, loaded.state.deckId);
	return readinessOf(loaded.state, results, weakestCount);
}

function readinessOf(state: DeckStudyState, results: TestResultRow[], weakestCount: number): ReadinessView {
	const readiness = computeReadiness({
		cards: state.cards
			.filter((c) => state.inScopeNotes.has(c.noteId))
			.map((card) => ({ card, tags: state.notes.get(card.noteId)?.tags ?? [] })),
		atMs: recallMomentMs(state),
		targetRecall: state.plan?.targetRecall ?? DEFAULT_TARGET_RECALL,
		retrievability: (card, atMs) => state.scheduler.retrievability(card, atMs)
	});
	const byId = new Map(state.cards.map((c) => [c.id, c]));
	const weakest: WeakCard[] = [];
	for (const w of readiness.weakest) {
		if (weakest.length >= weakestCount) break;
		const card = byId.get(w.cardId);
		const note = state.notes.get(w.noteId);
		const fact = card && note ? factOf(card, note) : null;
		if (fact) weakest.push({ cardId: w.cardId, prompt: fact.prompt, answer: fact.answer, recall: w.recall });
	}
	return { state, readiness, weakest, results };
}
