// Simulated devices (fake-indexeddb) syncing against a real pouchdb-server started on 127.0.0.1.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { applyDeckContent } from '$lib/db/deck-content.repo';
import { KartkaDB } from '$lib/db/db';
import { answerCard } from '$lib/db/review.repo';
import { enqueueEverything } from '$lib/db/sync-enroll.repo';
import { DexieSyncStore } from '$lib/db/sync-store.repo';
import { recomputeCards } from '$lib/db/sync-replay.repo';
import type { Rating } from '$lib/domain/schedule';
import { CouchHttp } from '$lib/services/sync/couch-http';
import { replicate, type ReplicateOptions } from '$lib/services/sync/replicator';
import { schedulingForDeck } from '$lib/services/deck-scheduling.service';
import { startSyncServer } from '../../../scripts/sync-server-process.js';
import { deckRow, sampleNotes } from '../../helpers/db';

export type SyncServer = Awaited<ReturnType<typeof startSyncServer>> & { dir: string };

export async function startServer(
	admin?: { name: string; password: string },
	reuse?: { dir: string; port: number }
): Promise<SyncServer> {
	const dir = reuse?.dir ?? mkdtempSync(join(tmpdir(), 'kartka-sync-'));
	const server = await startSyncServer({ dir, port: reuse?.port, admin });
	return { ...server, dir };
}

export async function stopServer(server: SyncServer | undefined, removeData = true) {
	if (!server) return;
	await server.stop();
	if (removeData) rmSync(server.dir, { recursive: true, force: true });
}

/** Creates the database (PUT) as an instructor or `npm run sync-server` user would. */
export async function createDatabase(server: SyncServer, name: string, auth?: string) {
	const res = await fetch(`${server.url}/${name}`, {
		method: 'PUT',
		headers: auth ? { Authorization: auth } : {}
	});
	if (res.status !== 201 && res.status !== 412) throw new Error(`PUT /${name}: ${res.status}`);
	return `${server.url}/${name}`;
}

export class Device {
	readonly db: KartkaDB;
	readonly store: DexieSyncStore;
	enrolled = false;

	constructor(readonly name: string) {
		this.db = new KartkaDB(`${name}-${crypto.randomUUID()}`);
		this.store = new DexieSyncStore(this.db);
	}

	http(url: string, extra: { fetch?: typeof fetch; username?: string; password?: string } = {}) {
		return new CouchHttp({ url, timeoutMs: 10_000, ...extra });
	}

	async sync(url: string, options: ReplicateOptions & { fetch?: typeof fetch } = {}) {
		if (!this.enrolled) {
			await enqueueEverything(this.db, 0);
			this.enrolled = true;
		}
		return replicate(this.http(url, { fetch: options.fetch }), this.store, options);
	}

	async answer(cardId: string, rating: Rating, nowMs: number) {
		const shown = (await this.db.cards.get(cardId))!;
		// As the study screen does: the deck's scheduler in force now (capped while an exam plan is ahead).
		const { scheduler, deckSettings } = await schedulingForDeck(this.db, shown.deckId, nowMs);
		return answerCard(this.db, {
			shown,
			rating,
			nowMs,
			durationMs: 1000,
			scheduler,
			dayCutoffHour: deckSettings.dayCutoffHour
		});
	}

	close() {
		this.db.close();
	}
}

/** Rows that must be identical on every device (local ids and local revision counters left out). */
export async function snapshot(db: KartkaDB) {
	const strip = <T extends object>(row: T, keys: string[]) =>
		Object.fromEntries(Object.entries(row).filter(([k]) => !keys.includes(k)));
	const byId = (a: { id?: unknown }, b: { id?: unknown }) => String(a.id).localeCompare(String(b.id));
	const byUid = (a: { uid?: string }, b: { uid?: string }) => (a.uid ?? '').localeCompare(b.uid ?? '');
	return {
		decks: (await db.decks.toArray()).sort(byId).map((d) => strip(d, ['createdMs', 'updatedMs'])),
		// Sync bookkeeping on rows (edit times, creation times) is local; the content must match.
		notes: (await db.notes.toArray()).sort(byId).map((n) => ({
			...strip(n, ['updatedMs', 'createdMs', 'editedMs', 'editedBy', 'conflicts']),
			conflicts: (n as { conflicts?: unknown[] }).conflicts ?? []
		})),
		cards: (await db.cards.toArray()).sort(byId).map((c) => strip(c, ['rev', 'createdMs'])),
		logs: ((await db.reviewLogs.toArray()) as { uid?: string }[])
			.sort(byUid)
			.map((l) => strip(l, ['id', 'afterRev'])),
		// Which device made a plan is sync bookkeeping; the plan itself must match.
		examPlans: (await db.examPlans.toArray())
			.sort((a, b) => a.deckId.localeCompare(b.deckId))
			.map((p) => strip(p, ['changedBy'])),
		testResults: ((await db.testResults.toArray()) as { uid?: string }[])
			.sort(byUid)
			.map((r) => strip(r, ['id']))
	};
}

/** Both devices identical, and still identical after every card is replayed from its logs again. */
export async function expectSame(a: Device, b: Device) {
	expect(await snapshot(b.db)).toEqual(await snapshot(a.db));
	for (const d of [a, b]) {
		const ids = (await d.db.cards.toCollection().primaryKeys()) as string[];
		await d.db.transaction('rw', d.db.tables, () => recomputeCards(d.db, ids));
	}
	expect(await snapshot(b.db)).toEqual(await snapshot(a.db));
}

/** Deck `deckId` of `basic` + `reversible` sample notes on `device`, as an import of it at `nowMs` writes it. */
export async function importDeck(device: Device, deckId: string, nowMs: number, basic = 4, reversible = 2) {
	await applyDeckContent(device.db, deckRow(deckId), sampleNotes(deckId, basic, reversible), { nowMs });
}

/** A phone with deck `p` of `noteCount` notes and a laptop, both synced once through database `name`. */
export async function twoSyncedDevices(server: SyncServer, name: string, noteCount: number, nowMs: number) {
	const url = await createDatabase(server, name);
	const phone = new Device('phone');
	const laptop = new Device('laptop');
	await importDeck(phone, 'p', nowMs, noteCount, 0);
	await phone.sync(url);
	await laptop.sync(url);
	return { url, phone, laptop };
}
