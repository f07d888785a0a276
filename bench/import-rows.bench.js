// Where an import's write time goes in Chromium's IndexedDB (issue 13 item 5): the rows of the 20,000-note
// .apkg (20,000 notes, 30,000 cards) written in one transaction by variant. Not a target: it says whether
// indexes, row size, durability or the number of puts set the floor. ONLY=<variant,…> RUNS=<n> narrow it.

/** @param {import('./run.js').BenchContext} ctx */
export default async function importRows({ harness, print }) {
	const r = await harness('import-rows', {
		notes: 20_000,
		runs: Number(process.env.RUNS ?? 2),
		...(process.env.ONLY ? { only: process.env.ONLY } : {})
	});
	if (r.error) throw new Error(r.error);
	const median = (/** @type {number[]} */ xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
	for (const [name, runs] of Object.entries(r.result)) {
		const what = name.startsWith('examTags')
			? 'read: the notes of an exam limited to one tag, of 20,000'
			: name.startsWith('suspensionRows')
				? '10,000 suspension rows put (no card row)'
				: name.startsWith('suspend')
					? '10,000 stored cards put again'
					: `${r.rows} rows`;
		print(`${name}: ${what}, one transaction`, median(runs), 'ms', `runs ${runs.join(', ')}`);
	}
	print('native puts issued on the page thread (ms, in order)', r.issueMs.join(', '));
	print(
		'transaction durability, default / import connection',
		`${r.durability.default} / ${r.durability.relaxed}`
	);
}
