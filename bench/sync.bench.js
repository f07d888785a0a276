// Sync: first sync of 10,000 cards / 100,000 logs up to an empty CouchDB database (pouchdb-server on
// 127.0.0.1, started here) and down to an empty device, beside the raw `_bulk_docs` time of the same
// documents (target ≤ 2×); an incremental sync of one study session (20 answers, target ≤ 300 ms).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSyncServer } from '../scripts/sync-server-process.js';

/** @param {import('./run.js').BenchContext} ctx */
export default async function syncBench({ harness, print }) {
	const dir = mkdtempSync(join(tmpdir(), 'kartka-bench-sync-'));
	const server = await startSyncServer({ dir });
	try {
		const cards = Number(process.env.BENCH_SYNC_CARDS ?? 10_000);
		const logs = Number(process.env.BENCH_SYNC_LOGS ?? 100_000);
		const r = await harness('sync', { server: server.url, cards, logs });
		/** @param {Record<string, number>} o @param {boolean} [inMs] */
		const ms = (o, inMs = false) =>
			Object.entries(o)
				.map(([k, v]) => (inMs ? `${k} ${v.toFixed(0)} ms` : `${k} ${(v / 1000).toFixed(1)} s`))
				.join(', ') || 'none';
		print(`seeding ${cards} cards + ${logs} logs (setup, not a target)`, r.seedS, 's');
		print(`documents (deck, notes, logs)`, r.docCount);
		print(
			'first sync up (push, then the pull that confirms it)',
			r.upS,
			's',
			`ratio ${(r.upS / r.rawUpS).toFixed(2)}× raw, target ≤ 2×`
		);
		print('  of which waiting for the server', ms(r.upTimes.server));
		print("  of which in this device's store (IndexedDB)", ms(r.upTimes.store));
		print('raw _bulk_docs of the same documents', r.rawUpS, 's');
		print(
			'first sync down (pull + replay to an empty device)',
			r.downS,
			's',
			`ratio ${(r.downS / r.rawUpS).toFixed(2)}× raw _bulk_docs, target ≤ 2×`
		);
		print('  of which waiting for the server', ms(r.downTimes.server));
		print("  of which in this device's store (IndexedDB)", ms(r.downTimes.store));
		print('raw _changes + _bulk_get of the same documents', r.rawDownS, 's', `${r.downloaded} docs`);
		print('device after first sync down', `${r.bCards} cards, ${r.bLogs} logs`);
		print('incremental sync, 20 answers: studying device', r.incUpMs, 'ms', 'target ≤ 300 ms');
		print('  server / store', `${ms(r.incUpTimes.server, true)} / ${ms(r.incUpTimes.store, true)}`);
		print('incremental sync, 20 answers: other device', r.incDownMs, 'ms', 'target ≤ 300 ms');
		print('  server / store', `${ms(r.incDownTimes.server, true)} / ${ms(r.incDownTimes.store, true)}`);
	} finally {
		await server.stop();
		rmSync(dir, { recursive: true, force: true });
	}
}
