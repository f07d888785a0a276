// Issue 12: the import preview's review-history replay runs in the import worker (not on the page), with
// the same result as in place; the page's navigator.deviceMemory reaches the worker's parse.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { KartkaDB } from '$lib/db/db';
import { runHistoryReplay } from '$lib/domain/import/history-replay';
import { parseImport } from '$lib/domain/import/parse-import';
import { planImport } from '$lib/services/import/import-plan';
import { pageDeviceMemoryGb, parseInWorker } from '$lib/services/import/parse-client';
import type { WorkerRequest, WorkerResponse } from '$lib/services/import/parse-worker-protocol';
import { freshDb } from '../../helpers/db';
import { collection, note, SOURCE } from '../../helpers/collections';

const NOW = Date.UTC(2026, 10, 30, 12);
const DAY_MS = 86_400_000;
let db: KartkaDB;

/** A stand-in for parse.worker.ts that records what the page asks and answers as the worker does. */
class FakeWorker {
	static requests: WorkerRequest[] = [];
	onmessage: ((event: MessageEvent<WorkerResponse>) => void) | null = null;
	onerror: ((event: ErrorEvent) => void) | null = null;
	postMessage(req: WorkerRequest): void {
		FakeWorker.requests.push(req);
		queueMicrotask(async () => {
			let answer: WorkerResponse;
			if (req.type === 'replay') answer = { type: 'replayed', replays: runHistoryReplay(req.job) };
			else if (req.type === 'parse')
				answer = { type: 'done', collection: await parseImport(req.bytes, { fileName: req.fileName }) };
			else return;
			this.onmessage?.({ data: answer } as MessageEvent<WorkerResponse>);
		});
	}
	terminate(): void {}
}

afterEach(() => {
	db?.close();
	vi.unstubAllGlobals();
	FakeWorker.requests = [];
});

const withHistory = () =>
	collection([note('a', 'A', '1'), note('b', 'B', '2'), note('c', 'C', '3')], {
		reviews: [
			{ noteKey: 'a', ord: 0, reviewedMs: NOW - 9 * DAY_MS, rating: 3, durationMs: 4000 },
			{ noteKey: 'a', ord: 0, reviewedMs: NOW - 3 * DAY_MS, rating: 2, durationMs: 9000 },
			{ noteKey: 'a', ord: 0, reviewedMs: NOW - DAY_MS, rating: 4, durationMs: 2000 },
			{ noteKey: 'b', ord: 0, reviewedMs: NOW - 2 * DAY_MS, rating: 1, durationMs: 1000 }
		]
	});

describe('the import worker', () => {
	it('replays the review history in the worker, with the same schedules and logs as in place', async () => {
		db = freshDb();
		const inPlace = await planImport(db, withHistory(), { nowMs: NOW, source: SOURCE, withReplays: true });
		expect(inPlace.replays).toHaveLength(2);

		vi.stubGlobal('Worker', FakeWorker);
		const viaWorker = await planImport(db, withHistory(), { nowMs: NOW, source: SOURCE, withReplays: true });
		const replayRequests = FakeWorker.requests.filter((r) => r.type === 'replay');
		expect(replayRequests).toHaveLength(1);
		expect(replayRequests[0]!.type === 'replay' && replayRequests[0]!.job.cards).toHaveLength(2);
		expect(viaWorker.replays).toEqual(inPlace.replays);
	});

	it('asks the worker for nothing when "Import progress" is not ticked', async () => {
		db = freshDb();
		vi.stubGlobal('Worker', FakeWorker);
		const plan = await planImport(db, withHistory(), { nowMs: NOW, source: SOURCE, withReplays: false });
		expect(plan.totals.reviews).toBe(4);
		expect(FakeWorker.requests).toEqual([]);
	});

	it("hands the page's navigator.deviceMemory to the worker's parse", async () => {
		vi.stubGlobal('Worker', FakeWorker);
		vi.stubGlobal('navigator', { deviceMemory: 2 });
		expect(pageDeviceMemoryGb()).toBe(2);
		await parseInWorker(new TextEncoder().encode('front,back\nA,1\n'), { fileName: 'cards.csv' });
		expect(FakeWorker.requests).toMatchObject([{ type: 'parse', deviceMemoryGb: 2 }]);
	});

	it('reads no deviceMemory where the browser does not tell it (Firefox, Safari: desktop limits)', () => {
		vi.stubGlobal('navigator', {});
		expect(pageDeviceMemoryGb()).toBeUndefined();
		vi.stubGlobal('navigator', { deviceMemory: 0 });
		expect(pageDeviceMemoryGb()).toBeUndefined();
	});
});
