// Sync benchmark in Chromium against pouchdb-server (started by bench/sync.bench.js on 127.0.0.1):
// first sync of a collection up to an empty database and down to an empty device, beside the raw
// `_bulk_docs` upload (and raw `_changes` + `_bulk_get` download) of the very same documents; then an
// incremental sync of one study session (20 answers).
import { KartkaDB } from '$lib/db/db';
import { answerCard } from '$lib/db/review.repo';
import { settingsForDeck } from '$lib/db/settings.repo';
import { enqueueEverything } from '$lib/db/sync-enroll.repo';
import { deviceIdOf } from '$lib/db/sync-tracking.repo';
import { DexieSyncStore } from '$lib/db/sync-store.repo';
import { createScheduler } from '$lib/domain/fsrs-adapter';
import { Queue } from '$lib/domain/model';
import { CouchHttp } from '$lib/services/sync/couch-http';
import { pull, replicate } from '$lib/services/sync/replicator';

const params = new URLSearchParams(location.search);
const server = params.get('server')!;
const CARDS = Number(params.get('cards') ?? 10_000);
const LOGS = Number(params.get('logs') ?? 100_000);
const BATCH = 1000;
const w = window as unknown as { __benchResult: unknown; __benchDone: boolean };
/** Time spent waiting for the server, per endpoint (the rest of a sync is this device's own work). */
const serverMs: Record<string, number> = {};
const timedFetch: typeof fetch = async (input, init) => {
	const endpoint = /\/(_[a-z_]+)/.exec(new URL(String(input)).pathname)?.[1] ?? 'doc';
	const t = performance.now();
	const response = await fetch(input, init);
	const body = await response.arrayBuffer();
	serverMs[endpoint] = (serverMs[endpoint] ?? 0) + performance.now() - t;
	return new Response(body, { status: response.status, headers: response.headers });
};
/** Time spent in this device's store (IndexedDB reads and writes), per method. */
const storeMs: Record<string, number> = {};
function timedStore(db: KartkaDB): DexieSyncStore {
	const store = new DexieSyncStore(db);
	return new Proxy(store, {
		get(target, key, receiver) {
			const value = Reflect.get(target, key, receiver);
			if (typeof value !== 'function') return value;
			return async (...args: unknown[]) => {
				const t = performance.now();
				try {
					return await value.apply(target, args);
				} finally {
					storeMs[String(key)] = (storeMs[String(key)] ?? 0) + performance.now() - t;
				}
			};
		}
	});
}
const takeTimes = () => {
	const out = { server: { ...serverMs }, store: { ...storeMs } };
	for (const k of Object.keys(serverMs)) delete serverMs[k];
	for (const k of Object.keys(storeMs)) delete storeMs[k];
	return out;
};
const http = (db: string) => new CouchHttp({ url: `${server}/${db}`, timeoutMs: 120_000, fetch: timedFetch });
const put = (db: string) => fetch(`${server}/${db}`, { method: 'PUT' });
const T0 = Date.UTC(2026, 0, 1);

async function seed(db: KartkaDB) {
	const deckId = 'bench-sync';
	await db.decks.put({
		id: deckId,
		title: 'Bench',
		description: '',
		version: '1',
		language: 'en',
		license: 'CC0',
		source: { title: 'bench' },
		origin: 'import',
		contentHash: 'x',
		createdMs: T0,
		updatedMs: T0
	});
	const notes = [];
	const cards = [];
	for (let i = 0; i < CARDS; i++) {
		notes.push({
			id: `${deckId}/n${i}`,
			deckId,
			key: `n${i}`,
			kind: 'basic' as const,
			fields: { front: `Question ${i}`, back: `Answer ${i}` },
			tags: [],
			position: i,
			updatedMs: T0
		});
		cards.push({
			id: `${deckId}/n${i}#0`,
			noteId: `${deckId}/n${i}`,
			deckId,
			ord: 0,
			queue: Queue.Review,
			newPosition: i * 1000,
			rev: 1,
			state: 2 as const,
			dueMs: T0 + 86_400_000,
			stability: 5,
			difficulty: 5,
			scheduledDays: 5,
			learningSteps: 0,
			reps: 10,
			lapses: 0,
			lastReviewMs: T0,
			createdMs: T0
		});
	}
	await db.notes.bulkAdd(notes);
	await db.cards.bulkAdd(cards);
	const perCard = Math.max(1, Math.floor(LOGS / CARDS));
	const me = await deviceIdOf(db);
	for (let start = 0; start < LOGS; start += 10_000) {
		const logs = [];
		for (let i = start; i < Math.min(LOGS, start + 10_000); i++) {
			const card = cards[Math.floor(i / perCard) % CARDS]!;
			const reviewedMs = T0 + (i % perCard) * 86_400_000;
			logs.push({
				// As the app makes them: <this device>-<local id> (ids count from 1 in this empty table).
				uid: `${me}-${i + 1}`,
				cardId: card.id,
				noteId: card.noteId,
				deckId,
				rating: ((i % 4) + 1) as 1 | 2 | 3 | 4,
				kind: 'review' as const,
				reviewedMs,
				studyDay: 0,
				durationMs: 3000,
				before: card,
				after: card,
				afterRev: 0
			});
		}
		await db.reviewLogs.bulkAdd(logs);
	}
}

