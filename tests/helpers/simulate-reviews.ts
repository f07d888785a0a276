/**
 * A synthetic student for tests and benchmarks (the app itself does not use it): answers cards scheduled
 * by the app's own scheduler, recalling each with the probability that KNOWN parameters predict, so that
 * an optimizer fitted to the log should recover something closer to them than the defaults are.
 * Seeded, no clock.
 */
import {
	createRecallPredictor,
	createScheduler,
	defaultWeights,
	type MemoryReview
} from '$lib/domain/fsrs-adapter';
import type { ReviewLogRow } from '$lib/domain/model';
import { CardState, newCardSchedule, type CardSchedule, type Rating } from '$lib/domain/schedule';
import { DEFAULT_SCHEDULER_SETTINGS } from '$lib/domain/scheduler-settings';
import { endOfStudyDayAt, startOfStudyDay, studyDayOf } from '$lib/domain/study-day';

/** A student whose memory differs clearly from the defaults: slower forgetting of new cards, steeper curve. */
export const TRUE_WEIGHTS: readonly number[] = (() => {
	const w = defaultWeights();
	w[0] = 0.6;
	w[1] = 2.5;
	w[2] = 6;
	w[3] = 20;
	w[8] = 1.2;
	w[11] = 2.2;
	w[20] = 0.35;
	return w;
})();

export interface SimulationOptions {
	targetReviews: number;
	newPerDay?: number;
	firstDay?: number;
	cutoffHour?: number;
	seed?: number;
	weights?: readonly number[];
	deckId?: string;
}

export interface Simulation {
	logs: ReviewLogRow[];
	cards: Map<string, CardSchedule>;
	lastDay: number;
}

function rng(seed: number): () => number {
	let s = seed >>> 0 || 1;
	return () => {
		s ^= s << 13;
		s ^= s >>> 17;
		s ^= s << 5;
		return (s >>> 0) / 4_294_967_296;
	};
}

export function simulateReviews(options: SimulationOptions): Simulation {
	const cutoff = options.cutoffHour ?? 4;
	const weights = options.weights ?? TRUE_WEIGHTS;
	const deckId = options.deckId ?? 'sim';
	const random = rng(options.seed ?? 42);
	// The student is scheduled with the DEFAULT parameters (as before any optimization) ...
	const scheduler = createScheduler({ ...DEFAULT_SCHEDULER_SETTINGS, fuzz: false, dayCutoffHour: cutoff });
	const cards = new Map<string, CardSchedule>();
	const logs: ReviewLogRow[] = [];
	let day = options.firstDay ?? 19_000;
	let introduced = 0;

	// ... but remembers as the TRUE parameters say: its recall follows FSRS with TRUE_WEIGHTS along the
	// card's actual history. Same-day steps (which FSRS does not predict) are recalled 90% of the time.
	const predictTrue = createRecallPredictor(weights);
	const histories = new Map<string, { history: MemoryReview[]; lastDay: number }>();
	const recalled = (id: string, nowMs: number): boolean => {
		const h = histories.get(id)!;
		const gap = studyDayOf(nowMs, cutoff) - h.lastDay;
		const p = predictTrue([...h.history, { rating: 3, deltaDays: gap }]) ?? 0.9;
		return random() < p;
	};

	const answer = (id: string, nowMs: number) => {
		const before = cards.get(id)!;
		let rating: Rating;
		if (before.state === CardState.New) {
			const r = random();
			rating = r < 0.2 ? 1 : r < 0.3 ? 2 : r < 0.9 ? 3 : 4;
		} else if (recalled(id, nowMs)) {
			const r = random();
			rating = r < 0.1 ? 2 : r < 0.9 ? 3 : 4;
		} else rating = 1;
		const { schedule: after } = scheduler.answer(id, before, rating, nowMs);
		const today = studyDayOf(nowMs, cutoff);
		const h = histories.get(id) ?? { history: [], lastDay: today };
		h.history.push({ rating, deltaDays: h.history.length === 0 ? 0 : today - h.lastDay });
		h.lastDay = today;
		histories.set(id, h);
		cards.set(id, after);
		logs.push({
			id: logs.length + 1,
			cardId: id,
			noteId: id,
			deckId,
			rating,
			kind: 'review',
			reviewedMs: nowMs,
			studyDay: studyDayOf(nowMs, cutoff),
			durationMs: 4000 + Math.round(random() * 8000),
			before,
			after,
			afterRev: logs.length + 1
		});
	};

	// Cards waiting, by the study day they fall due (reviews) or come back (learning steps).
	const dueOn = new Map<number, string[]>();
	const schedule = (id: string) => {
		const dueDay = studyDayOf(cards.get(id)!.dueMs, cutoff);
		const list = dueOn.get(dueDay);
		if (list) list.push(id);
		else dueOn.set(dueDay, [id]);
	};
	while (logs.length < options.targetReviews) {
		const startMs = startOfStudyDay(day, cutoff) + 5 * 3_600_000;
		const endMs = endOfStudyDayAt(startMs, cutoff);
		const queue = dueOn.get(day) ?? [];
		dueOn.delete(day);
		for (let i = 0; i < (options.newPerDay ?? 20); i++) {
			const id = `${deckId}/c${introduced++}`;
			cards.set(id, newCardSchedule(startMs));
			queue.push(id);
		}
		let nowMs = startMs;
		const later: string[] = [];
		while (queue.length > 0) {
			for (const id of queue.splice(0)) {
				nowMs = Math.max(
					nowMs + 10_000,
					cards.get(id)!.state === CardState.Review ? 0 : cards.get(id)!.dueMs
				);
				answer(id, nowMs);
				const after = cards.get(id)!;
				if (after.state !== CardState.Review && after.dueMs < endMs - 3_600_000) later.push(id);
				else schedule(id);
			}
			later.sort((a, b) => cards.get(a)!.dueMs - cards.get(b)!.dueMs);
			queue.push(...later.splice(0));
		}
		day++;
	}
	return { logs, cards, lastDay: day - 1 };
}
