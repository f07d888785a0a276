/**
 * Card info: a card's review history as rows, and its retrievability over time (the forgetting curve
 * between answers, from the schedule each answer left), for a small plot with its data table. Pure.
 */
import type { ReviewLogRow } from '../model';
import { CardState, RATING_NAMES, type CardSchedule } from '../schedule';

export interface HistoryRow {
	reviewedMs: number;
	/** 'Again' … 'Easy', or 'Reset' / 'Rescheduled' for manual changes. */
	rating: string;
	kind: ReviewLogRow['kind'];
	/** Interval chosen by this answer: days for review cards, else null (learning steps). */
	intervalDays: number | null;
	durationMs: number;
}

export function historyRows(logs: readonly ReviewLogRow[]): HistoryRow[] {
	return [...logs]
		.sort((a, b) => a.reviewedMs - b.reviewedMs || (a.id ?? 0) - (b.id ?? 0))
		.map((log) => ({
			reviewedMs: log.reviewedMs,
			rating:
				log.kind === 'manual'
					? log.after.state === CardState.New
						? 'Reset'
						: 'Rescheduled'
					: RATING_NAMES[log.rating],
			kind: log.kind,
			intervalDays: log.after.state === CardState.Review ? log.after.scheduledDays : null,
			durationMs: log.durationMs
		}));
}

export interface RecallPoint {
	atMs: number;
	/** Probability of recall, 0..1. */
	retrievability: number;
}

export const MAX_POINTS = 60;
const DAY_MS = 86_400_000;

/**
 * Retrievability from the first answer to `untilMs` (now, or the due date if later), sampled at most
 * MAX_POINTS times plus every answer (where it jumps back up). `r(schedule, atMs)` is the scheduler's.
 */
export function recallSeries(
	logs: readonly ReviewLogRow[],
	untilMs: number,
	r: (schedule: CardSchedule, atMs: number) => number
): RecallPoint[] {
	const answers = logs
		.filter((l) => l.kind !== 'practice')
		.sort((a, b) => a.reviewedMs - b.reviewedMs || (a.id ?? 0) - (b.id ?? 0));
	if (answers.length === 0) return [];
	const startMs = answers[0]!.reviewedMs;
	const endMs = Math.max(untilMs, startMs + DAY_MS);
	const stepMs = Math.max(DAY_MS / 24, (endMs - startMs) / MAX_POINTS);
	const times = new Set<number>();
	for (let t = startMs; t < endMs; t += stepMs) times.add(Math.round(t));
	times.add(endMs);
	for (const a of answers) times.add(a.reviewedMs);
	const points: RecallPoint[] = [];
	let i = 0;
	for (const atMs of [...times].sort((a, b) => a - b)) {
		while (i + 1 < answers.length && answers[i + 1]!.reviewedMs <= atMs) i++;
		const after = answers[i]!.after;
		if (after.state === CardState.New) continue; // reset by "Forget": no memory to plot
		points.push({ atMs, retrievability: Math.max(0, Math.min(1, r(after, atMs))) });
	}
	return points;
}