/** Every document of `from`, as stored (with its revision), in batches. */
async function readAll(from: string) {
	const docs: unknown[][] = [];
	let startkey: string | undefined;
	for (;;) {
		const q = new URLSearchParams({
			include_docs: 'true',
			limit: String(BATCH + 1),
			...(startkey ? { startkey: JSON.stringify(startkey) } : {})
		});
		const res = (await (await fetch(`${server}/${from}/_all_docs?${q}`)).json()) as {
			rows: { id: string; doc: unknown }[];
		};
		docs.push(res.rows.slice(0, BATCH).map((r) => r.doc));
		if (res.rows.length <= BATCH) return docs;
		startkey = res.rows[BATCH]!.id;
	}
}

async function rawDownload(from: string) {
	let since = '0';
	let count = 0;
	for (;;) {
		const changes = (await (
			await fetch(`${server}/${from}/_changes?since=${since}&limit=${BATCH}&style=all_docs`)
		).json()) as { results: { id: string; changes: { rev: string }[] }[]; last_seq: unknown };
		if (!changes.results.length) return count;
		const docs = changes.results.map((r) => ({ id: r.id, rev: r.changes[0]!.rev }));
		const got = await (
			await fetch(`${server}/${from}/_bulk_get?revs=true`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: JSON.stringify({ docs })
			})
		).json();
		count += (got as { results: unknown[] }).results.length;
		since = String(changes.last_seq);
	}
}

window.addEventListener('unhandledrejection', (e) => {
	const r = e.reason as { name?: string; message?: string; inner?: { message?: string }; stack?: string };
	console.error(`${r?.name}: ${r?.message} / ${r?.inner?.message} ${r?.stack}`);
});
const secs = (t: number) => (performance.now() - t) / 1000;
async function main() {
	const a = new KartkaDB(`bench-sync-a-${Date.now()}`);
	const b = new KartkaDB(`bench-sync-b-${Date.now()}`);
	const tag = Date.now().toString(36);
	const up = `up-${tag}`;
	const raw = `raw-${tag}`;
	await Promise.all([put(up), put(raw)]);
	let t = performance.now();
	await seed(a);
	const seedS = secs(t);
	const docCount = await enqueueEverything(a, T0);

	t = performance.now();
	await replicate(http(up), timedStore(a), { batchSize: BATCH });
	const upS = secs(t);
	const upTimes = takeTimes();

	const batches = await readAll(up);
	t = performance.now();
	for (const docs of batches)
		await fetch(`${server}/${raw}/_bulk_docs`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ docs, new_edits: false })
		});
	const rawUpS = secs(t);

	t = performance.now();
	await pull(http(up), timedStore(b), { batchSize: BATCH });
	const downS = secs(t);
	const downTimes = takeTimes();
	t = performance.now();
	const downloaded = await rawDownload(raw);
	const rawDownS = secs(t);

	// One study session on A: 20 answers, then A syncs (push 20), then B syncs (pull 20, replay 20 cards).
	const settings = await settingsForDeck(a, 'bench-sync');
	const scheduler = createScheduler(settings);
	const cards = await a.cards.limit(20).toArray();
	let now = T0 + 30 * 86_400_000;
	for (const shown of cards)
		await answerCard(a, {
			shown,
			rating: 3,
			nowMs: (now += 10_000),
			durationMs: 5000,
			scheduler,
			dayCutoffHour: settings.dayCutoffHour
		});
	takeTimes();
	t = performance.now();
	await replicate(http(up), timedStore(a));
	const incUpMs = secs(t) * 1000;
	const incUpTimes = takeTimes();
	t = performance.now();
	await replicate(http(up), timedStore(b));
	const incDownMs = secs(t) * 1000;
	const incDownTimes = takeTimes();
	const bLogs = await b.reviewLogs.count();

	w.__benchResult = {
		seedS,
		docCount,
		upS,
		rawUpS,
		downS,
		rawDownS,
		downloaded,
		incUpMs,
		incDownMs,
		bLogs,
		upTimes,
		downTimes,
		incUpTimes,
		incDownTimes,
		bCards: await b.cards.count()
	};
	a.close();
	b.close();
	await Promise.all([a.delete(), b.delete()]);
	w.__benchDone = true;
}

main().catch((e) => {
	console.error(`${e?.name}: ${e?.message} / ${e?.inner?.name} ${e?.inner?.message} ${e?.stack}`);
});
