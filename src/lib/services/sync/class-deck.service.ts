/**
 * Subscribing to an instructor's class database (read-only): the student's device only ever sends GET
 * requests to it (`_changes`, then each changed `kartka-deck:` document), keeps its checkpoint locally
 * (syncMeta: a read-only database refuses our `_local` write), and applies each deck through the SAME
 * path as a re-import of the deck file: the deck schema and import limits, then the deck-merge rules
 * (progress kept, removed notes suspended, the student's own edits win and the deck's text waits under
 * "Use theirs" / "Keep mine"). Everything is fetched and validated before the first write.
 */
import type { KartkaDB } from '$lib/db/db';
import { getSyncMeta } from '$lib/db/sync-tracking.repo';
import {
	listSubscriptions as listStored,
	recordSubscribed,
	recordUnsubscribed,
	saveSubscription
} from '$lib/db/class-subscriptions.repo';
import { KartkaError } from '$lib/domain/errors';
import {
	CLASS_LIMITS,
	classDeckChanges,
	parseClassDeckDoc,
	subscriptionPrompt,
	type ClassDeckDoc,
	type ClassSubscription
} from '$lib/domain/sync/class-deck';
import { commitImport, parseBytes } from '$lib/services/import/import.service';
import { planImport, type ImportPlan } from '$lib/services/import/import-plan';
import { checkServerAddress, CouchHttp } from './couch-http';

export interface ClassOptions {
	nowMs: () => number;
	fetch?: typeof fetch;
}

export interface ClassCheck {
	url: string;
	host: string;
	/** Decks written by this check (new or updated), by title. */
	updated: string[];
	/** Notes of the student's own edits that now hold a newer deck text ("Use theirs" / "Keep mine"). */
	userEditsKept: number;
}

export function listSubscriptions(db: KartkaDB): Promise<ClassSubscription[]> {
	return listStored(db);
}

/** "Stop updates" (on every device of the student, through sync): the decks stay, with their progress. */
export async function unsubscribe(db: KartkaDB, url: string, nowMs = Date.now()): Promise<void> {
	await recordUnsubscribed(db, url, nowMs);
}

/** Newest revision of every deck document changed since `since` (GET `_changes`, bounded). */
async function changedDecks(http: CouchHttp, since: string) {
	const latest = new Map<string, { rev: string; deleted: boolean }>();
	let seq = since;
	for (let batch = 0; batch < CLASS_LIMITS.maxChangesBatches; batch++) {
		const body = await http.request<unknown>('GET', '_changes', {
			query: { since: seq, limit: CLASS_LIMITS.changesBatch },
			maxBytes: CLASS_LIMITS.maxChangesBytes
		});
		const { changes, lastSeq, count } = classDeckChanges(body);
		for (const c of changes) latest.set(c.docId, { rev: c.rev, deleted: c.deleted });
		if (latest.size > CLASS_LIMITS.maxDecks)
			throw new KartkaError(
				'class-too-many',
				`The class database holds more than ${CLASS_LIMITS.maxDecks} decks: refused.`
			);
		seq = lastSeq;
		if (count < CLASS_LIMITS.changesBatch) break;
	}
	return { latest, lastSeq: seq };
}

/** Parse and plan one deck exactly as a re-import of its file would, refusing to land anywhere else. */
async function planDeck(db: KartkaDB, doc: ClassDeckDoc, url: string, nowMs: number): Promise<ImportPlan> {
	const fileName = `${doc.deckId}.json`;
	const coll = await parseBytes(new TextEncoder().encode(doc.deckJson), { fileName });
	const plan = await planImport(db, coll, {
		nowMs,
		source: { kind: 'url', name: fileName, url },
		// Subscribing said yes to this deck id: its new versions update it without asking again.
		confirmUpdateOf: doc.deckId,
		withReplays: false
	});
	const target = plan.decks[0]?.deck.id;
	if (plan.decks.length !== 1 || target !== doc.deckId)
		throw new KartkaError(
			'class-deck-clash',
			`The class deck "${doc.deckId}" cannot be added: a deck that comes with Kartka has the same id. Nothing was changed.`
		);
	return plan;
}

