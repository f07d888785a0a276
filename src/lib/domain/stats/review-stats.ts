/**
 * Statistics of answers, from review-log rows. Pure: the caller passes "today" as a study-day index
 * (see study-day.ts), so every day here is the user's local study day with its cutoff hour.
 */
import type { ReviewLogRow } from '../model';
import { CardState, Rating } from '../schedule';

export interface DayCount {
	/** Study-day index (days since 1970-01-01 in the local calendar, shifted by the cutoff hour). */
	day: number;
	count: number;
}

export interface DayMinutes {
	day: number;
	minutes: number;
}

export interface RetentionFigure {
	/** Review-state answers in the window (due reviews of cards already learned). */
	answered: number;
	/** Of those, the ones not answered "Again". */
	passed: number;
	/** passed / answered, or null when nothing was answered. */
	retention: number | null;
}

/** Answers (study and practice), not manual changes such as "forget" or "set due date". */
function isAnswer(log: ReviewLogRow): boolean {
	return log.kind !== 'manual';
}

/** Answers per study day for the `days` days ending today (oldest first, zeros included). */
export function answersPerDay(logs: readonly ReviewLogRow[], today: number, days: number): DayCount[] {
	const first = today - days + 1;
	const counts = new Array<number>(days).fill(0);
	for (const log of logs) {
		const i = log.studyDay - first;
		if (i >= 0 && i < days && isAnswer(log)) counts[i]!++;
	}
	return counts.map((count, i) => ({ day: first + i, count }));
}

/** Minutes spent answering per study day for the `days` days ending today (oldest first). */
export function minutesPerDay(logs: readonly ReviewLogRow[], today: number, days: number): DayMinutes[] {
	const first = today - days + 1;
	const ms = new Array<number>(days).fill(0);
	for (const log of logs) {
		const i = log.studyDay - first;
		if (i >= 0 && i < days && isAnswer(log)) ms[i]! += Math.max(0, log.durationMs);
	}
	return ms.map((total, i) => ({ day: first + i, minutes: total / 60_000 }));
}

/**
 * True retention (Anki's definition): the share of answers to cards in the review state that were not
 * "Again". Learning steps and practice runs are left out: they do not test long-term memory.
 */
function isRetentionSample(log: ReviewLogRow): boolean {
	return log.kind === 'review' && log.before.state === CardState.Review;
}

function retentionOf(logs: Iterable<ReviewLogRow>): RetentionFigure {
	let answered = 0;
	let passed = 0;
	for (const log of logs) {
		if (!isRetentionSample(log)) continue;
		answered++;
		if (log.rating !== Rating.Again) passed++;
	}
	return { answered, passed, retention: answered > 0 ? passed / answered : null };
}

/** True retention over the last `days` study days, today included. */
export function trueRetention(logs: readonly ReviewLogRow[], today: number, days: number): RetentionFigure {
	const first = today - days + 1;
	return retentionOf(logs.filter((l) => l.studyDay >= first && l.studyDay <= today));
}

export interface TagRetention extends RetentionFigure {
	tag: string;
}

/**
 * True retention per tag of the answered card's note (a card counts for each tag of its note), most
 * answered first. Notes without tags are grouped under `untagged`.
 */
export function retentionByTag(
	logs: readonly ReviewLogRow[],
	tagsOfNote: ReadonlyMap<string, readonly string[]>,
	untagged = '(no tag)'
): TagRetention[] {
	const byTag = new Map<string, { answered: number; passed: number }>();
	for (const log of logs) {
		if (!isRetentionSample(log)) continue;
		const tags = tagsOfNote.get(log.noteId);
		for (const tag of tags && tags.length > 0 ? tags : [untagged]) {
			const figure = byTag.get(tag) ?? { answered: 0, passed: 0 };
			figure.answered++;
			if (log.rating !== Rating.Again) figure.passed++;
			byTag.set(tag, figure);
		}
	}
	return [...byTag]
		.map(([tag, f]) => ({ tag, ...f, retention: f.passed / f.answered }))
		.sort((a, b) => b.answered - a.answered || a.tag.localeCompare(b.tag));
}
