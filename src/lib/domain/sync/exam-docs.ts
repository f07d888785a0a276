/**
 * Sync documents for exam preparation and class-deck subscriptions (issue 14, docs/sync.md):
 *
 * - `exam:<deck id>`: a deck's exam plan. Latest change wins (changedMs, then device id); removing the
 *   plan is a tombstone (`deleted: true`), a change like any other. The due dates a plan moves are NOT
 *   in it: they travel as 'manual' review logs (db/exam.repo.ts), so every card stays the replay of
 *   its logs on every device. The plan's new-card order is recomputed by each device on arrival.
 * - `result:<device>-<local id>`: a practice test's result. Immutable, globally unique id: never in
 *   conflict, the union of all devices'; a deleted deck takes its results with it (CouchDB deletions).
 * - `classdeck:<database URL>`: a subscription to an instructor's class database. Latest change wins;
 *   "Stop updates" is a tombstone (`subscribed: false`), so a device that subscribes again later wins.
 *
 * Everything from the server is untrusted: exam-doc-schema.ts checks shape and bounds (zod, kept apart so
 * that the screens that only merge or build these documents load no zod). Pure.
 */
import type { ExamPlanRow } from '../exam/exam-plan';
import type { TestResultRow } from '../exam/test-result';
import { canonicalJson } from './revisions';

export interface ExamBody {
	kind: 'exam';
	deckId: string;
	examDate: string;
	tags: string[];
	targetRecall: number;
	startDay: number;
	changedMs: number;
	changedBy: string;
	/** The plan was removed. */
	deleted?: boolean;
}

/** A result's document: the stored row without its local keys (the id is in the document's name). */
export type ResultBody = { kind: 'result' } & Omit<TestResultRow, 'id'>;

export interface ClassDeckSubBody {
	kind: 'classdeck';
	url: string;
	subscribed: boolean;
	changedMs: number;
	changedBy: string;
}

export type ExamKindBody = ExamBody | ResultBody | ClassDeckSubBody;
export const EXAM_DOC_KINDS: ReadonlySet<string> = new Set(['exam', 'result', 'classdeck']);

/**
 * A class database address as subscribing stores it (services/sync/couch-http.ts checkServerAddress):
 * https, or plain http only for this computer; no credentials; normalised with a final "/". A pulled
 * subscription that is not one is ignored (the device would be sent to fetch from it).
 */
export function isClassDatabaseUrl(raw: string): boolean {
	let url: URL;
	try {
		url = new URL(raw);
	} catch {
		return false;
	}
	const loopback = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/.test(url.hostname);
	const secure = url.protocol === 'https:' || (url.protocol === 'http:' && loopback);
	return secure && !url.username && !url.password && !url.search && !url.hash && url.pathname.endsWith('/');
}

function later(a: { changedMs: number; changedBy: string }, b: { changedMs: number; changedBy: string }) {
	return a.changedMs !== b.changedMs ? a.changedMs > b.changedMs : a.changedBy > b.changedBy;
}

/**
 * The merged version: the latest change (plans, subscriptions); for a result (immutable, every copy the
 * same) one picked by content. Depends only on the versions, never on their order.
 */
export function mergeExamKinds(versions: readonly ExamKindBody[]): ExamKindBody {
	return versions.reduce((w, v) => {
		const sameChange = v.kind !== 'result' && w.kind !== 'result' && v.changedMs === w.changedMs;
		if (v.kind === 'result' || w.kind === 'result' || (sameChange && v.changedBy === w.changedBy))
			return canonicalJson(v) > canonicalJson(w) ? v : w;
		return later(v, w) ? v : w;
	});
}

export function examBody(plan: ExamPlanRow, changedMs: number, changedBy: string): ExamBody {
	return {
		kind: 'exam',
		deckId: plan.deckId,
		examDate: plan.examDate,
		tags: [...plan.tags],
		targetRecall: plan.targetRecall,
		startDay: plan.startDay,
		changedMs,
		changedBy
	};
}

/** A removed plan's tombstone: the latest change wins over an older edit, and loses to a newer one. */
export function examTombstone(deckId: string, changedMs: number, changedBy: string): ExamBody {
	return {
		kind: 'exam',
		deckId,
		examDate: '1970-01-01',
		tags: [],
		targetRecall: 0.9,
		startDay: 0,
		changedMs,
		changedBy,
		deleted: true
	};
}

/** The plan row a document gives (its `updatedMs` is the change time, for the next comparison). */
export function planFromBody(body: ExamBody): ExamPlanRow {
	return {
		deckId: body.deckId,
		examDate: body.examDate,
		tags: [...body.tags],
		targetRecall: body.targetRecall,
		startDay: body.startDay,
		updatedMs: body.changedMs
	};
}

export function resultBody(row: TestResultRow): ResultBody {
	return {
		kind: 'result',
		deckId: row.deckId,
		takenMs: row.takenMs,
		seed: row.seed,
		questionCount: row.questionCount,
		score: row.score,
		durationMs: row.durationMs,
		timeLimitMs: row.timeLimitMs,
		filterLabel: row.filterLabel,
		byTag: row.byTag.map((t) => ({ tag: t.tag, correct: t.correct, total: t.total })),
		missedCardIds: [...row.missedCardIds]
	};
}

export type SyncedTestResultRow = TestResultRow & { uid?: string };

export function resultFromBody(uid: string, body: ResultBody): SyncedTestResultRow {
	const { kind: _kind, ...row } = body;
	return { ...row, uid };
}