/**
 * A class database on the same server as the student's own sync database is read with the student's
 * sync login (CouchDB's `_security` lets the "student" role read it); any other one anonymously.
 */
async function loginFor(db: KartkaDB, url: string): Promise<{ username?: string; password?: string }> {
	const config = await getSyncMeta<{ url: string; username: string; password: string; enabled: boolean }>(
		db,
		'config'
	);
	if (!config?.enabled || !config.username) return {};
	try {
		if (new URL(config.url).origin !== new URL(url).origin) return {};
	} catch {
		return {};
	}
	return { username: config.username, password: config.password };
}

async function check(
	db: KartkaDB,
	sub: ClassSubscription,
	options: ClassOptions,
	requireDeck = false
): Promise<ClassCheck> {
	const login = await loginFor(db, sub.url);
	const http = new CouchHttp({ url: sub.url, ...login, fetch: options.fetch, timeoutMs: 30_000 });
	const { latest, lastSeq } = await changedDecks(http, sub.since);
	const known = new Map(sub.decks.map((d) => [d.deckId, d]));
	// 1. Fetch and validate everything first: a bad document means zero writes.
	const plans: { doc: ClassDeckDoc; plan: ImportPlan }[] = [];
	const nowMs = options.nowMs();
	for (const [docId, change] of latest) {
		// A withdrawn deck stays on the device with its progress (never silently removed).
		if (change.deleted) continue;
		const body = await http.request<unknown>('GET', encodeURIComponent(docId), {
			maxBytes: CLASS_LIMITS.maxDocBytes
		});
		const doc = parseClassDeckDoc(body, sub.host);
		if (known.get(doc.deckId)?.rev === doc.rev) continue;
		plans.push({ doc, plan: await planDeck(db, doc, sub.url, nowMs) });
	}
	if (requireDeck && plans.length === 0 && sub.decks.length === 0)
		throw new KartkaError('class-empty', `There is no Kartka deck in the class database at ${sub.host} yet.`);
	// 2. Apply each deck through the import (one transaction per deck), then the checkpoint.
	const updated: string[] = [];
	let userEditsKept = 0;
	for (const { doc, plan } of plans) {
		const result = await commitImport(db, plan, { missing: 'suspend' });
		const deck = plan.decks[0]!.deck;
		updated.push(deck.title);
		for (const d of result.decks) userEditsKept += d.summary.userEditsKept ?? 0;
		known.set(doc.deckId, { deckId: doc.deckId, rev: doc.rev, title: deck.title, version: deck.version });
	}
	await saveSubscription(db, { ...sub, since: lastSeq, decks: [...known.values()], checkedMs: nowMs });
	return { url: sub.url, host: sub.host, updated, userEditsKept };
}

/** The class database address, checked (https unless this computer), and the question to ask first. */
export function classAddress(raw: string): { url: string; host: string; question: string } {
	const url = checkServerAddress(raw);
	return { url: url.href, host: url.host, question: subscriptionPrompt(url.host) };
}

/** Subscribe (the student said yes to "Download deck from <host>?"): the first check downloads the decks. */
export async function subscribeToClass(
	db: KartkaDB,
	raw: string,
	options: ClassOptions
): Promise<ClassCheck> {
	const { url, host } = classAddress(raw);
	const existing = (await listSubscriptions(db)).find((s) => s.url === url);
	const result = await check(
		db,
		existing ?? { url, host, since: '0', decks: [], checkedMs: 0 },
		options,
		true
	);
	// Only a subscription that worked is sent to the student's other devices.
	if (!existing) {
		const stored = (await listSubscriptions(db)).find((s) => s.url === url)!;
		await recordSubscribed(db, stored, options.nowMs());
	}
	return result;
}

/** "Sync now" and app start: every subscription checked for a newer deck version. */
export async function checkClassDecks(db: KartkaDB, options: ClassOptions): Promise<ClassCheck[]> {
	const results: ClassCheck[] = [];
	for (const sub of await listSubscriptions(db)) results.push(await check(db, sub, options));
	return results;
}
