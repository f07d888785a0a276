// Parsing only (the import service's end-to-end benchmark, with database writes, is import.bench.js):
// a 10,000-row CSV and a 20,000-note Anki package through the real parse worker in Chromium.

/** @param {import('./run.js').BenchContext} ctx */
export default async function importParseBench({ harness, print }) {
	const r = await harness('import-parse', { rows: 10_000, notes: 20_000 });
	if (r.error) throw new Error(r.error);
	if (r.csvNotes !== r.rows || r.apkgNotes !== r.notes)
		throw new Error(`parsed ${r.csvNotes}/${r.rows} rows, ${r.apkgNotes}/${r.notes} notes`);
	if (r.cancelOutcome !== 'cancelled') throw new Error(`cancel ended as ${r.cancelOutcome}`);
	print(
		`building the ${r.notes}-note .apkg (setup, not a target)`,
		r.buildMs,
		'ms',
		`${(r.apkgBytes / 1024 / 1024).toFixed(1)} MB`
	);
	print(
		`CSV, ${r.rows} rows, in the worker (median of 3)`,
		r.csvWorkerMs,
		'ms',
		'import target ≤ 2 s in all'
	);
	print(`CSV, ${r.rows} rows, in the page`, r.csvPageMs, 'ms');
	print(`.apkg, ${r.notes} notes, in the worker, first (wasm compile)`, r.apkgWorkerFirstMs, 'ms');
	print(
		`.apkg, ${r.notes} notes, in the worker (median of 3)`,
		r.apkgWorkerMs,
		'ms',
		`${r.apkgReviews} reviews read`
	);
	print(`.apkg, ${r.notes} notes, in the page`, r.apkgPageMs, 'ms');
	print('cancel 30 ms into a package parse → rejected', r.cancelMs, 'ms');
}
