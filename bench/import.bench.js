// Import into the database, end to end, in Chromium: a 10,000-row CSV and a 20,000-note Anki package
// through the import service (parse in the worker + plan + one write transaction), each beside a raw
// Dexie bulkAdd of the same rows. Targets: ≤ 2 s each, ≤ 2× raw. (Parsing alone: import-parse.bench.js.)

/** @param {import('./run.js').BenchContext} ctx */
export default async function importBench({ harness, print }) {
	const r = await harness('import', { rows: 10_000, notes: 20_000, runs: 3 });
	if (r.error) throw new Error(r.error);
	if (r.csv.notes !== r.rows) throw new Error(`CSV: wrote ${r.csv.notes} of ${r.rows} notes`);
	if (r.apkg.notes !== r.notesWanted)
		throw new Error(`.apkg: wrote ${r.apkg.notes} of ${r.notesWanted} notes`);
	const report = (/** @type {string} */ name, /** @type {any} */ m) => {
		const ratio = m.totalMs / m.rawMs;
		print(
			`${name}: import, parse + plan + write (median of 3)`,
			m.totalMs / 1000,
			's',
			`target ≤ 2 s: ${m.totalMs <= 2000 ? 'met' : 'MISSED'}`
		);
		print(`  parse in the worker`, m.parseMs, 'ms');
		print(`  plan (compare with the collection, replay history)`, m.planMs, 'ms');
		print(
			`  write (one transaction)`,
			m.writeMs,
			'ms',
			`${m.notes} notes, ${m.cards} cards, ${m.reviews} review logs`
		);
		print(`  raw Dexie bulkAdd of the same ${m.rows} rows`, m.rawMs, 'ms');
		print(`  ratio import / raw bulkAdd`, ratio, '×', `target ≤ 2×: ${ratio <= 2 ? 'met' : 'MISSED'}`);
		print(`  ratio write only / raw bulkAdd`, m.writeMs / m.rawMs, '×');
	};
	report(`CSV, ${r.rows} rows`, r.csv);
	report(`.apkg, ${r.notesWanted} notes`, r.apkg);
	report(`.apkg, ${r.notesWanted} notes, with "Import progress"`, r.apkgProgress);
}
