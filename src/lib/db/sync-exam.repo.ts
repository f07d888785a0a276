/**
 * The sync side of exam plans, test results and class-deck subscriptions (domain/sync/exam-docs.ts):
 * building their documents for a push, applying pulled ones inside the pull batch's transaction (with
 * this device's unsent change of the same document merged by the same rule), queuing them all when sync
 * is turned on, and clearing them for "Replace this device's data with the server's". The replicator
 * reaches these through small hooks in sync-store.repo.ts, sync-apply.repo.ts and sync-enroll.repo.ts.
 */
import type { ExamPlanRow } from '$lib/domain/exam/exam-plan';
import { docId, type DocKind } from '$lib/domain/sync/doc-ids';
import {
	examBody,
	examTombstone,
	isClassDatabaseUrl,
	mergeExamKinds,
	planFromBody,
	resultBody,
	resultFromBody,
	type ClassDeckSubBody,
	type ExamBody,
	type ExamKindBody,
	type ResultBody,
	type SyncedTestResultRow
} from '$lib/domain/sync/exam-docs';
import type { KartkaDB } from './db';
import { reorderForPlan } from './exam.repo';
import {
	CLASS_SUBSCRIPTIONS_KEY,
	listSubscriptions,
	type SyncedSubscription
} from './class-subscriptions.repo';
import type { BatchContext } from './sync-apply.repo';
import { putSyncMeta } from './sync-tracking.repo';

/** A plan row with the device that made it, when it came from another device. */
type SyncedPlanRow = ExamPlanRow & { changedBy?: string };

const KINDS: ReadonlySet<DocKind> = new Set(['exam', 'result', 'classdeck']);

export function isExamKind(kind: DocKind): boolean {
	return KINDS.has(kind);
}

function resultByUid(db: KartkaDB, uid: string) {
	return db.testResults.where('uid').equals(uid).first() as Promise<SyncedTestResultRow | undefined>;
}

function subscriptionBody(
	url: string,
	sub: SyncedSubscription | undefined,
	changedMs: number,
	me: string
): ClassDeckSubBody {
	return {
		kind: 'classdeck',
		url,
		subscribed: !!sub,
		changedMs: sub?.subscribedMs ?? changedMs,
		changedBy: sub?.subscribedBy ?? me
	};
}

/** This device's version of a document (null: a deleted result). `changedMs`: its outbox time. */
async function localVersion(
	db: KartkaDB,
	kind: DocKind,
	key: string,
	changedMs: number,
	me: string
): Promise<ExamKindBody | null> {
	if (kind === 'exam') {
		const plan = (await db.examPlans.get(key)) as SyncedPlanRow | undefined;
		return plan ? examBody(plan, plan.updatedMs, plan.changedBy ?? me) : examTombstone(key, changedMs, me);
	}
	if (kind === 'result') {
		const row = await resultByUid(db, key);
		return row ? resultBody(row) : null;
	}
	const sub = (await listSubscriptions(db)).find((s) => s.url === key);
	return subscriptionBody(key, sub, changedMs, me);
}

/** Push: the document to send for an outbox row of these kinds. */
export async function buildExamKindDoc(
	db: KartkaDB,
	kind: DocKind,
	key: string,
	changedMs: number,
	me: string
): Promise<{ body: ExamKindBody | null }> {
	return { body: await localVersion(db, kind, key, changedMs, me) };
}

/** Pull: applies one document of these kinds (`body` null: deleted on the server). */
export async function applyExamKindDoc(
	ctx: BatchContext,
	id: string,
	kind: DocKind,
	key: string,
	body: ExamKindBody | null
): Promise<void> {
	const { db } = ctx;
	if (kind === 'result') {
		const row = await resultByUid(db, key);
		if (!body && row) await db.testResults.delete(row.id!);
		// Immutable: a result this device has is the result; one it deleted (its deck) stays deleted.
		if (body?.kind === 'result' && !row && !ctx.pending.has(id))
			await db.testResults.add(resultFromBody(key, body as ResultBody));
		return;
	}
	if (!body || body.kind !== kind) return;
	const pending = ctx.pending.get(id);
	const local = pending ? await localVersion(db, kind, key, pending.changedMs, ctx.me) : null;
	const merged = local ? mergeExamKinds([local, body]) : body;
	if (merged.kind === 'exam') await applyPlan(ctx, key, merged);
	else if (merged.kind === 'classdeck') await applySubscription(db, key, merged);
}

async function applyPlan(ctx: BatchContext, deckId: string, merged: ExamBody) {
	if (merged.deckId !== deckId) return;
	if (merged.deleted) await ctx.db.examPlans.delete(deckId);
	else await ctx.db.examPlans.put({ ...planFromBody(merged), changedBy: merged.changedBy } as SyncedPlanRow);
	(ctx.examDecks ??= new Set()).add(deckId);
}

async function applySubscription(db: KartkaDB, url: string, merged: ClassDeckSubBody) {
	if (merged.url !== url || !isClassDatabaseUrl(url)) return;
	const all = await listSubscriptions(db);
	const local = all.find((s) => s.url === url);
	if (merged.subscribed === !!local) return;
	const rest = all.filter((s) => s.url !== url);
	// A new subscription here starts from the class database's beginning: the next check downloads it.
	const added: SyncedSubscription[] = merged.subscribed
		? [
				{
					url,
					host: new URL(url).host,
					since: '0',
					decks: [],
					checkedMs: 0,
					subscribedMs: merged.changedMs,
					subscribedBy: merged.changedBy
				}
			]
		: [];
	await putSyncMeta(db, CLASS_SUBSCRIPTIONS_KEY, [...rest, ...added]);
}

/**
 * After a batch's notes and cards are written: each deck whose plan changed, or that got new cards
 * while it has a plan, takes the plan's new-card order (this device's own; due dates come as logs).
 */
export async function afterExamBatch(ctx: BatchContext, newCardDecks: Iterable<string>): Promise<void> {
	const decks = new Set(ctx.examDecks ?? []);
	const others = [...new Set(newCardDecks)].filter((d) => !decks.has(d));
	const planned = others.length ? await ctx.db.examPlans.bulkGet(others) : [];
	for (const plan of planned) if (plan) decks.add(plan.deckId);
	for (const deckId of decks) await reorderForPlan(ctx.db, deckId);
}

/** Turning sync on: every plan, result and subscription of this device. */
export async function examKindDocIds(db: KartkaDB): Promise<string[]> {
	const plans = (await db.examPlans.toCollection().primaryKeys()) as string[];
	const results = (await db.testResults.toArray()) as SyncedTestResultRow[];
	const subs = await listSubscriptions(db);
	return [
		...plans.map((deckId) => docId('exam', deckId)),
		...results.filter((r) => r.uid).map((r) => docId('result', r.uid!)),
		...subs.map((s) => docId('classdeck', s.url))
	];
}

/** "Replace this device's data": plans and synced results go (the server's arrive with the pull). */
export async function clearExamKinds(db: KartkaDB): Promise<void> {
	const decks = (await db.examPlans.toCollection().primaryKeys()) as string[];
	await db.examPlans.clear();
	for (const deckId of decks) await reorderForPlan(db, deckId);
	await db.testResults.where('uid').above('').delete();
}
